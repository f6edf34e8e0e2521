// `stockflow users` and `stockflow revoke` against the data directory of a running relay: the
// CLI writes the revocation (and the people trail), the relay notices it on its next poll and
// closes the device.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './fixtures/cli';
import { openRaw, openRawOrThrow } from './fixtures/clients';
import { startTestRelay, tempDir, token, type TestRelay } from './fixtures/relay';

describe('stockflow users / revoke', () => {
	let dir: ReturnType<typeof tempDir>;
	let relay: TestRelay;
	beforeAll(async () => {
		dir = tempDir();
		relay = await startTestRelay({ dataDir: dir.path, sessionPollMs: 200 });
	});
	afterAll(async () => {
		await relay.close();
		dir.remove();
	});

	async function signIn(user: string, deviceName: string) {
		const res = await fetch(`${relay.http}/api/session`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ token: await token('acme', 'admin', { user }), deviceName })
		});
		expect(res.status).toBe(200);
		const body = (await res.json()) as { credential: string; session: { id: string } };
		return body;
	}
	const url = (credential: string) =>
		`${relay.ws}/sync/acme/catalog?token=${encodeURIComponent(credential)}`;

	it('lists people and devices, then revokes one device while it is connected', async () => {
		const tablet = await signIn('ann', 'iPad · 管理');
		const laptop = await signIn('ann', 'Laptop');
		const env = { DATA_DIR: dir.path };

		const listed = await runCli(['users', '--workspace', 'acme', '--json'], env);
		expect(listed.code).toBe(0);
		expect(JSON.parse(listed.stdout)).toMatchObject({
			workspace: 'acme',
			people: [{ user: 'ann', role: 'admin', activeDevices: 2 }]
		});
		const text = await runCli(['users', '--workspace', 'acme'], env);
		expect(text.stdout).toContain('iPad · 管理');
		expect(text.stdout).toContain(tablet.session.id);

		const socket = await openRawOrThrow(url(tablet.credential));
		const revoked = await runCli(
			['revoke', '--workspace', 'acme', '--device', tablet.session.id],
			env
		);
		expect(revoked.code).toBe(0);
		expect((await socket.closed).code).toBe(4403);
		expect(await openRaw(url(tablet.credential))).toEqual({ kind: 'refused', status: 401 });
		(await openRawOrThrow(url(laptop.credential))).ws.close();

		const again = await runCli(['users', '--workspace', 'acme', '--json'], env);
		const device = (
			JSON.parse(again.stdout) as { people: { devices: { id: string; status: string }[] }[] }
		).people[0]?.devices.find((d) => d.id === tablet.session.id);
		expect(device?.status).toBe('revoked');
	});

	it('revokes a user: every device, reconnecting ones included', async () => {
		const phone = await signIn('bob', 'Phone');
		const env = { DATA_DIR: dir.path };
		const revoked = await runCli(['revoke', '--workspace', 'acme', '--user', 'bob'], env);
		expect(revoked.code).toBe(0);
		expect(revoked.stdout).toContain('1 device session(s) ended');
		expect(await openRaw(url(phone.credential))).toEqual({ kind: 'refused', status: 401 });
	});

	it('writes the people trail like the People page: who was revoked, their role, by cli', async () => {
		const res = await fetch(`${relay.http}/api/people/changes`, {
			headers: { authorization: `Bearer ${await token('acme', 'admin', { user: 'ann' })}` }
		});
		expect(res.status).toBe(200);
		const { changes } = (await res.json()) as { changes: Record<string, unknown>[] };
		// Newest first: bob's revocation, then ann's tablet.
		expect(changes.map(({ atMs: _, ...c }) => c)).toEqual([
			{
				...{ by: 'cli', user: 'bob', action: 'revoke', oldRole: 'admin', newRole: null },
				...{ device: null, deviceName: null }
			},
			{
				by: 'cli',
				user: 'ann',
				action: 'revoke-device',
				oldRole: 'admin',
				newRole: null,
				device: expect.stringMatching(/^[A-Za-z0-9_-]{16}$/),
				// Named as it was at sign-in, for the audit page.
				deviceName: 'iPad · 管理'
			}
		]);
		// Revoking a device that is already revoked changes nothing and records nothing.
		const device = String(changes[1]?.device);
		const again = await runCli(['revoke', '--workspace', 'acme', '--device', device], {
			DATA_DIR: dir.path
		});
		expect(again.stdout).toContain('was already revoked');
		const after = await fetch(`${relay.http}/api/people/changes`, {
			headers: { authorization: `Bearer ${await token('acme', 'admin', { user: 'ann' })}` }
		});
		expect(((await after.json()) as { changes: unknown[] }).changes).toHaveLength(2);
	});

	it('refuses bad arguments with exit code 2', async () => {
		const env = { DATA_DIR: dir.path };
		for (const args of [
			['revoke', '--workspace', 'acme'],
			['revoke', '--workspace', 'acme', '--user', 'a', '--device', 'b'],
			['users']
		]) {
			expect((await runCli(args, env)).code).toBe(2);
		}
	});
});
