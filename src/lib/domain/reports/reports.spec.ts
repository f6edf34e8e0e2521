import { describe, expect, it } from 'vitest';
import { DEFAULT_CHART } from '../accounting/accounts';
import { financeBook } from '../accounting/book';
import { filed, move, orderLine, salesOrder, stampOn } from '../accounting/test-support';
import type { Order, OrderEvent } from '../orders/order';
import { ageingReport, bucketOf } from './ageing';
import type { ReportContext } from './context';
import { cogsReport } from './cogs';
import { daysElapsed, kpis } from './kpis';
import { returnsReport } from './returns';
import { salesReport } from './sales';
import { slowStockReport } from './slow-stock';
import { valuationReport } from './valuation';

const NOW = Date.parse('2026-03-31T12:00:00Z');

function ev(id: string, day: string, e: Pick<OrderEvent, 'type' | 'payload'>): OrderEvent {
	return { id, at: stampOn(day), by: 'u1', device: 'd1', ...e } as OrderEvent;
}

const SO1: Order = salesOrder(
	'SO-1',
	[orderLine('l1', 'A', 10, 250)],
	[
		ev('e1', '2026-03-01', {
			type: 'confirm',
			payload: { reserved: [{ lineId: 'l1', qty: 8 }], backordered: [] }
		}),
		ev('e2', '2026-03-02', {
			type: 'ship',
			payload: { lines: [{ lineId: 'l1', qty: 4 }], carrier: '', tracking: '' }
		}),
		ev('e3', '2026-03-03', { type: 'deliver', payload: { signedBy: 'x', signedAt: '2026-01-10' } }),
		ev('e4', '2026-03-05', {
			type: 'return',
			payload: { lines: [{ lineId: 'l1', qty: 1, reason: 'damaged', restock: true }] }
		})
	],
	'C1'
);

function ctxOf(): ReportContext {
	const moves = [
		move({ id: 'r0', day: '2025-10-01', qty: 5, reason: 'receipt', cost: 100, item: 'B' }),
		move({ id: 'r1', day: '2026-01-05', qty: 10, reason: 'receipt', cost: 123 }),
		move({ id: 'r2', day: '2026-03-20', qty: 5, reason: 'receipt', cost: 130, wh: 'W2' }),
		move({ id: 's1', day: '2026-03-02', qty: -4, reason: 'issue', ref: 'SO-1' }),
		move({ id: 'b1', day: '2026-03-05', qty: 1, reason: 'return', ref: 'SO-1', note: 'damaged' })
	];
	const book = financeBook({
		method: 'fifo',
		chart: DEFAULT_CHART,
		opening: null,
		movements: moves.map((m) => filed(m)),
		salesOrders: [SO1]
	});
	const item = (id: string, category: string) => ({
		id,
		code: `SKU-${id}`,
		name: id,
		category,
		unit: '個'
	});
	return {
		book,
		items: new Map([
			['A', item('A', '茶')],
			['B', item('B', '咖啡')]
		]),
		warehouses: new Map([
			['W1', { id: 'W1', code: 'TP', name: '台北' }],
			['W2', { id: 'W2', code: 'KH', name: '高雄' }]
		]),
		customers: new Map([['C1', { id: 'C1', code: 'C001', name: '好茶行' }]]),
		suppliers: new Map(),
		salesOrders: [SO1],
		openingQty: [],
		nowMs: NOW
	};
}

