// planMrp at the edges of every rule: safety stock, lead-time offset into the past, scrap,
// rescheduling messages, pegging, and the level-by-level explosion.

import { describe, expect, it } from 'vitest';
import { UnknownItemError } from '../errors';
import { planMrp } from './engine';
import { bomLine, mrpItem, mrpProblem, row } from './fixtures';
import type { MrpProblem, MrpRecord } from './types';

function only(problem: MrpProblem, id?: string): MrpRecord {
	const result = planMrp(problem);
	const found = result.items.find((r) => r.id === (id ?? problem.items[0]!.id));
	if (!found) throw new Error('no record');
	return found;
}

describe('safety stock', () => {
	const withDemand = (qty: number) =>
		mrpProblem({
			buckets: 2,
			items: [mrpItem('A', 30, 0, { safetyStock: 10 })],
			demand: [{ itemId: 'A', bucket: 1, qty }]
		});

	it('projected on hand exactly at the safety stock: no order', () => {
		const r = only(withDemand(20));
		expect(r.projectedOnHand).toEqual([10, 10]);
		expect(r.net).toEqual([0, 0]);
		expect(r.plannedReceipts).toEqual([0, 0]);
	});

	it('one unit below the safety stock: an order for that unit', () => {
		const r = only(withDemand(21));
		expect(r.net).toEqual([1, 0]);
		expect(r.plannedReceipts).toEqual([1, 0]);
		expect(r.projectedOnHand).toEqual([10, 10]);
	});

	it('on hand below the safety stock with no demand: restore it in bucket 1', () => {
		const r = only(mrpProblem({ buckets: 3, items: [mrpItem('A', 4, 0, { safetyStock: 10 })] }));
		expect(r.net).toEqual([6, 0, 0]);
		expect(r.plannedReleases).toEqual([6, 0, 0]);
		expect(r.projectedOnHand).toEqual([10, 10, 10]);
	});
});

describe('lead-time offset', () => {
	const problem = (leadTime: number) =>
		mrpProblem({
			buckets: 4,
			items: [mrpItem('A', 0, leadTime), mrpItem('B', 0, 0)],
			bom: [bomLine('A', 'B', 3)],
			demand: [{ itemId: 'A', bucket: 3, qty: 10 }]
		});

	it('a release falling exactly in bucket 1 is planned, not past due', () => {
		const result = planMrp(problem(2));
		expect(result.items[0]!.plannedReleases).toEqual(row(4, { 1: 10 }));
		expect(result.exceptions).toEqual([]);
		expect(result.items[1]!.gross).toEqual(row(4, { 1: 30 }));
	});

	it('one bucket earlier is past due: an exception, and the components are needed now', () => {
		const result = planMrp(problem(3));
		const a = result.items[0]!;
		expect(a.plannedReceipts).toEqual(row(4, { 3: 10 }));
		expect(a.plannedReleases).toEqual(row(4));
		expect(result.exceptions).toEqual([
			{ type: 'past-due', itemId: 'A', bucket: 3, releaseBucket: 0, qty: 10 }
		]);
		expect(result.plannedOrders[0]).toMatchObject({ itemId: 'A', pastDue: true, releaseBucket: 0 });
		expect(result.items[1]!.gross).toEqual(row(4, { 1: 30 }));
	});

	it('lead time 0 releases in the bucket it receives', () => {
		expect(planMrp(problem(0)).items[0]!.plannedReleases).toEqual(row(4, { 3: 10 }));
	});
});

describe('scrap on a BOM line', () => {
	it('adds the scrap percentage to the component requirement: qtyPer × (1 + scrap %)', () => {
		const result = planMrp(
			mrpProblem({
				buckets: 2,
				items: [mrpItem('P', 0, 1), mrpItem('C', 0, 0), mrpItem('K', 0, 0)],
				bom: [bomLine('P', 'C', 2, 10), bomLine('P', 'K', 1)],
				demand: [{ itemId: 'P', bucket: 2, qty: 65 }]
			})
		);
		// 65 × 2 × 1.1 is 143.00000000000003 in floating point; planning sees 143.
		expect(result.items[1]!.gross).toEqual([143, 0]);
		expect(result.items[1]!.plannedReceipts).toEqual([143, 0]);
		expect(result.items[2]!.gross).toEqual([65, 0]);
	});

	it('scrap compounds down the levels', () => {
		const result = planMrp(
			mrpProblem({
				buckets: 1,
				items: [mrpItem('P', 0, 0), mrpItem('S', 0, 0), mrpItem('R', 0, 0)],
				bom: [bomLine('P', 'S', 1, 25), bomLine('S', 'R', 2, 50)],
				demand: [{ itemId: 'P', bucket: 1, qty: 100 }]
			})
		);
		expect(result.items.map((r) => r.gross[0])).toEqual([100, 125, 375]);
	});
});

