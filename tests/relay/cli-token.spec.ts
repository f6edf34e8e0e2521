// The `stockflow` command line: tokens for scripts and argument errors, run as real processes.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyToken } from '../../sync-server/auth';
import { runCli } from './fixtures/cli';
import { tempDir, TEST_SECRET } from './fixtures/relay';
import { useCleanups } from './fixtures/cleanups';

const { cleanups } = useCleanups();
function dataDir(): string {
	const dir = tempDir('stockflow-cli-');
	cleanups.push(() => dir.remove());
	return dir.path;
}

describe('stockflow token', () => {
	it('prints only a JWT that verifies with the secret it created in DATA_DIR', async () => {
		const dir = dataDir();
		const out = await runCli(
			['token', '--workspace', 'acme', '--role', 'warehouse', '--user', 'ann', '--ttl', '15m'],
			{ DATA_DIR: dir }
		);
		expect(out.code).toBe(0);
		const jwt = out.stdout.trim();
		expect(out.stdout).toBe(`${jwt}\n`);
		const secret = readFileSync(join(dir, 'secret'), 'utf8').trim();
		const claims = await verifyToken(secret, jwt);
		expect(claims).toMatchObject({ workspace: 'acme', role: 'warehouse', sub: 'ann' });
		expect(claims.exp - Date.now() / 1000).toBeLessThanOrEqual(15 * 60);
	});

	it('uses STOCKFLOW_SECRET when set', async () => {
		const out = await runCli(['token', '--workspace', 'acme', '--role', 'viewer'], {
			DATA_DIR: dataDir(),
			STOCKFLOW_SECRET: TEST_SECRET
		});
		expect(out.code).toBe(0);
		expect(await verifyToken(TEST_SECRET, out.stdout.trim())).toMatchObject({
			role: 'viewer',
			sub: 'viewer'
		});
	});
});

describe('argument errors', () => {
	it('exit with code 2 and one line on stderr', async () => {
		const dir = dataDir();
		const cases = [
			[],
			['frobnicate'],
			['token', '--workspace', 'Not Valid', '--role', 'janitor'],
			['token', '--workspace', 'acme', '--role', 'admin', '--ttl', 'forever', '--colour', 'red'],
			['report', 'no-such-report', '--workspace', 'acme']
		];
		const results = await Promise.all(cases.map((args) => runCli(args, { DATA_DIR: dir })));
		for (const [i, r] of results.entries()) {
			expect({ args: cases[i], code: r.code }).toEqual({ args: cases[i], code: 2 });
			expect(
				r.stderr.trim().split('\n').length,
				`stderr of ${cases[i]?.join(' ')}: ${r.stderr}`
			).toBeLessThanOrEqual(cases[i]?.length === 0 ? 20 : 1);
		}
	});
});
