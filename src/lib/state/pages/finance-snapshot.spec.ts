import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createItem, createWarehouse } from '../../commands/catalog';
import { createCommandContext } from '../../commands/create-context';
import { readFinanceSources } from '../../commands/finance-book';
import { workspaceDocsInMemory } from '../../commands/memory-docs';
import { recordIssue, recordReceipt } from '../../commands/movements';
import { computeFinance } from '../../domain/reports/finance-view';
import { createPrng } from '../../domain/random/prng';
import { FinanceReplica, ledgerReplicaName } from './finance-snapshot';

describe('finance replica (the worker’s copy of the docs)', () => {
	it('a full update per doc, then only the updates that follow, read back to the docs’ own sources and figures', () => {
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
		const replica = new FinanceReplica();
		const ledger = docs.ledger('2026-10');
		const pairs: [string, Y.Doc][] = [
			['catalog', docs.catalog],
			['orders', docs.shared('orders')],
			['counts', docs.shared('counts')],
			[ledgerReplicaName('2026-10'), ledger]
		];
		for (const [name, doc] of pairs) {
			replica.apply(name, Y.encodeStateAsUpdate(doc));
			doc.on('update', (u: Uint8Array) => replica.apply(name, u));
		}
		// Recorded after the first sync: reaches the replica only as the ledger's update.
		recordIssue(ctx, { ...place, qty: 5 });
		const nowMs = Date.UTC(2026, 9, 31);
		const direct = readFinanceSources(
			{
				catalog: docs.catalog,
				orders: docs.shared('orders'),
				counts: docs.shared('counts'),
				ledgers: new Map([['2026-10', ledger]])
			},
			nowMs
		);
		const viaSnapshot = replica.sources(['2026-10'], nowMs);
		expect(viaSnapshot.movements).toHaveLength(2);
		expect(viaSnapshot).toEqual(direct);
		const view = computeFinance(viaSnapshot);
		// 7 left at 19.99.
		expect(view.valuation.totalCents).toBe(13993);
		expect(view.trialBalance.closingSumCents).toBe(0);
	});
});
