import { describe, expect, it } from 'vitest';
import type { Balance } from '../ledger/fold';
import { reservationsOf } from './atp';
import { allocateBackorders, backordersOf, type BackorderNeed } from './backorders';
import { buildBoard } from './board';
import type { Order } from './order';
import { foldOrder } from './state-machine';
import { ev, line, stampAt } from './test-events';

const bal = (qty: number, itemId = 'i1', warehouseId = 'w1'): Balance => ({
	itemId,
	warehouseId,
	locationId: '',
	lot: '',
	qty,
	lastAt: stampAt(1)
});
const need = (orderId: string, qty: number, ms: number, warehouseId = 'w1'): BackorderNeed => ({
	orderId,
	lineId: `${orderId}-l`,
	itemId: 'i1',
	warehouseId,
	qty,
	confirmedAt: stampAt(ms)
});

describe('allocateBackorders', () => {
	const table: {
		name: string;
		stock: number;
		reserved: number;
		needs: BackorderNeed[];
		ready: Record<string, number>;
	}[] = [
		{ name: 'no stock left', stock: 5, reserved: 5, needs: [need('a', 3, 1)], ready: {} },
		{ name: 'all covered', stock: 10, reserved: 4, needs: [need('a', 3, 1)], ready: { a: 3 } },
		{
			name: 'earliest confirmation first',
			stock: 8,
			reserved: 4,
			needs: [need('late', 3, 9), need('early', 3, 2)],
			ready: { early: 3, late: 1 }
		},
		{
			name: 'stamp tie → order id',
			stock: 2,
			reserved: 0,
			needs: [need('b', 2, 1), need('a', 2, 1)],
			ready: { a: 2 }
		},
		{
			name: 'over-allocated reservations leave nothing',
			stock: 3,
			reserved: 5,
			needs: [need('a', 1, 1)],
			ready: {}
		},
		{
			name: 'other warehouse stock does not count',
			stock: 0,
			reserved: 0,
			needs: [need('a', 2, 1, 'w2')],
			ready: {}
		}
	];
	it.each(table)('$name', ({ stock, reserved, needs, ready }) => {
		const reservations = reserved
			? [
					{
						orderId: 'r',
						lineId: 'r-l',
						itemId: 'i1',
						warehouseId: 'w1',
						qty: reserved,
						confirmedAt: stampAt(0)
					}
				]
			: [];
		const out = allocateBackorders([bal(stock)], reservations, needs);
		expect(Object.fromEntries([...out].map(([id, lines]) => [id, lines[0]?.qty]))).toEqual(ready);
	});
});

describe('back-orders on the board', () => {
	const L = [line('l1', 'i1', 5)];
	const order = (id: string, events: Order['events']): Order => ({
		id,
		number: id,
		customerId: 'c1',
		warehouseId: 'w1',
		requestedDate: '2026-11-30',
		notes: '',
		createdAt: stampAt(0),
		createdBy: '',
		lines: L,
		events
	});
	const backordered = (ms: number, reserved: number) =>
		ev('confirm', ms, {
			reserved: [{ lineId: 'l1', qty: reserved }],
			backordered: [{ lineId: 'l1', qty: 5 - reserved }]
		});

	it('derives the need from the fold: ordered − max(shipped, reserved)', () => {
		const fold = foldOrder(L, [backordered(1, 2)]);
		expect(backordersOf([{ id: 'o', warehouseId: 'w1', lines: L, fold }])).toMatchObject([
			{ orderId: 'o', qty: 3 }
		]);
	});

	it('marks the older back-order ready and keeps its stock from a newer confirmation', () => {
		const orders = [order('old', [backordered(1, 0)]), order('new', [])];
		// Stock arrived: 4 units, nobody else holds them.
		const board = buildBoard(orders, [bal(4)], '2026-11-20', new Set());
		const old = board.orders.find((o) => o.order.id === 'old');
		expect(old?.backorderReady).toBe(true);
		expect(old?.ready).toEqual([{ lineId: 'l1', itemId: 'i1', qty: 4, backordered: 5 }]);
		expect(board.atp.of('i1', 'w1').available).toBe(0);
		const fold = foldOrder(L, [backordered(1, 0)]);
		expect(reservationsOf([{ id: 'old', warehouseId: 'w1', lines: L, fold }])).toEqual([]);
	});

	it('a closed-short or cancelled order waits for nothing', () => {
		const closed = order('c', [
			backordered(1, 2),
			ev('ship', 2, { lines: [{ lineId: 'l1', qty: 2 }], carrier: '', tracking: '' }),
			ev('close-short', 3, { reason: '停產' })
		]);
		const board = buildBoard([closed], [bal(9)], '2026-11-20', new Set());
		expect(board.orders[0]?.fold.status).toBe('closed-short');
		expect(board.orders[0]?.backorderReady).toBe(false);
		expect(board.atp.of('i1', 'w1').available).toBe(9);
	});
});
