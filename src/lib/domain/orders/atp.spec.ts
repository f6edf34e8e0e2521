import { describe, expect, it } from 'vitest';
import type { Balance } from '../ledger/fold';
import { allocate, AtpIndex, planConfirmation, reservationsOf, type Reservation } from './atp';
import { foldOrder } from './state-machine';
import { ev, line, stampAt } from './test-events';

const bal = (itemId: string, warehouseId: string, qty: number, locationId = ''): Balance => ({
	itemId,
	warehouseId,
	locationId,
	lot: '',
	qty,
	lastAt: stampAt(1)
});
const res = (orderId: string, qty: number, ms: number, warehouseId = 'w1'): Reservation => ({
	orderId,
	lineId: `${orderId}-l`,
	itemId: 'i1',
	warehouseId,
	qty,
	confirmedAt: stampAt(ms)
});

describe('AtpIndex', () => {
	it('is on hand − reserved, per warehouse and in total', () => {
		const atp = new AtpIndex(
			[bal('i1', 'w1', 6, 'a'), bal('i1', 'w1', 4, 'b'), bal('i1', 'w2', 7)],
			[res('o1', 3, 1), res('o2', 9, 2, 'w2')]
		);
		expect(atp.of('i1', 'w1')).toEqual({ onHand: 10, held: 0, reserved: 3, available: 7 });
		expect(atp.of('i1', 'w2')).toEqual({ onHand: 7, held: 0, reserved: 9, available: -2 });
		expect(atp.of('i1')).toEqual({ onHand: 17, held: 0, reserved: 12, available: 5 });
		expect(atp.of('nope', 'w1')).toEqual({ onHand: 0, held: 0, reserved: 0, available: 0 });
	});
});

describe('allocate', () => {
	const table: {
		name: string;
		stock: number;
		reservations: Reservation[];
		short: Record<string, number>;
	}[] = [
		{
			name: 'enough for all',
			stock: 10,
			reservations: [res('a', 4, 1), res('b', 6, 2)],
			short: {}
		},
		{
			name: 'last units confirmed twice: the earlier stamp wins',
			stock: 10,
			reservations: [res('b', 10, 2), res('a', 10, 1)],
			short: { b: 10 }
		},
		{
			name: 'partial cover',
			stock: 10,
			reservations: [res('a', 6, 1), res('b', 6, 2)],
			short: { b: 2 }
		},
		{
			name: 'same stamp: order id breaks the tie',
			stock: 5,
			reservations: [res('z', 5, 1), res('y', 5, 1)],
			short: { z: 5 }
		},
		{ name: 'no stock', stock: 0, reservations: [res('a', 1, 1)], short: { a: 1 } }
	];
	it.each(table)('$name', ({ stock, reservations, short }) => {
		const out = allocate([bal('i1', 'w1', stock)], reservations);
		expect(
			Object.fromEntries([...out].map(([k, v]) => [k, v.reduce((s, x) => s + x.shortfall, 0)]))
		).toEqual(short);
	});
	it('other warehouses’ stock does not cover a reservation', () => {
		const out = allocate([bal('i1', 'w2', 50)], [res('a', 1, 1)]);
		expect(out.get('a')?.[0]?.shortfall).toBe(1);
	});
});

describe('planConfirmation', () => {
	it('reserves what is available and back-orders the rest, lines of one item sharing it', () => {
		const atp = new AtpIndex([bal('i1', 'w1', 8)], [res('o0', 2, 1)]);
		const plan = planConfirmation([line('l1', 'i1', 4), line('l2', 'i1', 4)], 'w1', atp);
		expect(plan.reserved).toEqual([
			{ lineId: 'l1', qty: 4 },
			{ lineId: 'l2', qty: 2 }
		]);
		expect(plan.backordered).toEqual([
			{ lineId: 'l1', qty: 0 },
			{ lineId: 'l2', qty: 2 }
		]);
		expect(plan.short).toEqual([{ lineId: 'l2', itemId: 'i1', requested: 4, available: 2 }]);
	});
});

describe('planConfirmation when available is already negative', () => {
	it('reserves nothing and back-orders every line in full (never a negative reservation)', () => {
		// 5 on hand, 8 already reserved after an offline double confirmation: available −3.
		const atp = new AtpIndex([bal('i1', 'w1', 5)], [res('o0', 8, 1)]);
		expect(atp.of('i1', 'w1').available).toBe(-3);
		const plan = planConfirmation([line('l1', 'i1', 4), line('l2', 'i1', 2)], 'w1', atp);
		expect(plan.reserved).toEqual([
			{ lineId: 'l1', qty: 0 },
			{ lineId: 'l2', qty: 0 }
		]);
		expect(plan.backordered).toEqual([
			{ lineId: 'l1', qty: 4 },
			{ lineId: 'l2', qty: 2 }
		]);
		expect(plan.short).toEqual([
			{ lineId: 'l1', itemId: 'i1', requested: 4, available: 0 },
			{ lineId: 'l2', itemId: 'i1', requested: 2, available: 0 }
		]);
	});
});

describe('reservationsOf', () => {
	it('counts only the unshipped reservation of orders that hold stock', () => {
		const lines = [line('l1', 'i1', 10)];
		const confirmed = foldOrder(lines, [
			ev('confirm', 1, { reserved: [{ lineId: 'l1', qty: 10 }], backordered: [] }),
			ev('ship', 2, { lines: [{ lineId: 'l1', qty: 4 }], carrier: '', tracking: '' })
		]);
		const cancelled = foldOrder(lines, [
			ev('confirm', 1, { reserved: [{ lineId: 'l1', qty: 10 }], backordered: [] }),
			ev('cancel', 2, { reason: '' })
		]);
		const r = reservationsOf([
			{ id: 'a', warehouseId: 'w1', lines, fold: confirmed },
			{ id: 'b', warehouseId: 'w1', lines, fold: cancelled }
		]);
		expect(r.map((x) => [x.orderId, x.qty])).toEqual([['a', 6]]);
	});
});
