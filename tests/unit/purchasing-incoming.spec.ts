// Incoming supply read in slices (the stock overview's column): parsing the purchase orders a
// slice at a time, then reading, gives the open quantities a user expects — approved, sent and
// partly received lines count what is still to come; drafts and cancelled orders count nothing —
// and after a change only the changed order is parsed again.

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CommandContext } from '../../src/lib/commands/context';
import {
	approvePurchaseOrder,
	cancelPurchaseOrder,
	createPurchaseOrder,
	sendPurchaseOrder
} from '../../src/lib/commands/purchasing/purchase-orders';
import {
	preparePurchaseOrders,
	purchasingView,
	readIncoming,
	requirePurchaseOrder
} from '../../src/lib/commands/purchasing/read';
import { receivePurchaseOrder } from '../../src/lib/commands/purchasing/receiving';
import { unparsedPurchaseOrders } from '../../src/lib/doc/purchasing-doc';
import { makeWorld } from './purchasing-fixture';

/** Incoming quantity per item, summed over its open lines. */
function perItem(ctx: Pick<CommandContext, 'docs'>): Record<string, number> {
	const out: Record<string, number> = {};
	for (const l of readIncoming(ctx)) out[l.itemId] = (out[l.itemId] ?? 0) + l.qty;
	return out;
}

describe('incoming supply read in slices', () => {
	it('gives the open quantities after parsing a slice at a time, and re-parses only a changed order', async () => {
		const w = makeWorld();
		const today = { today: '2026-11-02' };
		// Sent, then 30 of the 100 received: 70 still to come; all 20 of B to come.
		const sent = createPurchaseOrder(w.ctx, {
			supplierId: w.supplierId,
			warehouseId: w.warehouseId,
			orderDate: '2026-11-02',
			lines: [
				{ itemId: w.itemA, qty: 100 },
				{ itemId: w.itemB, qty: 20 }
			]
		});
		approvePurchaseOrder(w.ctx, sent.id, today);
		sendPurchaseOrder(w.ctx, sent.id);
		const [lineA] = requirePurchaseOrder(purchasingView(w.ctx), sent.id).po.lines;
		if (!lineA) throw new Error('line');
		receivePurchaseOrder(w.ctx, sent.id, {
			receivedOn: '2026-11-04',
			lines: [{ lineId: lineA.id, accepted: 30, locationId: w.binId }]
		});
		// Approved, not sent yet: 50 to come.
		const approved = createPurchaseOrder(w.ctx, {
			supplierId: w.supplierId,
			warehouseId: w.warehouseId,
			orderDate: '2026-11-02',
			lines: [{ itemId: w.itemA, qty: 50 }]
		});
		approvePurchaseOrder(w.ctx, approved.id, today);
		// A draft and a cancelled order: nothing to come.
		createPurchaseOrder(w.ctx, {
			supplierId: w.supplierId,
			warehouseId: w.warehouseId,
			orderDate: '2026-11-02',
			lines: [{ itemId: w.itemA, qty: 7 }]
		});
		const cancelled = createPurchaseOrder(w.ctx, {
			supplierId: w.supplierId,
			warehouseId: w.warehouseId,
			orderDate: '2026-11-02',
			lines: [{ itemId: w.itemB, qty: 9 }]
		});
		approvePurchaseOrder(w.ctx, cancelled.id, today);
		cancelPurchaseOrder(w.ctx, cancelled.id, 'not needed');

		// Another device's copy of the orders doc: nothing of it parsed yet.
		const source = w.docs.shared('orders');
		const orders = new Y.Doc();
		Y.applyUpdate(orders, Y.encodeStateAsUpdate(source));
		const copy = { docs: { ...w.docs, shared: () => orders } };
		expect(unparsedPurchaseOrders(orders)).toHaveLength(4);

		// Every slice spent at once: a pause before each order.
		let pauses = 0;
		const slices = { spent: () => true, pause: async () => void pauses++ };
		await preparePurchaseOrders(copy, slices);
		expect(pauses).toBe(4);
		expect(unparsedPurchaseOrders(orders)).toHaveLength(0);
		expect(perItem(copy)).toEqual({ [w.itemA]: 120, [w.itemB]: 20 });

		// The rest of line A arrives: only that order is parsed again, 50 of A remain to come.
		const before = Y.encodeStateVector(source);
		receivePurchaseOrder(w.ctx, sent.id, {
			receivedOn: '2026-11-06',
			lines: [{ lineId: lineA.id, accepted: 70, locationId: w.binId }]
		});
		Y.applyUpdate(orders, Y.encodeStateAsUpdate(source, before));
		expect(unparsedPurchaseOrders(orders).map(([id]) => id)).toEqual([sent.id]);
		pauses = 0;
		await preparePurchaseOrders(copy, slices);
		expect(pauses).toBe(1);
		expect(perItem(copy)).toEqual({ [w.itemA]: 50, [w.itemB]: 20 });
		// The same figures as a read that parses everything at once.
		expect(readIncoming(copy)).toEqual(readIncoming(w.ctx));
	});
});
