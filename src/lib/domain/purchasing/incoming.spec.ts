import { describe, expect, it } from 'vitest';
import { foldPurchaseOrder } from './po-state-machine';
import { poHeaderSchema, type PurchaseOrder } from './purchase-order';
import { stampAt } from '../orders/test-events';
import {
	arrivals,
	availableFrom,
	incomingByPo,
	incomingLines,
	type IncomingLine
} from './incoming';
import { poEv, poLine, receive } from './test-support';

function po(id: string, lines: PurchaseOrder['lines'], events: PurchaseOrder['events']) {
	const header = poHeaderSchema.parse({
		id,
		number: `PO-${id}`,
		supplierId: 's1',
		warehouseId: 'w1',
		orderDate: '2026-11-01',
		createdAt: stampAt(1)
	});
	const order: PurchaseOrder = { ...header, lines, events };
	return { po: order, fold: foldPurchaseOrder(lines, events) };
}
const approve = (ms: number) => poEv('approve', ms, { amountCents: 1, role: 'admin' });

describe('incoming supply', () => {
	const open = po('a', [poLine('l1', 200, '2026-11-14')], [approve(2)]);
	const partly = po(
		'b',
		[poLine('l2', 50, '2026-11-09')],
		[approve(2), receive(3, [{ lineId: 'l2', accepted: 20 }])]
	);
	const draft = po('c', [poLine('l3', 70, '2026-11-10')], []);
	const cancelled = po('d', [poLine('l4', 9, '2026-11-10')], [poEv('cancel', 2, { reason: 'x' })]);
	// Same item on every line, as the timeline is per item.
	for (const o of [open, partly, draft, cancelled]) for (const l of o.po.lines) l.itemId = 'box';

	it('lists what is still to come on approved, sent or partly received lines, earliest first', () => {
		expect(
			incomingLines([open, partly, draft, cancelled]).map((l) => [l.poNumber, l.date, l.qty])
		).toEqual([
			['PO-b', '2026-11-09', 30],
			['PO-a', '2026-11-14', 200]
		]);
	});

	it('12 available now, 30 late and 200 on the 14th: the timeline and the day a quantity fits', () => {
		const lines = incomingLines([open, partly]);
		const steps = arrivals(lines, 'box', 12, '2026-11-10');
		expect(steps).toEqual([
			{ date: '2026-11-09', qty: 30, availableAfter: 42, late: true },
			{ date: '2026-11-14', qty: 200, availableAfter: 242, late: false }
		]);
		expect(availableFrom(steps, 12, 12, '2026-11-10')).toBe('2026-11-10');
		// The late 30 are owed: 42 can be promised from today, 43 only from the 14th.
		expect(availableFrom(steps, 12, 42, '2026-11-10')).toBe('2026-11-10');
		expect(availableFrom(steps, 12, 43, '2026-11-10')).toBe('2026-11-14');
		expect(availableFrom(steps, 12, 242, '2026-11-10')).toBe('2026-11-14');
		expect(availableFrom(steps, 12, 243, '2026-11-10')).toBeNull();
	});

	it('another warehouse’s arrivals do not count', () => {
		expect(arrivals(incomingLines([open]), 'box', 0, '2026-11-10', 'w2')).toEqual([]);
	});
});

describe('incomingByPo (the board’s purchasing lane)', () => {
	const line = (poId: string, itemId: string, date: string, warehouseId = 'w1'): IncomingLine => ({
		itemId,
		warehouseId,
		date,
		qty: 10,
		poId,
		poNumber: poId.toUpperCase(),
		supplierId: 's1'
	});
	const lines = [
		line('po2', 'box', '2026-12-14'),
		line('po1', 'tape', '2026-12-10'),
		line('po2', 'lid', '2026-12-09'),
		line('po3', 'box', '2026-12-20', 'w2')
	];

	it('groups by PO at its earliest date, late only before today', () => {
		const all = incomingByPo(lines, { warehouseId: '', dueBy: '' }, '2026-12-10');
		expect(all.map((p) => [p.poId, p.date, p.late, p.lines.length])).toEqual([
			['po2', '2026-12-09', true, 2],
			['po1', '2026-12-10', false, 1],
			['po3', '2026-12-20', false, 1]
		]);
	});

	it('keeps a PO due exactly on the due-by day, not the day after, and one warehouse', () => {
		const by = (dueBy: string, warehouseId = '') =>
			incomingByPo(lines, { warehouseId, dueBy }, '2026-12-01').map((p) => p.poId);
		expect(by('2026-12-20')).toEqual(['po2', 'po1', 'po3']);
		expect(by('2026-12-19')).toEqual(['po2', 'po1']);
		expect(by('', 'w2')).toEqual(['po3']);
	});
});
