// `stockflow demo` and `stockflow report stock`, run as real processes against real data
// directories, with and without a running relay.

import { describe, expect, it } from 'vitest';
import { runCli } from './fixtures/cli';
import { connectClient, waitFor, waitSynced } from './fixtures/clients';
import { tempDir, token, TEST_SECRET } from './fixtures/relay';
import { spawnRelay } from './fixtures/spawn-relay';
import { ledgerBalances } from '../../src/lib/commands/ledger-cache';
import { readItems, readWarehouses } from '../../src/lib/doc/catalog-doc';
import { loadStoreWorkspace } from '../../sync-server/cli/store-workspace';
import { openSqliteStore } from '../../sync-server/persistence/sqlite';
import { useCleanups } from './fixtures/cleanups';

const { cleanups } = useCleanups();
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

// A year of a whole company (every department) on a shared machine: minutes are not a bug.
describe('stockflow demo + report stock', { timeout: 180_000 }, () => {
	it('writes the demo company straight into the store when no relay runs, and reports its stock', async () => {
		const dir = dataDir();
		const demo = await runCli(
			['demo', '--workspace', 'acme', '--seed', '7', '--months', '3', '--open-months', '1'],
			{ DATA_DIR: dir }
		);
		expect(demo.stderr).toBe('');
		expect(demo.code).toBe(0);
		// Two of the three months are closed, as a company closing monthly would have them.
		expect(demo.stdout).toMatch(/months closed through \d{4}-\d{2}/);
		const summary = /(\d+) items, (\d+) warehouses, (\d+) movements/.exec(demo.stdout);
		expect(Number(summary?.[1])).toBeGreaterThanOrEqual(200);
		expect(Number(summary?.[2])).toBe(3);

		const json = await runCli(['report', 'stock', '--workspace', 'acme', '--json'], {
			DATA_DIR: dir
		});
		expect(json.code).toBe(0);
		const report = JSON.parse(json.stdout) as StockReport;
		expect(report.invalidMovements).toBe(0);
		expect(new Set(report.rows.map((r) => r.warehouseCode)).size).toBe(3);
		expect(new Set(report.rows.map((r) => r.itemCode)).size).toBeGreaterThan(100);
		for (const row of report.rows) expect(Number.isFinite(row.onHand)).toBe(true);
		// The report folds every month's movements; a device folds the opening and the open
		// month. Both must give the same stock.
		const store = openSqliteStore({ dataDir: dir, readonly: true });
		const loaded = await loadStoreWorkspace(store, 'acme');
		expect(loaded.docs.ledgers()).toHaveLength(1);
		const viaOpening = new Map<string, number>();
		for (const b of ledgerBalances({ docs: loaded.docs }).values()) {
			const key = `${b.itemId}|${b.warehouseId}`;
			viaOpening.set(key, Math.round(((viaOpening.get(key) ?? 0) + b.qty) * 1e6) / 1e6);
		}
		await store.close();
		const codes = new Map(readItems(loaded.docs.catalog).map((i) => [i.id, i.code]));
		const whs = new Map(readWarehouses(loaded.docs.catalog).map((w) => [w.id, w.code]));
		const fromOpening = [...viaOpening]
			.filter(([, qty]) => qty !== 0)
			.map(([key, qty]) => {
				const [itemId, warehouseId] = key.split('|') as [string, string];
				return `${codes.get(itemId)}@${whs.get(warehouseId)}=${qty}`;
			})
			.sort();
		const fromReport = report.rows
			.filter((r) => r.onHand !== 0)
			.map((r) => `${r.itemCode}@${r.warehouseCode}=${r.onHand}`)
			.sort();
		expect(fromOpening).toEqual(fromReport);

		const table = await runCli(['report', 'stock', '--workspace', 'acme'], { DATA_DIR: dir });
		expect(table.code).toBe(0);
		const first = report.rows[0];
		expect(table.stdout).toMatch(
			new RegExp(`^${first?.itemCode}\\s.*\\s${first?.warehouseCode}\\s+${first?.onHand}\\s`, 'm')
		);

		// A second demo into the same workspace would duplicate every SKU: refused.
		const again = await runCli(['demo', '--workspace', 'acme', '--months', '1'], { DATA_DIR: dir });
		expect(again.code).toBe(1);
		expect(again.stderr).toContain('already has');
	});

	it('writes through a running relay so connected clients watch the company arrive', async () => {
		const dir = dataDir();
		const relay = await spawnRelay({
			DATA_DIR: dir,
			STOCKFLOW_SECRET: TEST_SECRET,
			// The demo company is written through the relay's integrity checks, as a person would.
			STOCKFLOW_INTEGRITY_CHECKS: 'on'
		});
		cleanups.push(async () => void (await relay.kill('SIGTERM')));
		const watcher = connectClient(relay.ws, 'acme', 'catalog', await token('acme', 'sales'));
		cleanups.push(() => watcher.destroy());
		await waitSynced(watcher);

		const demo = await runCli(['demo', '--workspace', 'acme', '--months', '1'], {
			DATA_DIR: dir,
			STOCKFLOW_SECRET: TEST_SECRET,
			PORT: String(relay.port)
		});
		expect(demo.code).toBe(0);
		expect(demo.stdout).toContain('through the relay');
		await waitFor(
			() => watcher.doc.getMap('items').size >= 200,
			'the watcher to see the demo items'
		);

		// The relay confirmed everything before the demo exited, so the store has it all.
		const report = JSON.parse(
			(await runCli(['report', 'stock', '--workspace', 'acme', '--json'], { DATA_DIR: dir })).stdout
		) as StockReport;
		expect(new Set(report.rows.map((r) => r.itemCode)).size).toBeGreaterThan(100);

		const stopped = await relay.kill('SIGTERM');
		expect(stopped.code).toBe(0);
	});
});