describe('scheduled receipts and their exception messages', () => {
	const problem = (
		onHand: number,
		demand: Record<number, number>,
		receipts: Record<number, number>,
		safetyStock = 0
	) =>
		mrpProblem({
			buckets: 4,
			items: [mrpItem('A', onHand, 1, { safetyStock })],
			demand: Object.entries(demand).map(([b, qty]) => ({ itemId: 'A', bucket: +b, qty })),
			scheduledReceipts: Object.entries(receipts).map(([b, qty]) => ({
				itemId: 'A',
				bucket: +b,
				qty,
				ref: `PO-${b}`
			}))
		});

	it('needed earlier: expedite, and no new order while the open one can cover it', () => {
		const result = planMrp(problem(0, { 2: 10 }, { 4: 10 }));
		expect(result.items[0]!.plannedReceipts).toEqual(row(4));
		expect(result.items[0]!.projectedOnHand).toEqual([0, -10, -10, 0]);
		expect(result.exceptions).toEqual([
			{ type: 'expedite', itemId: 'A', bucket: 4, toBucket: 2, qty: 10, ref: 'PO-4' }
		]);
	});

	it('an expedited receipt too small for the shortage: a planned order for the rest', () => {
		const result = planMrp(problem(0, { 2: 15 }, { 4: 10 }));
		expect(result.items[0]!.net).toEqual(row(4, { 2: 5 }));
		expect(result.items[0]!.plannedReceipts).toEqual(row(4, { 2: 5 }));
		expect(result.exceptions.map((e) => e.type)).toEqual(['expedite']);
	});

	it('needed later: defer to the bucket it is needed in', () => {
		expect(planMrp(problem(10, { 3: 15 }, { 1: 5 })).exceptions).toEqual([
			{ type: 'defer', itemId: 'A', bucket: 1, toBucket: 3, qty: 5, ref: 'PO-1' }
		]);
	});

	it('not needed in the horizon: cancel', () => {
		expect(planMrp(problem(20, { 2: 10 }, { 3: 5 })).exceptions).toEqual([
			{ type: 'cancel', itemId: 'A', bucket: 3, qty: 5, ref: 'PO-3' }
		]);
	});

	it('needed exactly when scheduled: no message', () => {
		expect(planMrp(problem(5, { 3: 10 }, { 3: 5 })).exceptions).toEqual([]);
	});

	it('the safety stock counts: a receipt is needed when on hand would fall below it', () => {
		expect(planMrp(problem(10, { 2: 1 }, { 3: 5 }, 10)).exceptions).toEqual([
			{ type: 'expedite', itemId: 'A', bucket: 3, toBucket: 2, qty: 5, ref: 'PO-3' }
		]);
	});

	it('receipts are used in bucket order: the later one is the one not needed', () => {
		const result = planMrp(problem(0, { 1: 5, 2: 5 }, { 4: 5, 1: 5 }));
		expect(result.exceptions).toEqual([
			{ type: 'expedite', itemId: 'A', bucket: 4, toBucket: 2, qty: 5, ref: 'PO-4' }
		]);
	});
});

describe('pegging', () => {
	it('a lot covers the demands it was made for, first come first served; the rest is unpegged', () => {
		const result = planMrp(
			mrpProblem({
				buckets: 3,
				items: [mrpItem('A', 5, 0, { lotSizing: { rule: 'fixed', qty: 30 } })],
				demand: [
					{ itemId: 'A', bucket: 1, qty: 10, ref: 'SO-1' },
					{ itemId: 'A', bucket: 2, qty: 10 }
				]
			})
		);
		expect(result.plannedOrders).toEqual([
			{
				itemId: 'A',
				receiptBucket: 1,
				releaseBucket: 1,
				qty: 30,
				pastDue: false,
				pegging: [
					{ source: { kind: 'demand', index: 0, ref: 'SO-1' }, qty: 5 },
					{ source: { kind: 'demand', index: 1 }, qty: 10 }
				]
			}
		]);
	});

	it('safety stock is pegged first, then demand', () => {
		const result = planMrp(
			mrpProblem({
				buckets: 1,
				items: [mrpItem('A', 0, 0, { safetyStock: 5 })],
				demand: [{ itemId: 'A', bucket: 1, qty: 3 }]
			})
		);
		expect(result.plannedOrders[0]!.pegging).toEqual([
			{ source: { kind: 'safety-stock' }, qty: 5 },
			{ source: { kind: 'demand', index: 0 }, qty: 3 }
		]);
	});

	it("a component's order is pegged to the parent orders that need it", () => {
		const result = planMrp(
			mrpProblem({
				buckets: 4,
				items: [mrpItem('A', 0, 1), mrpItem('X', 0, 1), mrpItem('B', 4, 1)],
				bom: [bomLine('A', 'B', 2), bomLine('X', 'B', 1)],
				demand: [
					{ itemId: 'A', bucket: 4, qty: 10 },
					{ itemId: 'X', bucket: 4, qty: 6 }
				]
			})
		);
		const b = result.plannedOrders.filter((o) => o.itemId === 'B');
		expect(b).toEqual([
			{
				itemId: 'B',
				receiptBucket: 3,
				releaseBucket: 2,
				qty: 22,
				pastDue: false,
				pegging: [
					{ source: { kind: 'planned-order', itemId: 'A', receiptBucket: 4 }, qty: 16 },
					{ source: { kind: 'planned-order', itemId: 'X', receiptBucket: 4 }, qty: 6 }
				]
			}
		]);
	});
});

describe('the run', () => {
	it('keeps the input order of items, whatever their levels', () => {
		const result = planMrp(
			mrpProblem({
				buckets: 2,
				items: [mrpItem('leaf', 0, 0), mrpItem('top', 0, 1)],
				bom: [bomLine('top', 'leaf', 1)],
				demand: [{ itemId: 'top', bucket: 2, qty: 4 }]
			})
		);
		expect(result.items.map((r) => [r.id, r.lowLevelCode])).toEqual([
			['leaf', 1],
			['top', 0]
		]);
		expect(result.items[0]!.gross).toEqual([4, 0]);
	});

	it('refuses an unknown item and a BOM cycle', () => {
		const items = [mrpItem('A', 0, 0), mrpItem('B', 0, 0)];
		expect(() =>
			planMrp(mrpProblem({ buckets: 1, items, demand: [{ itemId: 'Z', bucket: 1, qty: 1 }] }))
		).toThrow(UnknownItemError);
		expect(() =>
			planMrp(mrpProblem({ buckets: 1, items, bom: [bomLine('A', 'B', 1), bomLine('B', 'A', 1)] }))
		).toThrow(/BOM cycle/);
	});
});
