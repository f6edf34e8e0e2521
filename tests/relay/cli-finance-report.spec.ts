// `stockflow report <finance report>` as a real process on a demo company whose earlier months
// are closed (with values): the trial balance balances, the valuation report adds up to the
// inventory account, and the KPIs list every month, the closed ones from their close records.

import { describe, expect, it } from 'vitest';
import { runCli } from './fixtures/cli';
import { tempDir } from './fixtures/relay';
import { useCleanups } from './fixtures/cleanups';

const { cleanups } = useCleanups();

type Rows = { rows: Record<string, string | number | null>[] };

async function report(dir: string, name: string, ...flags: string[]): Promise<Rows> {
	const out = await runCli(['report', name, '--workspace', 'acme', '--json', ...flags], {
		DATA_DIR: dir
	});
	expect(out.stderr).toBe('');
	expect(out.code).toBe(0);
	return JSON.parse(out.stdout) as Rows;
}

const cents = (v: string | number | null | undefined): number => Math.round(Number(v) * 100);

describe('stockflow report (finance)', { timeout: 180_000 }, () => {
	it('prints the same books from every angle on a demo company with closed months', async () => {
		const dir = tempDir('stockflow-fin-');
		cleanups.push(() => dir.remove());
		const demo = await runCli(
			['demo', '--workspace', 'acme', '--seed', '11', '--months', '3', '--open-months', '1'],
			{ DATA_DIR: dir.path }
		);
		expect(demo.code).toBe(0);

		const tb = await report(dir.path, 'trial-balance');
		expect(tb.rows.reduce((s, r) => s + cents(r['Closing']), 0)).toBe(0);
		const inventory = tb.rows.find((r) => r['Account'] === '1231');
		expect(cents(inventory?.['Closing'])).toBeGreaterThan(0);

		const valuation = await report(dir.path, 'valuation');
		expect(valuation.rows.reduce((s, r) => s + cents(r['Value']), 0)).toBe(
			cents(inventory?.['Closing'])
		);

		const kpis = await report(dir.path, 'kpis');
		expect(kpis.rows).toHaveLength(3);
		const cogs = await report(dir.path, 'cogs');
		// Each month starts where the one before ended, closed months included.
		for (let i = 1; i < cogs.rows.length; i++)
			expect(cogs.rows[i]?.['Opening']).toBe(cogs.rows[i - 1]?.['Closing']);
		expect(cogs.rows.at(-1)?.['Closing']).toBe(inventory?.['Closing']);

		// Sales by customer, item and month: three cuts of the same revenue and margin.
		const totals = await Promise.all(
			['customer', 'item', 'month'].map(async (by) => {
				const rows = (await report(dir.path, 'sales', '--by', by)).rows;
				const total = rows.at(-1) ?? {};
				return [cents(total['Revenue']), cents(total['Margin'])];
			})
		);
		expect(totals[0]?.[0]).toBeGreaterThan(0);
		expect(totals[1]).toEqual(totals[0]);
		const badBy = await runCli(['report', 'sales', '--by', 'region', '--workspace', 'acme'], {
			DATA_DIR: dir.path
		});
		expect(badBy.code).toBe(2);

		const unknown = await runCli(['report', 'profit', '--workspace', 'acme'], {
			DATA_DIR: dir.path
		});
		expect(unknown.code).toBe(2);
		expect(unknown.stderr).toMatch(/trial-balance/);
	});
});
