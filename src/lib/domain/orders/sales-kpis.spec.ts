import { describe, expect, it } from 'vitest';
import type { Balance } from '../ledger/fold';
import { buildBoard } from './board';
import type { Order } from './order';
import type { RepurchaseEstimate } from './repurchase';
import { lineValueCents, previousMonth, salesKpis, topReorderCustomers } from './sales-kpis';
import { ev, line, stampAt } from './test-events';

const DAY_MS = 86_400_000;
const D0 = Date.UTC(2026, 10, 1); // 2026-11-01
const dayOf = (stamp: string): string =>
	new Date(Number(stamp.slice(0, 15))).toISOString().slice(0, 10);
const bal = (qty: number): Balance => ({
	itemId: 'i1',
	warehouseId: 'w1',
	locationId: '',
	lot: '',
	qty,
	lastAt: stampAt(1)
});
const L = [line('l1', 'i1', 10, 1000)]; // 10 × NT$10, 5 % tax → 10 500 cents gross
const order = (id: string, requestedDate: string, events: Order['events']): Order => ({
	id,
	number: id,
	customerId: 'c1',
	warehouseId: 'w1',
	requestedDate,
	notes: '',
	createdAt: stampAt(0),
	createdBy: '',
	lines: L,
	events
});
const confirm = (day: number, reserved = 10) =>
	ev('confirm', D0 + day * DAY_MS, {
		reserved: [{ lineId: 'l1', qty: reserved }],
		backordered: reserved < 10 ? [{ lineId: 'l1', qty: 10 - reserved }] : []
	});
const ship = (day: number, qty: number) =>
	ev('ship', D0 + day * DAY_MS, { lines: [{ lineId: 'l1', qty }], carrier: '', tracking: '' });
const deliver = (day: number, signedAt = '') =>
	ev('deliver', D0 + day * DAY_MS, { signedBy: '王', signedAt });

describe('salesKpis', () => {
	const orders = [
		// Open, late, half shipped in October → 5 units left = 5 250 cents.
		order('a', '2026-10-20', [ev('confirm', D0 - 20 * DAY_MS, L0()), ship(-15, 5)]),
		// Open, due today, fully reserved.
		order('b', '2026-11-10', [confirm(1)]),
		// Delivered on time (signed date counts), shipped in November.
		order('c', '2026-11-05', [confirm(1), ship(3, 10), deliver(9, '2026-11-05 09:00')]),
		// Delivered late (no signed date → stamp day 2026-11-08).
		order('d', '2026-11-07', [confirm(1), ship(3, 10), deliver(7)]),
		// Back-ordered, stock arrived → ready; due later.
		order('e', '2026-11-30', [confirm(2, 0)]),
		// Draft and cancelled orders are not open.
		order('f', '2026-11-01', []),
		order('g', '2026-11-01', [confirm(1), ev('cancel', D0 + 2 * DAY_MS, { reason: '' })])
	];
	function L0() {
		return { reserved: [{ lineId: 'l1', qty: 10 }], backordered: [] };
	}
	const board = buildBoard(orders, [bal(25)], '2026-11-10', new Set());
	const k = salesKpis({
		orders: board.orders,
		today: '2026-11-10',
		onTimeSince: '2026-08-12',
		dayOf
	});

	it.each([
		['open', k.open, 3],
		['openValueCents', k.openValueCents, 5250 + 10500 + 10500],
		['late (board definition: draft f counts)', k.late, 2],
		['dueByToday', k.dueByToday, 2],
		['backorderReady', k.backorderReady, 1],
		['overAllocated', k.overAllocated, 0],
		['shipped in October', k.shippedByMonth.get('2026-10'), 5250],
		['shipped in November', k.shippedByMonth.get('2026-11'), 21000],
		['delivered', k.delivered, 2],
		['deliveredOnTime', k.deliveredOnTime, 1],
		['onTimeRate', k.onTimeRate, 0.5]
	])('%s', (_name, actual, expected) => {
		expect(actual).toBe(expected);
	});

	it('has no on-time rate without deliveries in the window', () => {
		const none = salesKpis({
			orders: board.orders,
			today: '2026-11-10',
			onTimeSince: '2026-12-01',
			dayOf
		});
		expect(none.onTimeRate).toBeNull();
	});
});

describe('helpers', () => {
	it.each([
		['2026-11', '2026-10'],
		['2026-01', '2025-12']
	])('previousMonth(%s) = %s', (m, p) => expect(previousMonth(m)).toBe(p));
	it('values part of a discounted line pro rata, tax included', () => {
		expect(lineValueCents({ ...L[0]!, discountPct: 10 }, 5)).toBe(4725);
		expect(lineValueCents(L[0]!, 0)).toBe(0);
	});
});

describe('topReorderCustomers', () => {
	const est = (
		customerId: string,
		itemId: string,
		dueInDays: number,
		likelySoon = true
	): RepurchaseEstimate => ({
		customerId,
		itemId,
		orders: 3,
		intervalDays: 10,
		lastMs: 0,
		daysSinceLast: 10 - dueInDays,
		dueInDays,
		likelySoon
	});
	it('groups per customer, most urgent first, ignores the not-soon ones, and limits', () => {
		const top = topReorderCustomers(
			[
				est('c2', 'i1', 3),
				est('c1', 'i1', 5),
				est('c1', 'i2', -2),
				est('c3', 'i1', -9, false),
				est('c4', 'i1', 3),
				est('c4', 'i2', 4)
			],
			3
		);
		expect(top).toEqual([
			{ customerId: 'c1', items: 2, dueInDays: -2 },
			{ customerId: 'c4', items: 2, dueInDays: 3 },
			{ customerId: 'c2', items: 1, dueInDays: 3 }
		]);
	});
});
