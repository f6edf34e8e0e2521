import { describe, expect, it } from 'vitest';
import { workspaceDocsInMemory, type MemoryWorkspaceDocs } from '../commands/memory-docs';
import { readItems, readLedgerMonths, readLocations, readWarehouses } from '../doc/catalog-doc';
import { readMovements } from '../doc/ledger-doc';
import { findDuplicateCodes } from '../domain/catalog/duplicates';
import { foldBalances } from '../domain/ledger/fold';
import type { Movement } from '../domain/ledger/movement';
import { seedDemoCompany } from './company';

const NOW = Date.UTC(2026, 5, 15, 3, 0);

function movementsOf(docs: MemoryWorkspaceDocs): Movement[] {
	return docs.ledgers().flatMap((d) => readMovements(d).movements);
}

// A year of a whole company (every department) on a shared machine: minutes are not a bug.
describe('demo company', { timeout: 180_000 }, () => {
	it('seeds a realistic year: 200+ SKUs, 3 warehouses, 12 ledger months, seasonality, no negative stock', async () => {
		const docs = workspaceDocsInMemory();
		const result = await seedDemoCompany(docs, { seed: 7, nowMs: NOW, months: 12 });
		const items = readItems(docs.catalog);
		expect(result.items).toBe(items.length);
		expect(items.length).toBeGreaterThanOrEqual(200);
		expect(findDuplicateCodes(items)).toEqual([]);
		expect(new Set(items.map((i) => i.category)).size).toBeGreaterThanOrEqual(5);
		expect(items.some((i) => i.lotTracked && i.shelfLifeDays > 0)).toBe(true);
		expect(
			readWarehouses(docs.catalog)
				.map((w) => w.code)
				.sort()
		).toEqual(['KH', 'TC', 'TY-MAIN']);
		expect(readLocations(docs.catalog).length).toBeGreaterThan(30);
		expect(readLedgerMonths(docs.catalog)).toEqual([
			'2025-07',
			'2025-08',
			'2025-09',
			'2025-10',
			'2025-11',
			'2025-12',
			'2026-01',
			'2026-02',
			'2026-03',
			'2026-04',
			'2026-05',
			'2026-06'
		]);

		const movements = movementsOf(docs);
		expect(movements).toHaveLength(result.movements);
		expect(result.movements).toBeGreaterThan(8000);
		expect(movements.every((m) => m.at <= `${String(NOW).padStart(15, '0')}`)).toBe(true);
		const negative = [...foldBalances(movements).values()].filter((b) => b.qty < 0);
		expect(negative).toEqual([]);
		for (const reason of [
			'receipt',
			'issue',
			'transfer-out',
			'transfer-in',
			'adjustment'
		] as const) {
			expect(movements.some((m) => m.reason === reason)).toBe(true);
		}
		expect(movements.filter((m) => m.reason === 'receipt' && m.lot).every((m) => m.expiry)).toBe(
			true
		);

		const issuesIn = (month: string) =>
			readMovements(docs.ledger(month)).movements.filter((m) => m.reason === 'issue').length;
		// Mid-Autumn gift season and the run-up to Lunar New Year beat the spring lull.
		expect(issuesIn('2025-09')).toBeGreaterThan(issuesIn('2026-04') * 1.3);
		expect(issuesIn('2026-01')).toBeGreaterThan(issuesIn('2026-03') * 1.2);
	});

	it('is deterministic for a seed and differs between seeds', async () => {
		const run = async (seed: number) => {
			const docs = workspaceDocsInMemory();
			await seedDemoCompany(docs, { seed, nowMs: NOW, months: 2 });
			return { items: readItems(docs.catalog), movements: movementsOf(docs) };
		};
		const a = await run(11);
		expect(await run(11)).toEqual(a);
		expect((await run(12)).movements).not.toEqual(a.movements);
	});
});
