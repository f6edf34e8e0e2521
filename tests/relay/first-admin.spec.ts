// `npm start` on a new installation prints one single-use link for the first admin and no
// other; once an admin is signed in on a device, a restart prints no link at all (start-up
// output lands in log collectors). With every admin device revoked, the next start offers one
// again, so an installation is never locked out.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './fixtures/cli';
import { spawnRelay } from './fixtures/spawn-relay';
import { TEST_SECRET, tempDir } from './fixtures/relay';

const LINK = /http:\/\/[^\s]+\/signin\?token=([^\s]+)/g;

function linksIn(stdout: string): string[] {
	return [...stdout.matchAll(LINK)].map((m) => m[1] ?? '');
}

describe('first-admin link at start', () => {
	const dir = tempDir();
	const dataDir = join(dir.path, 'data');
	afterAll(() => dir.remove());

	async function start() {
		const relay = await spawnRelay({ DATA_DIR: dataDir, STOCKFLOW_SECRET: TEST_SECRET });
		await relay.kill('SIGTERM');
		return relay;
	}

	it('prints one admin link only while the workspace has no admin', async () => {
		const first = await start();
		const links = linksIn(first.stdout);
		expect(links).toHaveLength(1);
		expect(first.stdout).toContain('No administrator yet');

		// Not yet used: a second start offers a (new) link again.
		const second = await start();
		expect(linksIn(second.stdout)).toHaveLength(1);

		// The admin opens the first link on a device.
		const relay = await spawnRelay({ DATA_DIR: dataDir, STOCKFLOW_SECRET: TEST_SECRET });
		let sessionId = '';
		try {
			const exchange = (token: string) =>
				fetch(`${relay.http}/api/session`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ token, deviceName: 'Mac · 管理' })
				});
			const res = await exchange(links[0] ?? '');
			expect(res.status).toBe(200);
			const body = (await res.json()) as { session: { id: string; role: string } };
			expect(body.session.role).toBe('admin');
			sessionId = body.session.id;
			// Single use.
			expect((await exchange(links[0] ?? '')).status).toBe(401);
		} finally {
			await relay.kill('SIGTERM');
		}

		const afterwards = await start();
		expect(linksIn(afterwards.stdout)).toEqual([]);
		expect(afterwards.stdout).toContain('has an administrator');

		// Every admin device revoked: the next start offers a first-admin link again.
		const revoked = await runCli(['revoke', '--workspace', 'demo', '--device', sessionId], {
			DATA_DIR: dataDir
		});
		expect(revoked.code).toBe(0);
		expect(linksIn((await start()).stdout)).toHaveLength(1);
	}, 60_000);
});
