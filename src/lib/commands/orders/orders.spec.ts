// Order commands over in-memory docs: numbers, the ATP check, shipping and returns writing the
// right ledger movements, and every over-allocation resolution.

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { OversellError, StockflowError } from '../../domain/errors';
import { foldBalances, onHandOf } from '../../domain/ledger/fold';
import { createPrng } from '../../domain/random/prng';
import { readMovements } from '../../doc/ledger-doc';
import { createItem, createLocation, createWarehouse } from '../catalog';
import { createCustomer } from '../customers';
import { createCommandContext } from '../create-context';
import { workspaceDocsInMemory, type MemoryWorkspaceDocs } from '../memory-docs';
import { recordReceipt } from '../movements';
import type { CommandContext } from '../context';
import { createOrder } from './create';
import { boardOf, requireOrder } from './read';
import { resolveOverAllocation } from './resolve';
import { returnOrder } from './returns';
import { shipOrder } from './shipping';
import {
	cancelOrder,
	closeOrderShort,
	confirmOrder,
	deliverOrder,
	recordFeedback,
	startPicking
} from './transitions';

const T0 = Date.UTC(2026, 10, 20, 2, 0);

function device(docs: MemoryWorkspaceDocs, name: string, clock: { ms: number }): CommandContext {
	return createCommandContext({
		docs,
		device: name,
		user: `user-${name}`,
		role: 'admin',
		nowMs: () => clock.ms,
		random: createPrng(name.length * 7 + name.charCodeAt(0)).next
	});
}

function setup() {
	const clock = { ms: T0 };
	const docs = workspaceDocsInMemory();
	const ctx = device(docs, 'devA', clock);
	const w1 = createWarehouse(ctx, { code: 'TPE', name: '台北倉' });
	const w2 = createWarehouse(ctx, { code: 'TXG', name: '台中倉' });
	const binA = createLocation(ctx, { warehouseId: w1.id, code: 'A-01' });
	const binB = createLocation(ctx, { warehouseId: w1.id, code: 'B-01' });
	const item = createItem(ctx, { code: 'TEA-600', name: '紅茶 600ml', unit: '箱' });
	const customer = createCustomer(ctx, { code: 'C001', name: '全聯福利中心' });
	const other = createCustomer(ctx, { code: 'C002', name: '家樂福' });
	recordReceipt(ctx, {
		itemId: item.id,
		warehouseId: w1.id,
		locationId: binB.id,
		qty: 6,
		unit: '箱'
	});
	recordReceipt(ctx, {
		itemId: item.id,
		warehouseId: w1.id,
		locationId: binA.id,
		qty: 4,
		unit: '箱'
	});
	recordReceipt(ctx, { itemId: item.id, warehouseId: w2.id, qty: 20, unit: '箱' });
	const order = (c = ctx, qty = 10, customerId = customer.id) =>
		createOrder(c, {
			customerId,
			warehouseId: w1.id,
			requestedDate: '2026-11-25',
			lines: [{ itemId: item.id, qty, unitPriceCents: 45000, discountPct: 10, taxRate: 0.05 }]
		});
	return { clock, docs, ctx, w1, w2, item, customer, other, order };
}

const onHand = (docs: MemoryWorkspaceDocs, itemId: string, warehouseId: string) =>
	onHandOf(foldBalances(docs.ledgers().flatMap((d) => readMovements(d).movements)), {
		itemId,
		warehouseId
	});

