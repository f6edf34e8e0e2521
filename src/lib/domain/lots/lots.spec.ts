import { describe, expect, it } from 'vitest';
import type { Movement } from '../ledger/movement';
import { allocatePick } from '../picking/allocate';
import { foldBalances } from '../ledger/fold';
import { closeMonthBalances, openingLots, openingMovements } from '../ledger/period';
import { foldLots, lotFactsOf } from './lot-fold';
import { traceLot } from './trace';

const S = (n: number) => `${String(n).padStart(15, '0')}-000000-d`;
function mv(id: string, at: number, qty: number, extra: Partial<Movement>): Movement {
	return {
		id,
		at: S(at),
		itemId: 'i',
		warehouseId: 'w',
		qty,
		reason: qty > 0 ? 'receipt' : 'issue',
		device: 'd',
		user: 'u',
		...extra
	};
}

const ledger: Movement[] = [
	mv('r1', 10, 10, { lot: 'A', expiry: '2026-05-01', locationId: 'l1' }),
	mv('r2', 20, 10, { lot: 'B', expiry: '2026-03-01', locationId: 'l2' }),
	mv('r3', 30, 5, { lot: 'A', expiry: '2026-04-15', locationId: 'l1' }),
	mv('t1', 40, -4, { lot: 'A', locationId: 'l1', reason: 'transfer-out', ref: 'TRF-1' }),
	mv('t2', 40, 4, { lot: 'A', warehouseId: 'w2', reason: 'transfer-in', ref: 'TRF-1' }),
	mv('i1', 50, -3, { lot: 'A', warehouseId: 'w2' })
];

describe('lots', () => {
	it('folds expiry (earliest wins), first receipt and on hand per warehouse', () => {
		const a = foldLots(ledger).get('i|A');
		expect(a).toMatchObject({ expiry: '2026-04-15', firstReceivedAt: S(10), onHand: 12 });
		expect(Object.fromEntries(a?.byWarehouse ?? [])).toEqual({ w: 11, w2: 1 });
	});

	it('feeds FEFO: lot B (earlier expiry, later receipt) is picked first', () => {
		const lots = foldLots(ledger);
		const { picks } = allocatePick({
			itemId: 'i',
			warehouseId: 'w',
			qty: 12,
			policy: 'fefo',
			balances: foldBalances(ledger).values(),
			lotInfo: lotFactsOf(lots, 'i'),
			locations: [
				{ id: 'l1', code: 'A-01' },
				{ id: 'l2', code: 'B-01' }
			]
		});
		expect(picks.map((p) => [p.lot, p.qty])).toEqual([
			['A', 2],
			['B', 10]
		]);
	});

	it('traces where a lot came from and where it went', () => {
		const trace = traceLot([...ledger, ledger[0] as Movement], 'i', 'A');
		expect(trace.origins.map((m) => m.id)).toEqual(['r1', 'r3']);
		expect(trace.flow.map((m) => m.id)).toEqual(['t1', 't2', 'i1']);
		expect(trace.expiry).toBe('2026-04-15');
	});
});

describe('lot trace across a month-end close', () => {
	// Lot A received in the closed month (r1, r3), partly transferred; then the month closed and
	// the next month issued 2 more from w.
	const closed = closeMonthBalances({
		month: '2026-03',
		opening: null,
		movements: ledger.slice(0, 4),
		stateVector: '',
		closedAt: S(60),
		closedBy: 'fin'
	});
	const after = [...openingMovements(closed), mv('i2', 70, -2, { lot: 'A', locationId: 'l1' })];
	const facts = lotFactsOf(foldLots(after, openingLots(closed)), 'i').get('A');

	it('keeps its source: brought forward from the closed month, first received on r1', () => {
		const trace = traceLot(after, 'i', 'A', facts);
		expect(trace.carriedIn).toEqual({
			qty: 11,
			closedMonth: '2026-03',
			firstReceivedAt: S(10)
		});
	});

	it('the opening carry-forward is not a destination: only the real issue is', () => {
		const trace = traceLot(after, 'i', 'A', facts);
		expect(trace.flow.map((m) => m.id)).toEqual(['i2']);
		expect(trace.origins).toEqual([]);
	});

	it('a lot with all its history in open months carries nothing in', () => {
		expect(traceLot(ledger, 'i', 'A').carriedIn).toBeNull();
	});
});
