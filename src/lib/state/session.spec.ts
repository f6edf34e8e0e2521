// The session store: a device stays signed in whatever time passes offline, renews silently
// when the relay answers, and remembers a revocation without touching its local data.
import { describe, expect, it } from 'vitest';
import { memoryKeyValueStore } from '../storage/kv';
import { checkToken } from '../sync/token-check';
import {
	refreshSession,
	renameDevice,
	restoreSession,
	session,
	signInWithToken,
	signOut,
	type SessionEnv
} from './session.svelte';

const DAY_MS = 86_400_000;

function jwt(claims: Record<string, unknown>): string {
	const part = (value: unknown) =>
		btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
	return `${part({ alg: 'HS256' })}.${part(claims)}.sig`;
}

const GRANT = {
	credential: 'sfd1.session0000000001.secret',
	session: {
		id: 'session0000000001',
		workspace: 'acme',
		user: 'wang',
		role: 'warehouse',
		deviceName: 'iPad · 倉管',
		credentialExpiresAtMs: Date.now() + 30 * DAY_MS
	}
};

type Reply = { status: number; body: unknown } | 'offline';

/** A relay answering from a script, recording the paths asked. */
function relay(replies: Record<string, Reply>) {
	const asked: string[] = [];
	const fetchFn = (async (url: string | URL | Request) => {
		const path = new URL(String(url)).pathname;
		asked.push(path);
		const reply = replies[path] ?? 'offline';
		if (reply === 'offline') throw new TypeError('Failed to fetch');
		return new Response(JSON.stringify(reply.body), { status: reply.status });
	}) as typeof fetch;
	return { asked, fetchFn };
}

function env(fetchFn: typeof fetch, kv = memoryKeyValueStore()): SessionEnv {
	return { kv, origin: 'http://relay.test', fetchFn };
}

async function signedInDevice(kv = memoryKeyValueStore()) {
	const { fetchFn } = relay({ '/api/session': { status: 200, body: GRANT } });
	const outcome = await signInWithToken(jwt({ sub: 'wang' }), 'iPad · 倉管', env(fetchFn, kv));
	expect(outcome.kind).toBe('signed-in');
	return kv;
}

