// Pure tables for the transfer state machine and its ledger postings.

import { describe, expect, it } from 'vitest';
import { foldBalances, onHandOf } from '../ledger/fold';
import { missingPostings, postingsOf, reversalsOf } from './postings';
import { foldTransfer, type TransferStatus } from './state-machine';
import { IN_TRANSIT_WAREHOUSE, type TransferEvent, type TransferHeader } from './transfer';

const header: TransferHeader = {
	id: 't1',
	number: 'TRF-20261125-0001',
	fromWarehouseId: 'A',
	toWarehouseId: 'B',
	note: '',
	createdAt: '001764000000000-000000-d1',
	createdBy: 'u'
};
const at = (n: number, device = 'd1') => `0017640000${String(n).padStart(5, '0')}-000000-${device}`;

const dispatch = (n: number, qty = 10, device = 'd1'): TransferEvent => ({
	id: `dis${n}${device}`,
	at: at(n, device),
	type: 'dispatch',
	by: 'u',
	device,
	payload: { lines: [{ itemId: 'i', fromLocationId: 'binA', qty }] }
});
const receive = (n: number, qtyReceived: number, device = 'd1'): TransferEvent => ({
	id: `rcv${n}${device}`,
	at: at(n, device),
	type: 'receive',
	by: 'u',
	device,
	payload: { lines: [{ itemId: 'i', toLocationId: 'binB', qtyReceived }] }
});
const resolve = (
	n: number,
	kind: 'write-off' | 'return-to-source' | 'found-later',
	qty: number
): TransferEvent => ({
	id: `res${n}`,
	at: at(n),
	type: 'resolve',
	by: 'u',
	device: 'd1',
	payload: { itemId: 'i', kind, qty, note: 'x' }
});
const cancel = (n: number, device = 'd1'): TransferEvent => ({
	id: `can${n}${device}`,
	at: at(n, device),
	type: 'cancel',
	by: 'u',
	device,
	payload: { reason: '' }
});

describe('foldTransfer', () => {
	const table: [string, TransferEvent[], TransferStatus, number, number][] = [
		// name, events, status, in transit, conflicts
		['fresh draft', [], 'draft', 0, 0],
		['dispatched', [dispatch(1)], 'in-transit', 10, 0],
		['received in full', [dispatch(1), receive(2, 10)], 'received', 0, 0],
		['received short', [dispatch(1), receive(2, 7)], 'received-with-discrepancy', 3, 0],
		[
			'short, partly written off',
			[dispatch(1), receive(2, 7), resolve(3, 'write-off', 2)],
			'received-with-discrepancy',
			1,
			0
		],
		[
			'short, settled',
			[dispatch(1), receive(2, 7), resolve(3, 'write-off', 2), resolve(4, 'found-later', 1)],
			'closed',
			0,
			0
		],
		[
			'resolve more than short',
			[dispatch(1), receive(2, 7), resolve(3, 'return-to-source', 4)],
			'received-with-discrepancy',
			3,
			1
		],
		['cancelled draft', [cancel(1)], 'cancelled', 0, 0],
		['dispatch beats an earlier cancel', [cancel(1, 'd2'), dispatch(2)], 'in-transit', 10, 1],
		['two dispatches: earliest wins', [dispatch(1, 10), dispatch(2, 4, 'd2')], 'in-transit', 10, 1],
		[
			'two receipts: earliest wins',
			[dispatch(1), receive(2, 6), receive(3, 10, 'd2')],
			'received-with-discrepancy',
			4,
			1
		],
		['receipt over dispatched is overruled', [dispatch(1), receive(2, 11)], 'in-transit', 10, 1]
	];
	it.each(table)('%s', (_name, events, status, inTransit, conflicts) => {
		const fold = foldTransfer(events);
		expect(fold.status).toBe(status);
		expect(fold.lines.reduce((s, l) => s + l.inTransit, 0)).toBe(inTransit);
		expect(fold.conflicts).toHaveLength(conflicts);
		// Order of arrival never matters.
		expect(foldTransfer([...events].reverse()).status).toBe(status);
	});
});

describe('postings', () => {
	const ledgerAfter = (events: TransferEvent[]) => {
		const fold = foldTransfer(events);
		const moves = [
			{
				id: 'seed',
				at: at(0),
				itemId: 'i',
				warehouseId: 'A',
				locationId: 'binA',
				qty: 50,
				reason: 'receipt' as const,
				device: 'd1',
				user: 'u'
			},
			...events.flatMap((e) => postingsOf(header, e))
		];
		const present = new Set(moves.map((m) => m.id));
		return foldBalances([...moves, ...missingPostings(header, fold, present)]);
	};
	const q = (b: ReturnType<typeof foldBalances>, warehouseId: string) =>
		onHandOf(b, { itemId: 'i', warehouseId });

	it.each([
		// name, events, A, B, in transit
		['dispatch', [dispatch(1)], 40, 0, 10],
		['receive short', [dispatch(1), receive(2, 7)], 40, 7, 3],
		['write-off', [dispatch(1), receive(2, 7), resolve(3, 'write-off', 3)], 40, 7, 0],
		['return to source', [dispatch(1), receive(2, 7), resolve(3, 'return-to-source', 3)], 43, 7, 0],
		['found later', [dispatch(1), receive(2, 7), resolve(3, 'found-later', 3)], 40, 10, 0],
		['double dispatch reversed', [dispatch(1), dispatch(2, 10, 'd2')], 40, 0, 10],
		['double receipt reversed', [dispatch(1), receive(2, 7), receive(3, 10, 'd2')], 40, 7, 3]
	] as const)('%s', (_name, events, a, b, transit) => {
		const balances = ledgerAfter([...events]);
		expect([q(balances, 'A'), q(balances, 'B'), q(balances, IN_TRANSIT_WAREHOUSE)]).toEqual([
			a,
			b,
			transit
		]);
	});

	it('is identical on every device and ids stay within 64 chars', () => {
		const e = { ...receive(2, 7), id: 'x'.repeat(40) };
		expect(postingsOf(header, e)).toEqual(postingsOf(header, structuredClone(e)));
		for (const m of reversalsOf(header, e)) expect(m.id.length).toBeLessThanOrEqual(64);
	});

	it('in transit sits in its own position, never at A or B', () => {
		const [, into] = postingsOf(header, dispatch(1));
		expect(into).toMatchObject({ warehouseId: IN_TRANSIT_WAREHOUSE, locationId: 't1', qty: 10 });
	});
});
