import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createItem, createWarehouse } from '../../commands/catalog';
import { createCommandContext } from '../../commands/create-context';
import { readFinanceSources } from '../../commands/finance-book';
import { workspaceDocsInMemory } from '../../commands/memory-docs';
import { recordIssue, recordReceipt } from '../../commands/movements';
import { computeFinance } from '../../domain/reports/finance-view';
import { createPrng } from '../../domain/random/prng';
import { sourcesOfSnapshot } from './finance-snapshot';

describe('finance snapshot (what the main thread posts to the worker)', () => {
	it('reads back to the same sources and the same figures as the docs themselves', () => {
		const docs = workspaceDocsInMemory();
		const ctx = createCommandContext({
			docs,
			device: 'hq',
			user: 'amy',
			role: 'admin',
			nowMs: () => Date.UTC(2026, 9, 10, 9),
			random: createPrng(7).next
		});
		const item = createItem(ctx, { code: 'TEA-1', name: '烏龍茶', unit: '罐' });
		const wh = createWarehouse(ctx, { code: 'TP', name: '台北倉' });
		const place = { itemId: item.id, warehouseId: wh.id, unit: '罐' };
		recordReceipt(ctx, { ...place, qty: 12, unitCostCents: 1999 });
		recordIssue(ctx, { ...place, qty: 5 });
		const nowMs = Date.UTC(2026, 9, 31);
		const ledgers = new Map([['2026-10', docs.ledger('2026-10')]]);
		const direct = readFinanceSources(
			{
				catalog: docs.catalog,
				orders: docs.shared('orders'),
				counts: docs.shared('counts'),
				ledgers
			},
			nowMs
		);
		const viaSnapshot = sourcesOfSnapshot({
			catalog: Y.encodeStateAsUpdate(docs.catalog),
			orders: Y.encodeStateAsUpdate(docs.shared('orders')),
			counts: Y.encodeStateAsUpdate(docs.shared('counts')),
			ledgers: [['2026-10', Y.encodeStateAsUpdate(docs.ledger('2026-10'))]],
			nowMs
		});
		expect(viaSnapshot).toEqual(direct);
		const view = computeFinance(viaSnapshot);
		// 7 left at 19.99.
		expect(view.valuation.totalCents).toBe(13993);
		expect(view.trialBalance.closingSumCents).toBe(0);
	});
});