describe('order commands', () => {
	it('creates numbered orders with computed totals', () => {
		const { ctx, order } = setup();
		const a = order();
		const b = order();
		expect(a.number).toMatch(/^SO-2026-[0-9A-Z]{4}-000001$/);
		expect(b.number).toMatch(/-000002$/);
		const bo = requireOrder(boardOf(ctx), a.id);
		expect(bo.fold.status).toBe('draft');
		expect(bo.totals).toEqual({ netCents: 405000, taxCents: 20250, totalCents: 425250 });
	});

	it('refuses to confirm more than is available to promise, or back-orders on request', () => {
		const { ctx, order } = setup();
		confirmOrder(ctx, order(ctx, 7).id);
		const second = order(ctx, 5);
		expect(() => confirmOrder(ctx, second.id)).toThrow(OversellError);
		confirmOrder(ctx, second.id, { backorder: true });
		const f = requireOrder(boardOf(ctx), second.id).fold;
		expect(f.lines.values().next().value).toMatchObject({ reserved: 3, backordered: 2 });
	});

	it('ships with issue movements referencing the order number, from the suggested bins', () => {
		const { ctx, docs, order, item, w1 } = setup();
		const o = order(ctx, 8);
		confirmOrder(ctx, o.id);
		startPicking(ctx, o.id);
		shipOrder(ctx, o.id, { carrier: '黑貓宅急便', tracking: '9001' });
		const issues = docs
			.ledgers()
			.flatMap((d) => readMovements(d).movements)
			.filter((m) => m.reason === 'issue');
		expect(issues.map((m) => m.ref)).toEqual([o.number, o.number]);
		expect(issues.reduce((s, m) => s + m.qty, 0)).toBe(-8);
		expect(onHand(docs, item.id, w1.id)).toBe(2);
		deliverOrder(ctx, o.id, { signedBy: '林小姐', signedAt: '2026-11-21 10:00' });
		recordFeedback(ctx, o.id, { rating: 5, comment: '準時' });
		returnOrder(ctx, o.id, [
			{
				lineId: requireOrder(boardOf(ctx), o.id).order.lines[0]!.id,
				qty: 2,
				reason: 'damaged',
				restock: false
			},
			{
				lineId: requireOrder(boardOf(ctx), o.id).order.lines[0]!.id,
				qty: 1,
				reason: 'not-needed',
				restock: true
			}
		]);
		expect(onHand(docs, item.id, w1.id)).toBe(3);
		const bo = requireOrder(boardOf(ctx), o.id);
		expect(bo.fold.status).toBe('delivered');
		expect(bo.fold.feedback?.rating).toBe(5);
		expect(bo.fold.lines.values().next().value?.returned).toBe(3);
	});

	it('refuses a second shipment past what is left of the line, and ships exactly what is left', () => {
		const { ctx, order, item, w1 } = setup();
		// Plenty of stock, so only the "left to ship" guard can refuse the second shipment.
		recordReceipt(ctx, { itemId: item.id, warehouseId: w1.id, qty: 20, unit: '箱' });
		const o = order(ctx, 10);
		confirmOrder(ctx, o.id);
		startPicking(ctx, o.id);
		const lineId = requireOrder(boardOf(ctx), o.id).order.lines[0]!.id;
		shipOrder(ctx, o.id, { lines: [{ lineId, qty: 6 }] });
		expect(() => shipOrder(ctx, o.id, { lines: [{ lineId, qty: 6 }] })).toThrow(
			/more than is left to ship/
		);
		expect(() => shipOrder(ctx, o.id, { lines: [{ lineId, qty: 4.001 }] })).toThrow(
			/more than is left to ship/
		);
		shipOrder(ctx, o.id, { lines: [{ lineId, qty: 4 }] });
		expect(requireOrder(boardOf(ctx), o.id).fold.lines.get(lineId)?.shipped).toBe(10);
	});

	it('refuses transitions the state machine would not apply', () => {
		const { ctx, order } = setup();
		const o = order();
		cancelOrder(ctx, o.id);
		expect(() => confirmOrder(ctx, o.id)).toThrow(StockflowError);
	});
});