describe('finance reports (table tests)', () => {
	it('valuation splits an item over its warehouses by quantity and adds up to the inventory account', () => {
		const r = valuationReport(ctxOf());
		// A: 7 left of 10 @ 1.23 (one came back at 1.23) + 5 @ 1.30 = 15.11, split 7 : 5 by
		// quantity (positions are company-wide); the last warehouse takes the remainder.
		expect(r.rows.map((x) => [x.itemCode, x.warehouseCode, x.qty, x.valueCents])).toEqual([
			['SKU-A', 'KH', 5, 630],
			['SKU-A', 'TP', 7, 881],
			['SKU-B', 'TP', 5, 500]
		]);
		expect(r.totalCents).toBe(2011);
		expect(r.byCategory).toEqual([
			{ category: '茶', valueCents: 1511 },
			{ category: '咖啡', valueCents: 500 }
		]);
		const inventory = ctxOf().book.trialBalance.rows.find((x) => x.account === '1231');
		expect(inventory?.closingCents).toBe(2011);
	});

	it('ageing buckets on the boundaries: 30 days is the first bucket, 31 the second', () => {
		expect([0, 30, 31, 90, 91, 180, 181, 365, 366].map(bucketOf)).toEqual([
			0, 0, 1, 1, 2, 2, 3, 3, 4
		]);
		const r = ageingReport(ctxOf());
		const a = r.rows.find((x) => x.itemId === 'A');
		// 12 on hand: the 5 of Mar 20 (11 days) then 7 of Jan 5 (85 days).
		expect(a?.bucketsCents).toEqual([630, 881, 0, 0, 0]);
		// Oct 1 to Mar 31 is 181 days: past the 180-day bucket.
		expect(r.rows.find((x) => x.itemId === 'B')?.bucketsCents).toEqual([0, 0, 0, 500, 0]);
		expect(r.tiedUpCents).toBe(500);
	});

	it('slow and dead stock: never issued is dead; idle 90 days is not slow, 91 is', () => {
		const r = slowStockReport(ctxOf());
		expect(r.rows.map((x) => [x.itemCode, x.class, x.idleDays])).toEqual([['SKU-B', 'dead', null]]);
		expect(slowStockReport(ctxOf(), new Map([['B', stampOn('2025-12-31')]])).rows).toEqual([]);
		const slow = slowStockReport(ctxOf(), new Map([['B', stampOn('2025-12-30')]]));
		expect(slow.rows.map((x) => [x.class, x.idleDays])).toEqual([['slow', 91]]);
		expect(slow.slowCents).toBe(500);
	});

	it('sales by customer, item and month with margin after a return', () => {
		const ctx = ctxOf();
		const byCustomer = salesReport(ctx, 'customer');
		// 4 sold at 2.50 and 1 returned: revenue 7.50; cost 4 × 1.23 − 1.23 = 3.69.
		expect(byCustomer.rows).toEqual([
			{
				key: 'C1',
				code: 'C001',
				name: '好茶行',
				revenueCents: 750,
				cogsCents: 369,
				marginCents: 381,
				marginPct: 381 / 750
			}
		]);
		expect(salesReport(ctx, 'item').rows.map((r) => r.code)).toEqual(['SKU-A']);
		expect(salesReport(ctx, 'month').rows.map((r) => [r.key, r.revenueCents])).toEqual([
			['2026-03', 750]
		]);
	});

	it('COGS by month proves out: opening + purchases − closing − other = cost', () => {
		const r = cogsReport(ctxOf());
		expect(
			r.rows.map((x) => [
				x.month,
				x.openingCents,
				x.purchasesCents,
				x.cogsCents,
				x.closingCents,
				x.otherCents
			])
		).toEqual([
			['2025-10', 0, 500, 0, 500, 0],
			['2026-01', 500, 1230, 0, 1730, 0],
			['2026-03', 1730, 650, 369, 2011, 0]
		]);
	});

	it('return reasons and the return rate', () => {
		const r = returnsReport(ctxOf());
		expect(r.rows[0]).toEqual({
			reason: 'damaged',
			lines: 1,
			qty: 1,
			restockedQty: 1,
			valueCents: 250,
			share: 1
		});
		expect(r.returnRate).toBe(0.25);
	});

	it('KPIs: turnover, margin, on time, fill rate, accuracy on its 98 % threshold', () => {
		const ctx = ctxOf();
		const k = kpis({
			months: ctx.book.months,
			salesOrders: ctx.salesOrders,
			purchaseOrders: [],
			counts: [{ approvedAt: stampOn('2026-03-10'), counted: 50, matching: 49 }]
		});
		const march = k.months.find((m) => m.month === '2026-03');
		expect(march?.turnover).toBeCloseTo(369 / ((1730 + 2011) / 2), 10);
		expect(march?.grossMargin).toBe(381 / 750);
		// Signed Jan 10 against a Jan 10 request: on time, exactly on the day.
		expect(march?.onTime).toBeNull();
		expect(k.months.find((m) => m.month === '2026-01')?.onTime).toBe(1);
		expect(march?.fillRate).toBe(0.8);
		expect(march?.accuracy).toBe(0.98);
		expect(k.headline.saving).toBeNull();
	});

	it('days of inventory count only the days a month has run so far', () => {
		const ctx = ctxOf();
		const input = { months: ctx.book.months, salesOrders: [], purchaseOrders: [], counts: [] };
		const whole = kpis(input).months.find((m) => m.month === '2026-03')!;
		// 31 days of March over its turnover; on March 7 the same COGS took 7 days.
		expect(whole.daysOfInventory).toBeCloseTo(31 / whole.turnover!, 10);
		const on7th = kpis({ ...input, nowMs: Date.UTC(2026, 2, 7, 12) }).months.find(
			(m) => m.month === '2026-03'
		)!;
		expect(on7th.daysOfInventory).toBeCloseTo(7 / whole.turnover!, 10);
		// A month that is over counts whole.
		const inApril = kpis({ ...input, nowMs: Date.UTC(2026, 3, 1) }).months.find(
			(m) => m.month === '2026-03'
		)!;
		expect(inApril.daysOfInventory).toBeCloseTo(31 / whole.turnover!, 10);
		expect(daysElapsed('2026-02', Date.UTC(2026, 1, 28, 23))).toBe(28);
		expect(daysElapsed('2028-02')).toBe(29);
	});
});
