import { describe, expect, it } from 'vitest';
import { itemSchema } from '../catalog/entities';
import { foldBalances } from '../ledger/fold';
import type { Movement } from '../ledger/movement';
import { foldLots } from '../lots/lot-fold';
import { computeAlerts, daysBetween, type AlertInput } from './alerts';

const S = (day: number) => `${String(Date.UTC(2026, 0, day)).padStart(15, '0')}-000000-d`;
const item = (id: string, extra: Record<string, unknown> = {}) =>
	itemSchema.parse({ id, code: id.toUpperCase(), name: id, unit: '個', ...extra });

function mv(
	id: string,
	day: number,
	itemId: string,
	qty: number,
	extra: Partial<Movement> = {}
): Movement {
	return {
		id,
		at: S(day),
		itemId,
		warehouseId: 'w',
		qty,
		reason: qty > 0 ? 'receipt' : 'issue',
		device: 'd',
		user: 'u',
		...extra
	};
}

function alertsOf(
	items: AlertInput['items'],
	movements: Movement[],
	extra: Partial<AlertInput> = {}
) {
	return computeAlerts({
		items,
		balances: foldBalances(movements).values(),
		lots: foldLots(movements).values(),
		movements,
		today: '2026-01-31',
		expiryWithinDays: 30,
		slowSince: S(1),
		...extra
	});
}

describe('alerts', () => {
	it('puts the shortage and overstock lines exactly at the thresholds', () => {
		const items = [
			item('at-safety', { safetyStock: 10 }),
			item('under-safety', { safetyStock: 10 }),
			item('at-max', { maxStock: 5 }),
			item('over-max', { maxStock: 5 })
		];
		const ms = [
			mv('1', 2, 'at-safety', 10),
			mv('2', 2, 'under-safety', 9.999),
			mv('3', 2, 'at-max', 5),
			mv('4', 2, 'over-max', 5.001)
		];
		const kinds = alertsOf(items, ms, { slowSince: S(1) })
			.filter((a) => a.kind === 'shortage' || a.kind === 'overstock')
			.map((a) => `${a.kind}:${a.itemId}`);
		expect(kinds.sort()).toEqual(['overstock:over-max', 'shortage:under-safety']);
	});

	it('flags shortage below safety stock and overstock above maximum', () => {
		const items = [
			item('a', { safetyStock: 10 }),
			item('b', { maxStock: 5 }),
			item('c', { safetyStock: 3, maxStock: 9 })
		];
		const ms = [
			mv('1', 2, 'a', 4),
			mv('2', 2, 'b', 8),
			mv('3', 2, 'c', 5),
			mv('4', 3, 'a', -1),
			mv('5', 3, 'b', -1),
			mv('6', 3, 'c', -1)
		];
		const kinds = alertsOf(items, ms).map((a) => `${a.kind}:${a.itemId}`);
		expect(kinds).toEqual(['shortage:a', 'overstock:b']);
	});

	it('flags lots expiring within N days and expired lots, only while stock remains', () => {
		const items = [item('m', { lotTracked: true })];
		const ms = [
			mv('1', 2, 'm', 5, { lot: 'SOON', expiry: '2026-02-15' }),
			mv('2', 2, 'm', 5, { lot: 'LATER', expiry: '2026-06-01' }),
			mv('3', 2, 'm', 5, { lot: 'GONE', expiry: '2026-01-20' }),
			mv('4', 2, 'm', 5, { lot: 'EMPTY', expiry: '2026-02-01' }),
			mv('5', 5, 'm', -5, { lot: 'EMPTY' }),
			mv('6', 5, 'm', -1, { lot: 'SOON' })
		];
		const lots = alertsOf(items, ms)
			.filter((a) => a.kind === 'expiring' || a.kind === 'expired')
			.map((a) => ('lot' in a ? [a.kind, a.lot, a.daysLeft, a.onHand] : []));
		expect(lots).toEqual([
			['expiring', 'SOON', 15, 4],
			['expired', 'GONE', -11, 5]
		]);
	});

	it('flags items with stock and no issue since the cut-off', () => {
		const items = [item('x'), item('y'), item('z')];
		const ms = [
			mv('1', 1, 'x', 5),
			mv('2', 1, 'y', 5),
			mv('3', 20, 'y', -1),
			mv('4', 1, 'z', 1),
			mv('5', 2, 'z', -1)
		];
		const slow = alertsOf(items, ms, { slowSince: S(10) }).filter((a) => a.kind === 'slow-moving');
		expect(slow.map((a) => a.itemId)).toEqual(['x']);
	});

	it('narrows to one warehouse', () => {
		const items = [item('a', { safetyStock: 5 })];
		const ms = [
			mv('1', 2, 'a', 10, { warehouseId: 'w2' }),
			mv('2', 2, 'a', 2),
			mv('3', 3, 'a', -1, { warehouseId: 'w2' }),
			mv('4', 3, 'a', -1)
		];
		expect(alertsOf(items, ms).filter((a) => a.kind === 'shortage')).toEqual([]);
		expect(
			alertsOf(items, ms, { warehouseId: 'w' }).filter((a) => a.kind === 'shortage')
		).toHaveLength(1);
	});

	it.each([
		['2026-01-31', '2026-02-01', 1],
		['2026-03-01', '2026-02-28', -1],
		['2026-01-01', '2026-01-01', 0]
	] as const)('daysBetween %s %s = %d', (a, b, n) => expect(daysBetween(a, b)).toBe(n));
});