describe('session store', () => {
	it('exchanges the link for a device session that never expires locally', async () => {
		const kv = await signedInDevice();
		expect(session.current?.token).toBe(GRANT.credential);
		expect(session.current?.device?.name).toBe('iPad · 倉管');
		expect(session.current?.expMs).toBe(Number.POSITIVE_INFINITY);
		// Days later, offline, the credential lapsed: the session is still there.
		session.current = null;
		const restored = restoreSession(env(relay({}).fetchFn, kv));
		expect(restored?.user).toBe('wang');
		expect(restored?.workspace).toBe('acme');
		expect(restored?.expMs).toBe(Number.POSITIVE_INFINITY);
	});

	it('keeps the JWT when the relay is unreachable at sign-in, and keeps it after it expires', async () => {
		const kv = memoryKeyValueStore();
		const token = jwt({
			sub: 'lin',
			workspace: 'acme',
			role: 'sales',
			exp: Math.floor((Date.now() + 3_600_000) / 1000)
		});
		const outcome = await signInWithToken(token, 'Mac · 業務', env(relay({}).fetchFn, kv));
		expect(outcome.kind === 'signed-in' && outcome.session.token).toBe(token);

		const expired = jwt({ sub: 'lin', workspace: 'acme', role: 'sales', exp: 1_000_000 });
		kv.set('stockflow.session', expired);
		expect(restoreSession(env(relay({}).fetchFn, kv))?.user).toBe('lin');
		expect(kv.get('stockflow.session')).toBe(expired);
	});

	it('shows the relay refusing a used link, storing nothing', async () => {
		const kv = memoryKeyValueStore();
		const { fetchFn } = relay({ '/api/session': { status: 401, body: { error: 'link used' } } });
		const outcome = await signInWithToken(jwt({ sub: 'x' }), 'iPad', env(fetchFn, kv));
		expect(outcome).toEqual({ kind: 'refused', reason: 'link used' });
		expect(kv.get('stockflow.session')).toBeNull();
	});

	it('renews silently when online and changes nothing when offline', async () => {
		const kv = await signedInDevice();
		const later = GRANT.session.credentialExpiresAtMs + 5 * DAY_MS;
		const online = relay({
			'/api/session/renew': { status: 200, body: { session: { credentialExpiresAtMs: later } } }
		});
		expect(await refreshSession('iPad', env(online.fetchFn, kv))).toBe('renewed');
		expect(online.asked).toEqual(['/api/session/renew']);
		expect(JSON.parse(kv.get('stockflow.session') ?? '{}').credentialExpiresAtMs).toBe(later);

		expect(await refreshSession('iPad', env(relay({}).fetchFn, kv))).toBe('unchanged');
		expect(session.ended).toBeNull();
	});

	it('remembers a revocation across reloads and keeps the session (and so the local data)', async () => {
		const kv = await signedInDevice();
		const refused = relay({
			'/api/session/renew': { status: 401, body: { error: 'token revoked' } }
		});
		expect(await refreshSession('iPad', env(refused.fetchFn, kv))).toBe('ended');
		expect(session.ended).toBe('revoked');

		session.current = null;
		session.ended = null;
		const restored = restoreSession(env(relay({}).fetchFn, kv));
		expect(restored?.user).toBe('wang');
		expect(session.ended).toBe('revoked');
		// The workspace opens as "unauthorized" at once instead of retrying a refused credential.
		expect(restored?.expMs).toBe(0);
	});

	it('upgrades a JWT session kept offline once the relay answers', async () => {
		const kv = memoryKeyValueStore();
		const token = jwt({
			sub: 'wang',
			workspace: 'acme',
			role: 'warehouse',
			exp: Math.floor((Date.now() + 3_600_000) / 1000)
		});
		await signInWithToken(token, 'iPad', env(relay({}).fetchFn, kv));
		const online = relay({ '/api/session': { status: 200, body: GRANT } });
		expect(await refreshSession('iPad', env(online.fetchFn, kv))).toBe('upgraded');
		expect(session.current?.token).toBe(GRANT.credential);
	});

	it('signs out: forgets the credential and tells the relay', async () => {
		const kv = await signedInDevice();
		const r = relay({ '/api/session': { status: 200, body: { ok: true } } });
		signOut(env(r.fetchFn, kv));
		expect(session.current).toBeNull();
		expect(kv.get('stockflow.session')).toBeNull();
		await Promise.resolve();
		expect(r.asked).toEqual(['/api/session']);
	});

	it('checks a device credential by renewing it', async () => {
		const revoked = relay({ '/api/session/renew': { status: 401, body: {} } });
		expect(await checkToken('http://relay.test', GRANT.credential, revoked.fetchFn)).toBe(
			'refused'
		);
		expect(await checkToken('http://relay.test', GRANT.credential, relay({}).fetchFn)).toBe(
			'unreachable'
		);
	});

	it('renames the device on the relay first; offline or refused, the old name stays', async () => {
		const kv = await signedInDevice();
		const offline = await renameDevice('收貨區 iPad', env(relay({}).fetchFn, kv));
		expect(offline).toBe('unreachable');
		expect(session.current?.device?.name).toBe('iPad · 倉管');
		const refused = relay({ '/api/session/name': { status: 400, body: { error: 'bad' } } });
		expect(await renameDevice('收貨區 iPad', env(refused.fetchFn, kv))).toBe('refused');
		expect(session.current?.device?.name).toBe('iPad · 倉管');

		const ok = relay({ '/api/session/name': { status: 200, body: {} } });
		expect(await renameDevice('收貨區 iPad', env(ok.fetchFn, kv))).toBe('renamed');
		expect(ok.asked).toEqual(['/api/session/name']);
		expect(session.current?.device?.name).toBe('收貨區 iPad');
		// Remembered across a restart.
		session.current = null;
		expect(restoreSession(env(relay({}).fetchFn, kv))?.device?.name).toBe('收貨區 iPad');
	});
});
