import { describe, expect, it } from 'vitest';
import {
	foldPurchaseOrder,
	fulfilledQty,
	incomingQty,
	lineFlags,
	quarantinedQty,
	unresolvedExcess
} from './po-state-machine';
import { poEv, poLine, receive } from './test-support';

const L = [poLine('l1', 100), poLine('l2', 10)];
const approve = (ms: number, device = 'd1') =>
	poEv('approve', ms, { amountCents: 1, role: 'purchasing' }, device);
const cancel = (ms: number, device = 'd2') => poEv('cancel', ms, { reason: 'not needed' }, device);

describe('foldPurchaseOrder', () => {
	it('walks draft → approved → sent → partially received → received → closed', () => {
		const events = [approve(1), poEv('send', 2, {})];
		expect(foldPurchaseOrder(L, events).status).toBe('sent');
		events.push(receive(3, [{ lineId: 'l1', accepted: 60 }]));
		const partial = foldPurchaseOrder(L, events);
		expect(partial.status).toBe('partially-received');
		expect(incomingQty(partial, 'l1')).toBe(40);
		events.push(
			receive(4, [
				{ lineId: 'l1', accepted: 40 },
				{ lineId: 'l2', accepted: 10 }
			])
		);
		expect(foldPurchaseOrder(L, events).status).toBe('received');
		events.push(poEv('close', 5, { reason: '' }));
		const closed = foldPurchaseOrder(L, events);
		expect(closed.status).toBe('closed');
		expect(incomingQty(closed, 'l1')).toBe(0);
	});

	it('concurrent approve and cancel: folded in stamp order, the same in any input order', () => {
		// Approve first: an approved PO may still be cancelled. Cancel first: the approve is late.
		for (const [a, c, status, conflicts] of [
			[1, 2, 'cancelled', 0],
			[2, 1, 'cancelled', 1]
		] as const) {
			const events = [approve(a), cancel(c)];
			const one = foldPurchaseOrder(L, events);
			const two = foldPurchaseOrder(L, [...events].reverse());
			expect(one.status).toBe(status);
			expect(two.status).toBe(status);
			expect(one.conflicts.map((x) => x.event.id)).toEqual(two.conflicts.map((x) => x.event.id));
			expect(one.conflicts).toHaveLength(conflicts);
		}
	});

	it('a receipt overrules a cancel whatever the stamps (the goods are in the ledger)', () => {
		const r = receive(5, [{ lineId: 'l1', accepted: 100 }], '2026-11-18', 'd1');
		const fold = foldPurchaseOrder(L, [approve(1), cancel(9), r]);
		expect(fold.status).toBe('partially-received');
		expect(fold.conflicts[0]?.event.type).toBe('cancel');
		expect(fold.conflicts[0]?.winner?.id).toBe(r.id);
	});

	it('a close followed by a receipt from a device that had not seen it is overruled', () => {
		const events = [
			approve(1),
			receive(2, [{ lineId: 'l1', accepted: 50 }]),
			poEv('close', 3, { reason: 'short' }),
			receive(4, [{ lineId: 'l1', accepted: 50 }], '2026-11-19', 'd2')
		];
		const fold = foldPurchaseOrder(L, events);
		expect(fold.status).toBe('partially-received');
		expect(fold.conflicts.map((c) => c.event.type)).toEqual(['close']);
	});

	it('close from sent (nothing received) is a conflict, not a status', () => {
		const fold = foldPurchaseOrder(L, [
			approve(1),
			poEv('send', 2, {}),
			poEv('close', 3, { reason: '' })
		]);
		expect(fold.status).toBe('sent');
		expect(fold.conflicts).toHaveLength(1);
	});

	it('two devices approving: one applies, the other is a quiet duplicate', () => {
		const fold = foldPurchaseOrder(L, [approve(1, 'd1'), approve(2, 'd2')]);
		expect(fold.status).toBe('approved');
		expect(fold.duplicates).toHaveLength(1);
		expect(fold.conflicts).toHaveLength(0);
	});

	it('rejected goods wait in quarantine, then return or concession; only concession fulfils', () => {
		const events = [approve(1), receive(2, [{ lineId: 'l2', accepted: 7, rejected: 3 }])];
		let s = foldPurchaseOrder(L, events).lines.get('l2');
		expect(s && [fulfilledQty(s), quarantinedQty(s)]).toEqual([7, 3]);
		events.push(poEv('disposition', 3, { lineId: 'l2', kind: 'return-to-supplier', qty: 2 }));
		events.push(poEv('disposition', 4, { lineId: 'l2', kind: 'concession', qty: 1 }));
		s = foldPurchaseOrder(L, events).lines.get('l2');
		expect(s && [fulfilledQty(s), quarantinedQty(s)]).toEqual([8, 0]);
	});

	it('an amendment after approval changes the ordered quantity and is kept as an event', () => {
		const fold = foldPurchaseOrder(L, [
			approve(1),
			poEv('amend', 2, { lineId: 'l2', qty: 12, reason: 'more' })
		]);
		expect(fold.lines.get('l2')?.ordered).toBe(12);
		const draftAmend = foldPurchaseOrder(L, [
			poEv('amend', 2, { lineId: 'l2', qty: 12, reason: 'x' })
		]);
		expect(draftAmend.conflicts).toHaveLength(1);
	});
});

describe('over-receipt (tolerance 5 %)', () => {
	const line = [poLine('l1', 100)];
	it.each([
		[105, 0, []], // exactly at the tolerance: fine
		[106, 6, ['over-receipt']], // one past: flagged, the excess is everything beyond the order
		[120, 20, ['over-receipt']]
	] as const)('delivered %i → excess %i', (qty, excess, flags) => {
		const s = foldPurchaseOrder(line, [
			approve(1),
			receive(2, [{ lineId: 'l1', accepted: qty }])
		]).lines.get('l1');
		if (!s) throw new Error('no line');
		expect(unresolvedExcess(s, 5)).toBe(excess);
		expect(lineFlags(s, 5)).toEqual(flags);
	});

	it('two offline receipts of 60 both count; accepting or returning the excess clears the flag', () => {
		const events = [
			approve(1),
			receive(5, [{ lineId: 'l1', accepted: 60 }], '2026-11-18', 'a'),
			receive(5, [{ lineId: 'l1', accepted: 60 }], '2026-11-18', 'b')
		];
		const s = foldPurchaseOrder(line, events).lines.get('l1');
		expect(s?.receipts).toBe(2);
		expect(s && unresolvedExcess(s, 5)).toBe(20);
		const accepted = foldPurchaseOrder(line, [
			...events,
			poEv('resolve-over-receipt', 6, { lineId: 'l1', kind: 'accept-excess', qty: 20 })
		]).lines.get('l1');
		expect(accepted && lineFlags(accepted, 5)).toEqual([]);
		const returned = foldPurchaseOrder(line, [
			...events,
			poEv('resolve-over-receipt', 6, { lineId: 'l1', kind: 'return-excess', qty: 20 })
		]).lines.get('l1');
		expect(returned && [lineFlags(returned, 5), fulfilledQty(returned)]).toEqual([[], 100]);
	});
});
