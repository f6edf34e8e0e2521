// Promises reserve capacity (issue 18 point 5, "accept"): a preview books nothing, so asking twice
// gives the same date; once the first order is accepted (a confirmed sales order through sales'
// commands), its planned production holds the line's hours and its components, and the same
// question gets the hours and stock left over — unless it is a rush that jumps the queue, which
// gets the first week back and makes the accepted order slip.

import { describe, expect, it } from 'vitest';
import { createCustomer } from '../../src/lib/commands/customers';
import { recordReceipt } from '../../src/lib/commands/movements';
import { acceptPromise, acceptedDate } from '../../src/lib/commands/production/accept';
import { promiseForOrder } from '../../src/lib/commands/production/promise';
import { runPlan } from '../../src/lib/commands/production/planning';
import { boardOf } from '../../src/lib/commands/orders/read';
import { ForbiddenError } from '../../src/lib/domain/errors';
import { device, makeFactory } from './production-fixture';

const TODAY = '2026-11-02';

function factory(tops: number) {
	const f = makeFactory();
	recordReceipt(f.ctx, { itemId: f.top, warehouseId: f.warehouseId, qty: tops, unit: '片' });
	recordReceipt(f.ctx, { itemId: f.leg, warehouseId: f.warehouseId, qty: 2000, unit: '支' });
	const customer = createCustomer(f.ctx, { code: 'C1', name: '家具行' });
	const sales = device(f.docs, f.clock, 'desk', 'sales');
	// 80 tables × 30 min = 40 h on L1 (40 h a week): one week of the line.
	const want = { itemId: f.table, qty: 80, wantedDate: '2026-11-09' };
	const order = (wantedDate: string) => ({
		customerId: customer.id,
		warehouseId: f.warehouseId,
		requestedDate: wantedDate,
		lines: [{ itemId: f.table, qty: 80, unitPriceCents: 500000 }]
	});
	return { f, sales, want, order };
}

describe('promises reserve capacity', () => {
	it('a preview books nothing: the same question twice gets the same week', () => {
		const { f, want } = factory(500);
		const first = promiseForOrder(f.ctx, [want], TODAY, 8);
		expect(first.promise.earliestDate).toBe('2026-11-07');
		expect(promiseForOrder(f.ctx, [want], TODAY, 8).promise.earliestDate).toBe('2026-11-07');
	});

	it('after accepting, the next promise gets the hours left: the following week', () => {
		const { f, sales, want, order } = factory(500);
		const first = promiseForOrder(f.ctx, [want], TODAY, 8);
		const so = acceptPromise(sales, {
			order: order(want.wantedDate),
			promisedDate: first.promise.earliestDate
		});
		// Confirmed, for the wanted date (the promise meets it), and it is now planned.
		const accepted = boardOf(sales).orders.find((o) => o.order.id === so.id)!;
		expect(accepted.fold.status).toBe('confirmed');
		expect(accepted.order.requestedDate).toBe('2026-11-09');
		expect(runPlan(f.ctx, TODAY, 8).plannedOrders.some((o) => o.itemId === f.table)).toBe(true);
		const second = promiseForOrder(f.ctx, [want], TODAY, 8);
		expect(second.promise.lines[0]!.steps[0]).toMatchObject({
			kind: 'make',
			lineFrom: '2026-11-09',
			date: '2026-11-14'
		});
		expect(second.promise.meetsWanted).toBe(false);
	});

	it("the accepted order's components are not promised again", () => {
		const { f, sales, want, order } = factory(100);
		const first = promiseForOrder(f.ctx, [want], TODAY, 8);
		acceptPromise(sales, {
			order: order(want.wantedDate),
			promisedDate: first.promise.earliestDate
		});
		const steps = promiseForOrder(f.ctx, [want], TODAY, 8).promise.lines[0]!.steps;
		// 100 tops, 80 held for the accepted order's tables: 20 from stock, 60 to buy.
		expect(steps.filter((s) => s.itemId === f.top).map((s) => [s.kind, s.qty])).toEqual([
			['stock', 20],
			['buy', 60]
		]);
	});

	it('a promise later than the wanted date is accepted for the promised date', () => {
		expect(acceptedDate('2026-11-09', '2026-11-14')).toBe('2026-11-14');
		expect(acceptedDate('2026-11-09', '2026-11-09')).toBe('2026-11-09');
		expect(acceptedDate('2026-11-09', '2026-11-07')).toBe('2026-11-09');
	});

	it('a production planner may not accept for sales: nothing is written', () => {
		const { f, want, order } = factory(500);
		const planner = device(f.docs, f.clock, 'planner', 'production');
		expect(() =>
			acceptPromise(planner, { order: order(want.wantedDate), promisedDate: '2026-11-07' })
		).toThrow(ForbiddenError);
		expect(boardOf(f.ctx).orders).toHaveLength(0);
	});

	it('as a rush the same question jumps the queue: this week, and the accepted order slips', () => {
		const { f, sales, want, order } = factory(500);
		const first = promiseForOrder(f.ctx, [want], TODAY, 8);
		const so = acceptPromise(sales, {
			order: order(want.wantedDate),
			promisedDate: first.promise.earliestDate
		});
		const again = promiseForOrder(f.ctx, [want], TODAY, 8);
		// In the queue: the week after; jumping it: this week, as the first order had.
		expect(again.promise.earliestDate).toBe('2026-11-14');
		expect(again.asRush.earliestDate).toBe('2026-11-07');
		// The accepted order's planned tables move a week and miss its date (the 9th).
		expect(again.asRush.delayed).toEqual([
			expect.objectContaining({
				itemId: f.table,
				before: '2026-11-07',
				after: '2026-11-14',
				slipped: [{ ref: so.number, date: '2026-11-09' }]
			})
		]);
	});

	it('a rush with nothing else on the line delays nobody', () => {
		const { f, want } = factory(500);
		const a = promiseForOrder(f.ctx, [want], TODAY, 8);
		expect(a.asRush.earliestDate).toBe(a.promise.earliestDate);
		expect(a.asRush.delayed).toEqual([]);
	});
});
