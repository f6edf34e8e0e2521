// The company profile of a workspace (/api/workspace) and the first-run flag of a sign-in: the
// first admin's link leads into setup until the setup is finished; everyone reads the company
// name, only an admin changes it, and a bad name is refused without changing anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRelay, tempDir, token, type TestRelay } from './fixtures/relay';

describe('workspace profile and first run', () => {
	let dir: ReturnType<typeof tempDir>;
	let relay: TestRelay;
	beforeAll(async () => {
		dir = tempDir();
		relay = await startTestRelay({ dataDir: dir.path });
	});
	afterAll(async () => {
		await relay.close();
		dir.remove();
	});

	const call = (path: string, bearer: string, body?: unknown) =>
		fetch(`${relay.http}${path}`, {
			method: body === undefined ? 'GET' : 'POST',
			headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
			...(body === undefined ? {} : { body: JSON.stringify(body) })
		});

	async function signInWithLink(workspace: string, role: string) {
		const admin = await token(workspace, 'admin', { user: 'boss' });
		const invite = (await (await call('/api/invites', admin, { role, user: role })).json()) as {
			token: string;
		};
		const res = await fetch(`${relay.http}/api/session`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ token: invite.token, deviceName: 'Mac · 管理' })
		});
		expect(res.status).toBe(200);
		return (await res.json()) as { credential: string; firstRun: boolean };
	}

	it('sends the first admin into setup until it is done, then names the company for all', async () => {
		const first = await signInWithLink('fresh', 'admin');
		expect(first.firstRun).toBe(true);
		const clerk = await signInWithLink('fresh', 'warehouse');
		expect(clerk.firstRun).toBe(false);

		expect(await (await call('/api/workspace', clerk.credential)).json()).toEqual({
			workspace: 'fresh',
			name: null,
			setupDoneAtMs: null
		});
		// Only an admin changes it; a bad name changes nothing.
		expect((await call('/api/workspace', clerk.credential, { name: '偷改' })).status).toBe(403);
		const bad = await call('/api/workspace', first.credential, { name: 'a\u0007b' });
		expect(bad.status).toBe(400);
		expect((await call('/api/workspace', first.credential, {})).status).toBe(400);
		expect((await call('/api/workspace', first.credential, { name: ' 大安五金 ' })).status).toBe(
			200
		);
		// Still setting up: another admin link also leads into setup.
		expect((await signInWithLink('fresh', 'admin')).firstRun).toBe(true);
		const done = await call('/api/workspace', first.credential, { setupDone: true });
		const profile = (await done.json()) as { name: string; setupDoneAtMs: number | null };
		expect(profile.name).toBe('大安五金');
		expect(profile.setupDoneAtMs).toBeTypeOf('number');

		expect((await signInWithLink('fresh', 'admin')).firstRun).toBe(false);
		const read = (await (await call('/api/workspace', clerk.credential)).json()) as {
			name: string;
		};
		expect(read.name).toBe('大安五金');
		// Another workspace is untouched.
		const other = await token('other', 'viewer');
		expect(await (await call('/api/workspace', other)).json()).toMatchObject({ name: null });
	});

	it('does not send a plain JWT sign-in into setup', async () => {
		const res = await fetch(`${relay.http}/api/session`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ token: await token('script', 'admin'), deviceName: 'CI' })
		});
		expect(((await res.json()) as { firstRun: boolean }).firstRun).toBe(false);
	});
});
