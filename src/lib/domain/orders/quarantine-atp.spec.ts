import { describe, expect, it } from 'vitest';
import { heldLocationIds } from '../catalog/quarantine';
import type { Balance } from '../ledger/fold';
import { AtpIndex, planConfirmation } from './atp';
import { buildBoard } from './board';
import type { Order } from './order';
import { ev, line, stampAt } from './test-events';

// 10 good units on a shelf, 4 rejected units in the warehouse's quarantine bin (QC).
const locations = [
	{ id: 'shelf', code: 'A-01' },
	{ id: 'qc-w1', code: 'QC' },
	{ id: 'qc-w2', code: 'qc' }
];
const held = heldLocationIds(locations);
const bal = (locationId: string, qty: number, warehouseId = 'w1'): Balance => ({
	itemId: 'i1',
	warehouseId,
	locationId,
	lot: '',
	qty,
	lastAt: stampAt(1)
});
const stock = [bal('shelf', 10), bal('qc-w1', 4)];

const confirmed = (id: string, qty: number, ms: number): Order => ({
	id,
	number: id,
	customerId: 'c',
	warehouseId: 'w1',
	requestedDate: '2026-12-01',
	notes: '',
	createdAt: stampAt(ms),
	createdBy: '',
	lines: [line('l1', 'i1', qty)],
	events: [
		ev('confirm', ms + 1, {
			reserved: [{ lineId: 'l1', qty }],
			backordered: [{ lineId: 'l1', qty: 0 }]
		})
	]
});

describe('quarantine and available to promise', () => {
	it('knows the quarantine bin by its code, in any case', () => {
		expect([...held].sort()).toEqual(['qc-w1', 'qc-w2']);
	});

	it('counts quarantined stock as on hand and held, never as available', () => {
		const atp = new AtpIndex(stock, [], held);
		expect(atp.of('i1', 'w1')).toEqual({ onHand: 14, held: 4, reserved: 0, available: 10 });
		expect(atp.of('i1')).toEqual({ onHand: 14, held: 4, reserved: 0, available: 10 });
	});

	it('stock without a bin is never held', () => {
		const atp = new AtpIndex([bal('', 3)], [], held);
		expect(atp.of('i1', 'w1').available).toBe(3);
	});

	it('a new order may take the good units exactly, and the 11th becomes a back-order', () => {
		const atp = buildBoard([], stock, '2026-11-20', held).atp;
		const exact = planConfirmation([line('l1', 'i1', 10)], 'w1', atp);
		expect(exact.short).toEqual([]);
		const over = planConfirmation([line('l1', 'i1', 11)], 'w1', atp);
		expect(over.reserved).toEqual([{ lineId: 'l1', qty: 10 }]);
		expect(over.backordered).toEqual([{ lineId: 'l1', qty: 1 }]);
	});

	it('a confirmed order larger than the good stock is over-allocated despite quarantine', () => {
		const board = buildBoard(
			[confirmed('fits', 10, 10), confirmed('late', 1, 20)],
			stock,
			'2026-11-20',
			held
		);
		const byId = new Map(board.orders.map((o) => [o.order.id, o]));
		expect(byId.get('fits')?.overAllocated).toBe(false);
		expect(byId.get('late')?.overAllocated).toBe(true);
		expect(byId.get('late')?.shortfalls[0]?.shortfall).toBe(1);
		expect(board.atp.of('i1', 'w1').available).toBe(-1);
	});
});
