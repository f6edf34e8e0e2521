// Device sessions over real sockets: a sign-in link is exchanged once for a device credential;
// the credential opens the websocket, renews after expiry, and stops working the moment the
// device or its user is revoked (open connections are closed within the poll interval).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRaw, openRawOrThrow } from './fixtures/clients';
import { startTestRelay, tempDir, token, type TestRelay } from './fixtures/relay';

describe('device sessions', () => {
	let dir: ReturnType<typeof tempDir>;
	let relay: TestRelay;
	let nowMs = Date.now();
	beforeAll(async () => {
		dir = tempDir();
		relay = await startTestRelay({
			dataDir: dir.path,
			sessionPollMs: 100,
			credentialTtlMs: 60 * 60_000,
			nowMs: () => nowMs
		});
	});
	afterAll(async () => {
		await relay.close();
		dir.remove();
	});

	const post = (path: string, body: unknown, bearer?: string) =>
		fetch(`${relay.http}${path}`, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				...(bearer ? { authorization: `Bearer ${bearer}` } : {})
			},
			body: JSON.stringify(body)
		});

	async function invite(workspace: string, role: string, user: string, ttl?: string) {
		const admin = await token(workspace, 'admin', { user: 'boss' });
		const res = await post('/api/invites', { role, user, ...(ttl ? { ttl } : {}) }, admin);
		expect(res.status).toBe(200);
		const body = (await res.json()) as { token: string; link: string; expiresAtMs: number };
		expect(body.link).toBe(`${relay.http}/signin?token=${body.token}`);
		return body;
	}

	async function exchange(linkToken: string, deviceName = 'iPad · 倉管') {
		return post('/api/session', { token: linkToken, deviceName, appVersion: '0.1.0' });
	}

	async function signedInDevice(workspace: string, role = 'warehouse', user = 'wendy') {
		const { token: linkToken } = await invite(workspace, role, user);
		const res = await exchange(linkToken);
		expect(res.status).toBe(200);
		return (await res.json()) as {
			credential: string;
			session: { id: string; user: string; role: string; deviceName: string };
		};
	}

	const syncUrl = (workspace: string, bearer: string) =>
		`${relay.ws}/sync/${workspace}/catalog?token=${encodeURIComponent(bearer)}`;

	it('exchanges an invitation link once for a device credential that opens the websocket', async () => {
		const { token: linkToken } = await invite('acme', 'warehouse', 'wendy');
		// The link itself is not a bearer token: it only works at the exchange.
		expect(await openRaw(syncUrl('acme', linkToken))).toEqual({ kind: 'refused', status: 401 });

		const first = await exchange(linkToken);
		expect(first.status).toBe(200);
		const { credential, session } = (await first.json()) as {
			credential: string;
			session: { user: string; role: string; deviceName: string };
		};
		expect(session).toMatchObject({ user: 'wendy', role: 'warehouse', deviceName: 'iPad · 倉管' });
		const socket = await openRawOrThrow(syncUrl('acme', credential));
		socket.ws.close();

		const second = await exchange(linkToken, 'stolen');
		expect(second.status).toBe(401);
		expect(await second.json()).toMatchObject({ error: 'link used' });
	});

	it('refuses an invitation link that was not used before it expired', async () => {
		const { token: linkToken } = await invite('acme', 'sales', 'sam', '1h');
		nowMs += 2 * 60 * 60_000;
		try {
			const res = await exchange(linkToken);
			expect(res.status).toBe(401);
			expect(await res.json()).toMatchObject({ error: 'link expired' });
		} finally {
			nowMs -= 2 * 60 * 60_000;
		}
	});

	it('keeps exchanging the plain JWTs of `stockflow token` (scripts, the start-up link)', async () => {
		const jwt = await token('acme', 'purchasing', { user: 'pat' });
		for (const name of ['laptop', 'phone']) {
			const res = await exchange(jwt, name);
			expect(res.status).toBe(200);
		}
		const socket = await openRawOrThrow(syncUrl('acme', jwt));
		socket.ws.close();
	});

	it('renews a credential that expired while the device was offline', async () => {
		const { credential } = await signedInDevice('acme');
		nowMs += 3 * 60 * 60_000; // past the one-hour credential lifetime
		try {
			expect(await openRaw(syncUrl('acme', credential))).toEqual({ kind: 'refused', status: 401 });
			const renewed = await post('/api/session/renew', { appVersion: '0.2.0' }, credential);
			expect(renewed.status).toBe(200);
			expect(await renewed.json()).toMatchObject({ session: { user: 'wendy', role: 'warehouse' } });
			const socket = await openRawOrThrow(syncUrl('acme', credential));
			socket.ws.close();
		} finally {
			nowMs -= 3 * 60 * 60_000;
		}
		const forged = credential.slice(0, -4) + 'AAAA';
		expect((await post('/api/session/renew', {}, forged)).status).toBe(401);
	});

	it('closes a revoked device within the poll interval and refuses it afterwards', async () => {
		const { credential, session } = await signedInDevice('acme');
		const other = await signedInDevice('acme');
		const socket = await openRawOrThrow(syncUrl('acme', credential));
		const otherSocket = await openRawOrThrow(syncUrl('acme', other.credential));
		const admin = await token('acme', 'admin', { user: 'boss' });
		const started = Date.now();
		expect((await post('/api/people/revoke', { device: session.id }, admin)).status).toBe(200);
		const closed = await socket.closed;
		expect(closed).toEqual({ code: 4403, reason: 'session ended: access revoked' });
		expect(Date.now() - started).toBeLessThan(3000);
		// Reconnecting and renewing are refused; the user's other device is untouched.
		expect(await openRaw(syncUrl('acme', credential))).toEqual({ kind: 'refused', status: 401 });
		const renew = await post('/api/session/renew', {}, credential);
		expect(renew.status).toBe(401);
		expect(await renew.json()).toMatchObject({ error: 'token revoked' });
		expect(otherSocket.ws.readyState).toBe(otherSocket.ws.OPEN);
		otherSocket.ws.close();
	});

	it('revoking a user ends all their devices and their older JWTs, not new invitations', async () => {
		const a = await signedInDevice('beta', 'sales', 'sue');
		const b = await signedInDevice('beta', 'sales', 'sue');
		const oldJwt = await token('beta', 'sales', {
			user: 'sue',
			nowSeconds: Math.floor(Date.now() / 1000) - 10
		});
		const sockets = await Promise.all(
			[a.credential, b.credential, oldJwt].map((bearer) => openRawOrThrow(syncUrl('beta', bearer)))
		);
		const admin = await token('beta', 'admin', { user: 'boss' });
		const res = await post('/api/people/revoke', { user: 'sue' }, admin);
		expect(await res.json()).toEqual({ ended: 2 });
		for (const socket of sockets) expect((await socket.closed).code).toBe(4403);
		expect(await openRaw(syncUrl('beta', oldJwt))).toEqual({ kind: 'refused', status: 401 });
		// Sue can be invited again.
		const again = await signedInDevice('beta', 'sales', 'sue');
		(await openRawOrThrow(syncUrl('beta', again.credential))).ws.close();
	});

	it('a role change ends the sessions and hands out a link for the new role', async () => {
		const { credential } = await signedInDevice('gamma', 'sales', 'ray');
		const socket = await openRawOrThrow(syncUrl('gamma', credential));
		const admin = await token('gamma', 'admin', { user: 'boss' });
		const res = await post('/api/people/role', { user: 'ray', role: 'purchasing' }, admin);
		expect(res.status).toBe(200);
		const body = (await res.json()) as { ended: number; invite: { token: string } };
		expect(body.ended).toBe(1);
		expect(await socket.closed).toEqual({
			code: 4403,
			reason: 'session ended: role changed, sign in again'
		});
		const next = await exchange(body.invite.token);
		expect(next.status).toBe(200);
		expect(await next.json()).toMatchObject({ session: { user: 'ray', role: 'purchasing' } });
	});

	it('records who changed whose role and who revoked whom, for the admin only', async () => {
		await signedInDevice('kappa', 'sales', 'ray');
		const device = await signedInDevice('kappa', 'warehouse', 'wu');
		const admin = await token('kappa', 'admin', { user: 'boss' });
		expect(
			(await post('/api/people/role', { user: 'ray', role: 'purchasing' }, admin)).status
		).toBe(200);
		expect((await post('/api/people/revoke', { device: device.session.id }, admin)).status).toBe(
			200
		);
		const changes = async (bearer: string) =>
			fetch(`${relay.http}/api/people/changes`, { headers: { authorization: `Bearer ${bearer}` } });
		const res = await changes(admin);
		expect(res.status).toBe(200);
		const body = (await res.json()) as { changes: Array<Record<string, unknown>> };
		expect(body.changes).toEqual([
			{
				atMs: nowMs,
				by: 'boss',
				user: 'wu',
				action: 'revoke-device',
				oldRole: 'warehouse',
				newRole: null,
				device: device.session.id,
				deviceName: 'iPad · 倉管'
			},
			{
				atMs: nowMs,
				by: 'boss',
				user: 'ray',
				action: 'role',
				oldRole: 'sales',
				newRole: 'purchasing',
				device: null,
				deviceName: null
			}
		]);
		expect((await changes(await token('kappa', 'sales', { user: 'sue' }))).status).toBe(403);
	});

	it('lists people and devices for the admin only', async () => {
		await signedInDevice('delta', 'warehouse', 'wu');
		const admin = await token('delta', 'admin', { user: 'boss' });
		const res = await fetch(`${relay.http}/api/people`, {
			headers: { authorization: `Bearer ${admin}` }
		});
		expect(await res.json()).toMatchObject({
			people: [
				{
					user: 'wu',
					role: 'warehouse',
					activeDevices: 1,
					devices: [{ name: 'iPad · 倉管', status: 'active', appVersion: '0.1.0' }]
				}
			]
		});
		const clerk = await token('delta', 'warehouse', { user: 'wu' });
		const refused = await fetch(`${relay.http}/api/people`, {
			headers: { authorization: `Bearer ${clerk}` }
		});
		expect(refused.status).toBe(403);
	});

	it('signing out ends the device session', async () => {
		const { credential } = await signedInDevice('acme');
		const res = await fetch(`${relay.http}/api/session`, {
			method: 'DELETE',
			headers: { authorization: `Bearer ${credential}` }
		});
		expect(res.status).toBe(200);
		expect(await openRaw(syncUrl('acme', credential))).toEqual({ kind: 'refused', status: 401 });
	});
});