describe('short close and back-orders', () => {
	it('closes a partially shipped order short with a reason, releasing the rest', () => {
		const { ctx, order, item, w1 } = setup();
		const o = order(ctx, 14);
		expect(() => closeOrderShort(ctx, o.id, '客戶不要了')).toThrow(StockflowError);
		confirmOrder(ctx, o.id, { backorder: true });
		expect(() => closeOrderShort(ctx, o.id, '客戶不要了')).toThrow(StockflowError);
		const lineId = requireOrder(boardOf(ctx), o.id).order.lines[0]!.id;
		shipOrder(ctx, o.id, { lines: [{ lineId, qty: 6 }] });
		expect(boardOf(ctx).atp.of(item.id, w1.id).available).toBe(0);
		expect(() => closeOrderShort(ctx, o.id, '  ')).toThrow(StockflowError);
		closeOrderShort(ctx, o.id, '客戶不要了');
		const bo = requireOrder(boardOf(ctx), o.id);
		expect(bo.fold.status).toBe('closed-short');
		expect(bo.fold.closedShort?.reason).toBe('客戶不要了');
		// The 4 reserved but unshipped units are free again.
		expect(boardOf(ctx).atp.of(item.id, w1.id).available).toBe(4);
		expect(() => shipOrder(ctx, o.id)).toThrow(StockflowError);
	});

	it('a back-order becomes ready when stock arrives and the ship form offers it', () => {
		const { ctx, order, item, w1 } = setup();
		const first = order(ctx, 12);
		confirmOrder(ctx, first.id, { backorder: true });
		shipOrder(ctx, first.id);
		expect(requireOrder(boardOf(ctx), first.id).backorderReady).toBe(false);
		recordReceipt(ctx, { itemId: item.id, warehouseId: w1.id, qty: 5, unit: '箱' });
		const bo = requireOrder(boardOf(ctx), first.id);
		expect(bo.ready.map((r) => r.qty)).toEqual([2]);
		// The 3 left over are free to promise; the 2 the back-order waits for are not.
		expect(boardOf(ctx).atp.of(item.id, w1.id).available).toBe(3);
		const later = order(ctx, 5);
		expect(() => confirmOrder(ctx, later.id)).toThrow(OversellError);
		shipOrder(ctx, first.id);
		expect(requireOrder(boardOf(ctx), first.id).fold.status).toBe('shipped');
	});
});

describe('offline double confirmation of the last units', () => {
	function twoDevices() {
		const s = setup();
		const docsB = workspaceDocsInMemory();
		for (const name of s.docs.names())
			Y.applyUpdate(docsB.get(name), Y.encodeStateAsUpdate(s.docs.get(name)));
		const clockB = { ms: T0 };
		const b = device(docsB, 'devB', clockB);
		// Both offline: A sells the last 10 in TPE to one customer, B to another.
		s.clock.ms += 60_000;
		const oa = s.order(s.ctx, 10);
		confirmOrder(s.ctx, oa.id);
		clockB.ms += 120_000;
		const ob = s.order(b, 10, s.other.id);
		confirmOrder(b, ob.id);
		const merge = () => {
			for (const name of new Set([...s.docs.names(), ...docsB.names()])) {
				Y.applyUpdate(docsB.get(name), Y.encodeStateAsUpdate(s.docs.get(name)));
				Y.applyUpdate(s.docs.get(name), Y.encodeStateAsUpdate(docsB.get(name)));
			}
		};
		merge();
		return { ...s, b, docsB, oa, ob, merge };
	}

	it('flags the later confirmation as over-allocated on both devices', () => {
		const { ctx, b, oa, ob } = twoDevices();
		for (const c of [ctx, b]) {
			const board = boardOf(c);
			expect(requireOrder(board, oa.id).overAllocated).toBe(false);
			expect(requireOrder(board, ob.id).shortfalls.map((x) => x.shortfall)).toEqual([10]);
			expect(
				board.atp.of(
					requireOrder(board, oa.id).order.lines[0]!.itemId,
					requireOrder(board, oa.id).order.warehouseId
				).available
			).toBe(-10);
		}
	});

	it.each(['backorder', 'transfer', 'cancel', 'ship-partial'] as const)(
		'resolution %s clears the flag',
		(how) => {
			const { ctx, b, ob, oa, merge } = twoDevices();
			// For ship-partial stock covers none of B's 10, so it ships nothing and back-orders all.
			resolveOverAllocation(b, ob.id, how);
			merge();
			for (const c of [ctx, b]) {
				const board = boardOf(c);
				expect(requireOrder(board, ob.id).overAllocated).toBe(false);
				expect(requireOrder(board, oa.id).overAllocated).toBe(false);
			}
			if (how === 'cancel') expect(requireOrder(boardOf(ctx), ob.id).fold.status).toBe('cancelled');
			if (how === 'transfer')
				expect(
					boardOf(ctx).atp.of(
						requireOrder(boardOf(ctx), ob.id).order.lines[0]!.itemId,
						requireOrder(boardOf(ctx), ob.id).order.warehouseId
					).available
				).toBe(0);
		}
	);
});
