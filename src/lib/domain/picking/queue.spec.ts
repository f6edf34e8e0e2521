import { describe, expect, it } from 'vitest';
import type { Balance } from '../ledger/fold';
import { buildBoard } from '../orders/board';
import type { Order } from '../orders/order';
import { ev, line, stampAt } from '../orders/test-events';
import { pickQueue } from './queue';

const NONE_HELD: ReadonlySet<string> = new Set();

const bal = (qty: number, itemId = 'i1', warehouseId = 'w1'): Balance => ({
	itemId,
	warehouseId,
	locationId: '',
	lot: '',
	qty,
	lastAt: stampAt(1)
});

function order(
	id: string,
	due: string,
	events: Order['events'],
	opts: { warehouseId?: string; qty?: number } = {}
): Order {
	return {
		id,
		number: `SO-${id}`,
		customerId: 'c',
		warehouseId: opts.warehouseId ?? 'w1',
		requestedDate: due,
		notes: '',
		createdAt: stampAt(1),
		createdBy: 'ann',
		lines: [line(`${id}-l`, 'i1', opts.qty ?? 4)],
		events
	};
}

function confirmed(id: string, due: string, ms: number, opts: { warehouseId?: string } = {}) {
	const o = order(id, due, [], opts);
	o.events = [ev('confirm', ms, { reserved: [{ lineId: `${id}-l`, qty: 4 }], backordered: [] })];
	return o;
}

/** Ready = the line's open reservation (what stock covers is not this test's subject). */
const shippable = (bo: {
	order: Order;
	fold: { lines: Map<string, { reserved: number; shipped: number }> };
}) =>
	bo.order.lines.map((l) => {
		const s = bo.fold.lines.get(l.id);
		return { lineId: l.id, qty: s ? s.reserved - s.shipped : 0 };
	});

describe('pickQueue', () => {
	it('lists confirmed orders by due date, then confirmation, and leaves drafts and done ones out', () => {
		const draft = order('draft', '2026-01-01', []);
		const shipped = confirmed('shipped', '2026-01-01', 5);
		shipped.events.push(
			ev('ship', 6, { lines: [{ lineId: 'shipped-l', qty: 4 }], carrier: '', tracking: '' })
		);
		const cancelled = confirmed('cancelled', '2026-01-01', 5);
		cancelled.events.push(ev('cancel', 7, { reason: '' }));
		const orders = [
			confirmed('later', '2026-03-02', 1),
			confirmed('b', '2026-03-01', 3),
			confirmed('a', '2026-03-01', 2),
			draft,
			shipped,
			cancelled
		];
		const board = buildBoard(orders, [bal(100)], '2026-03-01', NONE_HELD);
		const q = pickQueue(board.orders, { shippable });
		expect(q.map((e) => e.bo.order.id)).toEqual(['a', 'b', 'later']);
		expect(q[0]!.lines).toEqual([{ lineId: 'a-l', itemId: 'i1', left: 4, ready: 4 }]);
		expect(q[0]!.complete).toBe(true);
	});

	it('keeps one warehouse when asked', () => {
		const orders = [
			confirmed('x', '2026-03-01', 1),
			confirmed('y', '2026-03-01', 2, { warehouseId: 'w2' })
		];
		const board = buildBoard(orders, [bal(100), bal(100, 'i1', 'w2')], '2026-03-01', NONE_HELD);
		expect(
			pickQueue(board.orders, { shippable, warehouseId: 'w2' }).map((e) => e.bo.order.id)
		).toEqual(['y']);
		expect(pickQueue(board.orders, { shippable, warehouseId: '' })).toHaveLength(2);
	});

	it('a partly shipped order shows only what is left; nothing ready = blocked', () => {
		const o = confirmed('p', '2026-03-01', 1);
		o.events.push(ev('ship', 2, { lines: [{ lineId: 'p-l', qty: 3 }], carrier: '', tracking: '' }));
		const board = buildBoard([o], [bal(0)], '2026-03-05', NONE_HELD);
		const entry = pickQueue(board.orders, { shippable: () => [{ lineId: 'p-l', qty: 0 }] })[0]!;
		expect(entry.lines[0]!.left).toBe(1);
		expect(entry.blocked).toBe(true);
		expect(entry.complete).toBe(false);
		expect(entry.late).toBe(true);
	});

	it('ready exactly equal to what is left is complete; one unit less is not', () => {
		const board = buildBoard(
			[confirmed('e', '2026-03-01', 1)],
			[bal(100)],
			'2026-03-01',
			NONE_HELD
		);
		const at = (qty: number) =>
			pickQueue(board.orders, { shippable: () => [{ lineId: 'e-l', qty }] })[0]!;
		expect(at(4).complete).toBe(true);
		expect(at(3).complete).toBe(false);
		expect(at(3).blocked).toBe(false);
	});
});
