// The WorkspaceDocs port's contract: what commands rely on, whoever holds the docs (the
// browser runtime, in-memory docs, the CLI over the relay's store or over a running relay).
// Every implementation runs this same suite; writes go through the real commands.

import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createPrng } from '../domain/random/prng';
import { readItems, readLedgerMonths } from '../doc/catalog-doc';
import { readCountSessions } from '../doc/counts-doc';
import { readMovements } from '../doc/ledger-doc';
import { readOrders } from '../doc/orders-doc';
import { writeClosedThrough } from '../doc/period-doc';
import { createItem, createWarehouse } from './catalog';
import type { WorkspaceDocs } from './context';
import { createCommandContext } from './create-context';
import { createCustomer } from './customers';
import { recordReceipt } from './movements';
import { createOrder } from './orders/create';
import { openCount } from './stocktake/stocktake';

export interface WorkspaceDocsHarness {
	readonly docs: WorkspaceDocs;
	/** Lets changes reach the implementation's own bookkeeping (a tick, a flush). */
	settle?: () => Promise<void>;
	/** Makes what was written durable and opens the same workspace again (durable ones only). */
	reopen?: () => Promise<WorkspaceDocs>;
	cleanup(): Promise<void> | void;
}

const NOV = Date.UTC(2026, 10, 15, 9, 0);
const JAN = Date.UTC(2027, 0, 10, 9, 0);

/** Writes one of everything through the commands, in two ledger months. */
function writeThroughCommands(docs: WorkspaceDocs) {
	const clock = { ms: NOV };
	const ctx = createCommandContext({
		docs,
		device: 'contract',
		user: 'amy',
		role: 'admin',
		nowMs: () => (clock.ms += 10),
		random: createPrng(5).next
	});
	const warehouse = createWarehouse(ctx, { code: 'TPE', name: '台北倉' });
	const item = createItem(ctx, { code: 'TEA-600', name: '紅茶 600ml', unit: '箱' });
	const nov = recordReceipt(ctx, {
		itemId: item.id,
		warehouseId: warehouse.id,
		qty: 5,
		unit: '箱'
	});
	clock.ms = JAN;
	const jan = recordReceipt(ctx, {
		itemId: item.id,
		warehouseId: warehouse.id,
		qty: 2,
		unit: '箱'
	});
	const customer = createCustomer(ctx, { code: 'C001', name: '全聯福利中心' });
	const order = createOrder(ctx, {
		customerId: customer.id,
		warehouseId: warehouse.id,
		requestedDate: '2027-01-20',
		lines: [{ itemId: item.id, qty: 1, unitPriceCents: 100 }]
	});
	const count = openCount(ctx, { warehouseId: warehouse.id, kind: 'full', blind: false });
	return { item, nov, jan, order, count };
}

type Written = ReturnType<typeof writeThroughCommands>;

function expectWritten(docs: WorkspaceDocs, w: Written): void {
	expect(readItems(docs.catalog).map((i) => i.id)).toContain(w.item.id);
	expect(readLedgerMonths(docs.catalog)).toEqual(expect.arrayContaining(['2026-11', '2027-01']));
	expect(readMovements(docs.ledger('2026-11')).movements).toEqual([w.nov]);
	expect(readMovements(docs.ledger('2027-01')).movements).toEqual([w.jan]);
	const listed = docs.ledgers().flatMap((d) => readMovements(d).movements.map((m) => m.id));
	expect(listed).toEqual(expect.arrayContaining([w.nov.id, w.jan.id]));
	expect(readOrders(docs.shared('orders')).orders.map((o) => o.id)).toEqual([w.order.id]);
	expect(readCountSessions(docs.shared('counts')).sessions.map((s) => s.id)).toEqual([w.count.id]);
}

export function describeWorkspaceDocsContract(
	name: string,
	make: () => Promise<WorkspaceDocsHarness> | WorkspaceDocsHarness
): void {
	describe(`workspace docs contract: ${name}`, () => {
		const harnesses: WorkspaceDocsHarness[] = [];
		const open = async (): Promise<WorkspaceDocsHarness> => {
			const h = await make();
			harnesses.push(h);
			return h;
		};
		afterEach(async () => {
			for (const h of harnesses.splice(0)) await h.cleanup();
		});

		it('holds the catalog, orders and counts docs: one instance each, all distinct', async () => {
			const { docs } = await open();
			const all = [docs.catalog, docs.shared('orders'), docs.shared('counts')];
			for (const doc of all) expect(doc).toBeInstanceOf(Y.Doc);
			expect(new Set(all).size).toBe(3);
			expect(docs.catalog).toBe(all[0]);
			expect(docs.shared('orders')).toBe(all[1]);
			expect(docs.shared('counts')).toBe(all[2]);
		});

		it("opens a month's ledger on demand and returns the same doc again", async () => {
			const { docs } = await open();
			const nov = docs.ledger('2026-11');
			expect(nov).toBeInstanceOf(Y.Doc);
			expect(docs.ledger('2026-11')).toBe(nov);
			const dec = docs.ledger('2026-12');
			expect(dec).not.toBe(nov);
			expect([docs.catalog, docs.shared('orders'), docs.shared('counts')]).not.toContain(nov);
			for (const bad of ['2026-13', '2026-1', 'ledger-2026-11', ''])
				expect(() => docs.ledger(bad)).toThrow(RangeError);
		});

		it('lists the open ledgers in month order, as ledger(month) returns them', async () => {
			const h = await open();
			const opened = ['2026-12', '2026-10', '2026-11'].map((m) => [m, h.docs.ledger(m)] as const);
			await h.settle?.();
			const byDoc = new Map(opened.map(([m, d]) => [d, m]));
			const listed = h.docs.ledgers();
			for (const doc of listed) expect(doc).toBeInstanceOf(Y.Doc);
			expect(listed.filter((d) => byDoc.has(d)).map((d) => byDoc.get(d))).toEqual([
				'2026-10',
				'2026-11',
				'2026-12'
			]);
			expect(new Set(listed).size).toBe(listed.length);
		});

		it('leaves closed months out of ledgers() after a close, yet opens them on request', async () => {
			const h = await open();
			const oct = h.docs.ledger('2026-10');
			const nov = h.docs.ledger('2026-11');
			h.docs.catalog.transact(() => writeClosedThrough(h.docs.catalog, '2026-10'));
			await h.settle?.();
			const listed = h.docs.ledgers();
			expect(listed).not.toContain(oct);
			expect(listed).toContain(nov);
			// History of a closed month is still read through the same doc.
			expect(h.docs.ledger('2026-10')).toBe(oct);
		});

		it("shows commands' writes on every re-read", async () => {
			const h = await open();
			const written = writeThroughCommands(h.docs);
			await h.settle?.();
			expectWritten(h.docs, written);
		});

		it('gives back what commands wrote when the workspace is opened again', async (ctx) => {
			const h = await open();
			if (!h.reopen) return ctx.skip();
			const written = writeThroughCommands(h.docs);
			await h.settle?.();
			expectWritten(await h.reopen(), written);
		});
	});
}
