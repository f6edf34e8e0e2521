// The `stockflow` command line: tokens for scripts, argument errors, the demo company and
// the stock report, run as real processes against real data directories.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyToken } from '../../sync-server/auth';
import { runCli } from './fixtures/cli';
import { connectClient, waitFor, waitSynced } from './fixtures/clients';
import { tempDir, token, TEST_SECRET } from './fixtures/relay';
import { spawnRelay } from './fixtures/spawn-relay';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
	for (const fn of cleanups.splice(0).reverse()) await fn();
});
function dataDir(): string {
	const dir = tempDir('stockflow-cli-');
	cleanups.push(() => dir.remove());
	return dir.path;
}

interface StockReport {
	workspace: string;
	rows: { itemCode: string; warehouseCode: string; onHand: number }[];
	invalidMovements: number;
}

describe('stockflow token', () => {
	it('prints only a JWT that verifies with the secret it created in DATA_DIR', async () => {
		const dir = dataDir();
		const out = await runCli(['token', '--workspace', 'acme', '--role', 'warehouse', '--user', 'ann', '--ttl', '15m'], { DATA_DIR: dir });
		expect(out.code).toBe(0);
		const jwt = out.stdout.trim();
		expect(out.stdout).toBe(`${jwt}\n`);
		const secret = readFileSync(join(dir, 'secret'), 'utf8').trim();
		const claims = await verifyToken(secret, jwt);
		expect(claims).toMatchObject({ workspace: 'acme', role: 'warehouse', sub: 'ann' });
		expect(claims.exp - Date.now() / 1000).toBeLessThanOrEqual(15 * 60);
	});

	it('uses STOCKFLOW_SECRET when set', async () => {
		const out = await runCli(['token', '--workspace', 'acme', '--role', 'viewer'], { DATA_DIR: dataDir(), STOCKFLOW_SECRET: TEST_SECRET });
		expect(out.code).toBe(0);
		expect(await verifyToken(TEST_SECRET, out.stdout.trim())).toMatchObject({ role: 'viewer', sub: 'viewer' });
	});
});

describe('argument errors', () => {
	it('exit with code 2 and one line on stderr', async () => {
		const dir = dataDir();
		const cases = [
			[],
			['frobnicate'],
			['token', '--role', 'admin'],
			['token', '--workspace', 'acme'],
			['token', '--workspace', 'acme', '--role', 'janitor'],
			['token', '--workspace', 'Not Valid', '--role', 'admin'],
			['token', '--workspace', 'acme', '--role', 'admin', '--ttl', 'forever'],
			['token', '--workspace', 'acme', '--role', 'admin', '--colour', 'red'],
			['demo', '--workspace', 'acme', '--seed', 'abc'],
			['report', '--workspace', 'acme'],
			['report', 'valuation', '--workspace', 'acme'],
			['report', 'stock']
		];
		const results = await Promise.all(cases.map((args) => runCli(args, { DATA_DIR: dir })));
		for (const [i, r] of results.entries()) {
			expect({ args: cases[i], code: r.code }).toEqual({ args: cases[i], code: 2 });
			expect(r.stderr.trim().split('\n').length, `stderr of ${cases[i]?.join(' ')}: ${r.stderr}`).toBeLessThanOrEqual(
				cases[i]?.length === 0 ? 20 : 1
			);
		}
	});
});

describe('stockflow demo + report stock', () => {
	it('writes the demo company straight into the store when no relay runs, and reports its stock', async () => {
		const dir = dataDir();
		const demo = await runCli(['demo', '--workspace', 'acme', '--seed', '7', '--months', '2'], { DATA_DIR: dir });
		expect(demo.stderr).toBe('');
		expect(demo.code).toBe(0);
		const summary = /(\d+) items, (\d+) warehouses, (\d+) movements/.exec(demo.stdout);
		expect(Number(summary?.[1])).toBeGreaterThanOrEqual(200);
		expect(Number(summary?.[2])).toBe(3);

		const json = await runCli(['report', 'stock', '--workspace', 'acme', '--json'], { DATA_DIR: dir });
		expect(json.code).toBe(0);
		const report = JSON.parse(json.stdout) as StockReport;
		expect(report.invalidMovements).toBe(0);
		expect(new Set(report.rows.map((r) => r.warehouseCode)).size).toBe(3);
		expect(new Set(report.rows.map((r) => r.itemCode)).size).toBeGreaterThan(100);
		for (const row of report.rows) expect(Number.isFinite(row.onHand)).toBe(true);

		const table = await runCli(['report', 'stock', '--workspace', 'acme'], { DATA_DIR: dir });
		expect(table.code).toBe(0);
		const first = report.rows[0];
		expect(table.stdout).toMatch(new RegExp(`^${first?.itemCode}\\s.*\\s${first?.warehouseCode}\\s+${first?.onHand}\\s`, 'm'));

		// A second demo into the same workspace would duplicate every SKU: refused.
		const again = await runCli(['demo', '--workspace', 'acme', '--months', '1'], { DATA_DIR: dir });
		expect(again.code).toBe(1);
		expect(again.stderr).toContain('already has');
	});

	it('writes through a running relay so connected clients watch the company arrive', async () => {
		const dir = dataDir();
		const relay = await spawnRelay({ DATA_DIR: dir, STOCKFLOW_SECRET: TEST_SECRET });
		cleanups.push(async () => void (await relay.kill('SIGTERM')));
		const watcher = connectClient(relay.ws, 'acme', 'catalog', await token('acme', 'sales'));
		cleanups.push(() => watcher.destroy());
		await waitSynced(watcher);

		const demo = await runCli(['demo', '--workspace', 'acme', '--months', '2'], {
			DATA_DIR: dir,
			STOCKFLOW_SECRET: TEST_SECRET,
			PORT: String(relay.port)
		});
		expect(demo.code).toBe(0);
		expect(demo.stdout).toContain('through the relay');
		await waitFor(() => watcher.doc.getMap('items').size >= 200, 'the watcher to see the demo items');

		// The relay confirmed everything before the demo exited, so the store has it all.
		const report = JSON.parse(
			(await runCli(['report', 'stock', '--workspace', 'acme', '--json'], { DATA_DIR: dir })).stdout
		) as StockReport;
		expect(new Set(report.rows.map((r) => r.itemCode)).size).toBeGreaterThan(100);

		const stopped = await relay.kill('SIGTERM');
		expect(stopped.code).toBe(0);
	});
});
