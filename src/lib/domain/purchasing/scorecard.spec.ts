import { describe, expect, it } from 'vitest';
import { foldPurchaseOrder } from './po-state-machine';
import { poHeaderSchema, poLineSchema, type PurchaseOrder } from './purchase-order';
import { procurementSaving, supplierScorecard } from './scorecard';
import { poEv, receive } from './test-support';

function po(
	id: string,
	lines: { id: string; qty: number; price: number; planned: number; promised: string }[],
	events: PurchaseOrder['events'],
	orderDate = '2026-10-01'
): { po: PurchaseOrder; fold: ReturnType<typeof foldPurchaseOrder> } {
	const header = poHeaderSchema.parse({
		id,
		number: `PO-${id}`,
		supplierId: 's1',
		warehouseId: 'w',
		orderDate,
		createdAt: '000000000000001-000000-d1'
	});
	const parsed = lines.map((l) =>
		poLineSchema.parse({
			id: l.id,
			itemId: 'i',
			qty: l.qty,
			unitPriceCents: l.price,
			promisedDate: l.promised,
			plannedUnitPriceCents: l.planned,
			plannedSource: 'price-list'
		})
	);
	const order = { ...header, lines: parsed, events };
	return { po: order, fold: foldPurchaseOrder(parsed, events) };
}
const approve = poEv('approve', 1, { amountCents: 0, role: 'admin' });
const period = { from: '2026-01-01', to: '2026-12-31', today: '2026-11-30' };

describe('supplierScorecard', () => {
	const onTime = po(
		'a',
		[{ id: 'l1', qty: 10, price: 900, planned: 1000, promised: '2026-10-10' }],
		[approve, receive(2, [{ lineId: 'l1', accepted: 10 }], '2026-10-10')]
	);
	const late = po(
		'b',
		[{ id: 'l1', qty: 10, price: 1100, planned: 1000, promised: '2026-10-10' }],
		[
			approve,
			receive(2, [{ lineId: 'l1', accepted: 8, rejected: 2 }], '2026-10-09'),
			receive(3, [{ lineId: 'l1', accepted: 2 }], '2026-10-11')
		]
	);
	const open = po(
		'c',
		[{ id: 'l1', qty: 10, price: 1000, planned: 1000, promised: '2026-12-10' }],
		[approve]
	);
	const overdue = po(
		'd',
		[{ id: 'l1', qty: 10, price: 1000, planned: 1000, promised: '2026-11-29' }],
		[approve]
	);
	const draft = po(
		'e',
		[{ id: 'l1', qty: 99, price: 1, planned: 1000, promised: '2026-10-01' }],
		[]
	);

	it('on-time: fulfilled on the promised day counts; a day later or overdue does not; open ones wait', () => {
		const card = supplierScorecard('s1', [onTime, late, open, overdue, draft], period);
		expect([card.orders, card.judgedLines, card.onTimeLines, card.onTimeRate]).toEqual([
			4, 3, 1, 0.3333
		]);
		// late: 1 day; overdue: promised 11-29, today 11-30 → 1 day.
		expect(card.avgDaysLate).toBe(0.6667);
	});

	it('quality = accepted / delivered; saving and price variance from planned prices', () => {
		const card = supplierScorecard('s1', [onTime, late], period);
		expect([card.deliveredQty, card.acceptedQty, card.qualityRate]).toEqual([22, 20, 0.9091]);
		// planned 2 × 10 000, actual 9 000 + 11 000 → saving 0, variance 0.
		expect([card.plannedCents, card.actualCents, card.saving, card.priceVariance]).toEqual([
			20000, 20000, 0, 0
		]);
		expect(supplierScorecard('s1', [onTime], period).saving).toBe(0.1);
		expect(supplierScorecard('s1', [late], period).priceVariance).toBe(0.1);
		expect(card.savingSources).toEqual(['price-list']);
	});

	it('period bounds are inclusive on order date', () => {
		expect(
			supplierScorecard('s1', [onTime], { ...period, from: '2026-10-01', to: '2026-10-01' }).orders
		).toBe(1);
		expect(supplierScorecard('s1', [onTime], { ...period, from: '2026-10-02' }).orders).toBe(0);
	});

	it('monthly trend by promised month', () => {
		const card = supplierScorecard('s1', [onTime, late, open], period);
		expect(card.months.map((m) => [m.month, m.judged, m.onTime])).toEqual([
			['2026-10', 2, 1],
			['2026-12', 0, 0]
		]);
	});

	it.each([
		[1000, 900, 0.1],
		[1000, 1000, 0],
		[1000, 1100, -0.1],
		[0, 100, null]
	])('saving(planned %i, actual %i) = %s', (p, a, s) => expect(procurementSaving(p, a)).toBe(s));
});
