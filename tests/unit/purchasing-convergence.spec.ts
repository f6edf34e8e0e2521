// Yjs-level convergence of purchase orders: devices holding their own docs approve, cancel,
// send, receive and resolve the same POs offline, then exchange updates in random order (with
// duplicates). Every device must end with the same statuses, quantities, flags and conflicts,
// and the ledger must hold exactly the movements the receive events name.

import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/lib/commands/context';
import type { MemoryWorkspaceDocs } from '../../src/lib/commands/memory-docs';
import {
	approvePurchaseOrder,
	cancelPurchaseOrder,
	createPurchaseOrder,
	sendPurchaseOrder
} from '../../src/lib/commands/purchasing/purchase-orders';
import { purchasingView, requirePurchaseOrder } from '../../src/lib/commands/purchasing/read';
import {
	convertRequisitions,
	createRequisitions
} from '../../src/lib/commands/purchasing/requisitions';
import { resolveOverReceipt } from '../../src/lib/commands/purchasing/dispositions';
import { receivePurchaseOrder } from '../../src/lib/commands/purchasing/receiving';
import { workspaceDocsInMemory } from '../../src/lib/commands/memory-docs';
import { readMovements } from '../../src/lib/doc/ledger-doc';
import { lineFlags, unresolvedExcess } from '../../src/lib/domain/purchasing/po-state-machine';
import { createPrng } from '../../src/lib/domain/random/prng';
import { attempt, copyAll, exchange, syncAll } from './sim';
import { device, makeWorld } from './purchasing-fixture';

interface Device {
	docs: MemoryWorkspaceDocs;
	ctx: CommandContext;
}

function snapshot(d: Device) {
	const view = purchasingView(d.ctx);
	const movements = d.docs.ledgers().flatMap((doc) => readMovements(doc).movements);
	const ids = new Set(movements.map((m) => m.id));
	return {
		orders: view.orders.map(({ po, fold }) => ({
			number: po.number,
			status: fold.status,
			conflicts: fold.conflicts.map((c) => [c.event.id, c.winner?.id ?? null]),
			lines: [...fold.lines.entries()].map(([id, s]) => [
				id,
				s.delivered,
				s.accepted,
				s.rejected,
				s.receipts,
				lineFlags(s, po.overReceiptTolerancePct)
			]),
			// Every movement a receive names is in the ledger on this device.
			ledgerAgrees: fold.applied.every(
				(e) =>
					e.type !== 'receive' ||
					e.payload.lines.every((l) => l.movementIds.every((m) => ids.has(m)))
			)
		})),
		received: movements
			.filter((m) => m.reason === 'receipt' && m.ref?.startsWith('PO-'))
			.map((m) => [m.id, m.qty])
			.sort()
	};
}

function twoDevices() {
	const w = makeWorld();
	const po = createPurchaseOrder(w.ctx, {
		supplierId: w.supplierId,
		warehouseId: w.warehouseId,
		orderDate: '2026-11-02',
		lines: [{ itemId: w.itemA, qty: 100 }]
	});
	const docsB = workspaceDocsInMemory();
	copyAll(w.docs, docsB);
	const a: Device = { docs: w.docs, ctx: device(w.docs, w.clock, 'tabletA', 'admin') };
	const b: Device = { docs: docsB, ctx: device(docsB, w.clock, 'tabletB', 'admin', 5) };
	const lineId = requirePurchaseOrder(purchasingView(w.ctx), po.id).po.lines[0]?.id ?? '';
	return { w, po, a, b, lineId };
}

let seededReceipts = 0;
let seededConflicts = 0;

describe('purchase orders converge', () => {
	it('concurrent approve (A) and cancel (B) of a draft: both devices agree, the loser is a conflict', () => {
		const { w, po, a, b } = twoDevices();
		approvePurchaseOrder(a.ctx, po.id, { today: '2026-11-02' });
		w.clock.ms += 1000;
		cancelPurchaseOrder(b.ctx, po.id, 'duplicate');
		exchange(a, b, createPrng(1));
		expect(snapshot(a)).toEqual(snapshot(b));
		const fold = requirePurchaseOrder(purchasingView(a.ctx), po.id).fold;
		// Approve came first and an approved PO may be cancelled: cancelled, no conflict.
		expect(fold.status).toBe('cancelled');
	});

	it('cancel on one device while the other receives: the receipt wins everywhere, stock stays', () => {
		const { w, po, a, b, lineId } = twoDevices();
		approvePurchaseOrder(a.ctx, po.id, { today: '2026-11-02' });
		exchange(a, b, createPrng(2));
		w.clock.ms += 60_000;
		cancelPurchaseOrder(a.ctx, po.id, 'supplier late');
		receivePurchaseOrder(b.ctx, po.id, {
			receivedOn: '2026-11-05',
			lines: [{ lineId, accepted: 40 }]
		});
		exchange(a, b, createPrng(3));
		const sa = snapshot(a);
		expect(sa).toEqual(snapshot(b));
		expect(sa.orders[0]?.status).toBe('partially-received');
		expect(sa.orders[0]?.conflicts).toHaveLength(1);
		expect(sa.received.map(([, q]) => q)).toEqual([40]);
	});

	it('two offline devices receive the same line: both kept, ledger and PO agree, over-receipt flagged, then resolved', () => {
		const { w, po, a, b, lineId } = twoDevices();
		approvePurchaseOrder(a.ctx, po.id, { today: '2026-11-02' });
		sendPurchaseOrder(a.ctx, po.id);
		exchange(a, b, createPrng(4));
		receivePurchaseOrder(a.ctx, po.id, {
			receivedOn: '2026-11-06',
			lines: [{ lineId, accepted: 70 }]
		});
		receivePurchaseOrder(b.ctx, po.id, {
			receivedOn: '2026-11-06',
			lines: [{ lineId, accepted: 60 }]
		});
		exchange(a, b, createPrng(5));
		const sa = snapshot(a);
		expect(sa).toEqual(snapshot(b));
		expect(sa.received.map(([, q]) => q).sort()).toEqual([60, 70]);
		expect(sa.orders[0]).toMatchObject({ status: 'received', ledgerAgrees: true });
		expect(sa.orders[0]?.lines[0]).toEqual([lineId, 130, 130, 0, 2, ['over-receipt']]);
		const s = requirePurchaseOrder(purchasingView(a.ctx), po.id).fold.lines.get(lineId);
		expect(s && unresolvedExcess(s, 5)).toBe(30);
		w.clock.ms += 60_000;
		resolveOverReceipt(a.ctx, po.id, { lineId, kind: 'return-excess' });
		exchange(a, b, createPrng(6));
		const after = snapshot(b);
		expect(after).toEqual(snapshot(a));
		expect(after.orders[0]?.lines[0]?.[5]).toEqual([]);
	});

	it.each(Array.from({ length: 12 }, (_, i) => i + 1))(
		'seeded run %i: random approve/send/cancel/receive/resolve on 3 devices converge',
		(seed) => {
			const prng = createPrng(seed);
			const w = makeWorld();
			const pos = Array.from({ length: 4 }, () =>
				createPurchaseOrder(w.ctx, {
					supplierId: w.supplierId,
					warehouseId: w.warehouseId,
					orderDate: '2026-11-02',
					lines: [
						{ itemId: w.itemA, qty: prng.int(5, 30) },
						{ itemId: w.itemB, qty: prng.int(5, 30) }
					]
				})
			);
			const devices: Device[] = [0, 1, 2].map((i) => {
				const docs = i === 0 ? w.docs : workspaceDocsInMemory();
				if (i > 0) copyAll(w.docs, docs);
				return { docs, ctx: device(docs, w.clock, `dev${i}`, 'admin', prng.int(-60_000, 60_000)) };
			});
			for (let step = 0; step < 60; step++) {
				w.clock.ms += prng.int(1_000, 120_000);
				const d = prng.pick(devices);
				const po = prng.pick(pos);
				const view = purchasingView(d.ctx);
				const current = view.orders.find((o) => o.po.id === po.id);
				const line = current ? prng.pick(current.po.lines) : undefined;
				attempt(() => {
					switch (prng.int(0, 6)) {
						case 0:
						case 1:
							return approvePurchaseOrder(d.ctx, po.id, { today: '2026-11-02' });
						case 2:
							return sendPurchaseOrder(d.ctx, po.id);
						case 3:
							return cancelPurchaseOrder(d.ctx, po.id, 'random');
						case 4:
						case 5: {
							if (!line) return;
							const rejected = prng.chance(0.3) ? prng.int(1, 3) : 0;
							return receivePurchaseOrder(d.ctx, po.id, {
								receivedOn: '2026-11-06',
								lines: [
									{
										lineId: line.id,
										accepted: prng.int(1, 12),
										rejected,
										rejectReason: rejected ? 'damaged' : undefined
									}
								]
							});
						}
						default:
							return (
								line &&
								resolveOverReceipt(d.ctx, po.id, {
									lineId: line.id,
									kind: prng.chance(0.5) ? 'accept-excess' : 'return-excess'
								})
							);
					}
				});
				if (prng.chance(0.25)) {
					const [x, y] = prng.shuffle(devices);
					if (x && y) exchange(x, y, prng);
				}
			}
			syncAll(devices, prng);
			const first = snapshot(devices[0] as Device);
			for (const d of devices.slice(1)) expect(snapshot(d)).toEqual(first);
			expect(first.orders.every((o) => o.ledgerAgrees)).toBe(true);
			seededReceipts += first.received.length;
			seededConflicts += first.orders.reduce((n, o) => n + o.conflicts.length, 0);
		}
	);

	it('the seeded runs did receive goods and did meet conflicts (the game was played)', () => {
		expect(seededReceipts).toBeGreaterThan(20);
		expect(seededConflicts).toBeGreaterThan(0);
	});

	it('two devices convert the same requisition offline: one conversion wins, the other PO is a duplicate to cancel', () => {
		const w = makeWorld();
		const [req] = createRequisitions(w.ctx, [
			{
				itemId: w.itemA,
				warehouseId: w.warehouseId,
				qty: 100,
				needDate: '2026-11-20',
				supplierId: w.supplierId
			}
		]);
		if (!req) throw new Error('no requisition');
		const docsB = workspaceDocsInMemory();
		copyAll(w.docs, docsB);
		const a: Device = { docs: w.docs, ctx: device(w.docs, w.clock, 'buyerA') };
		const b: Device = { docs: docsB, ctx: device(docsB, w.clock, 'buyerB', 'admin', 10) };
		convertRequisitions(a.ctx, [req.id], { orderDate: '2026-11-02' });
		convertRequisitions(b.ctx, [req.id], { orderDate: '2026-11-02' });
		exchange(a, b, createPrng(9));
		const fa = purchasingView(a.ctx).requisitions[0]?.fold;
		expect(fa).toEqual(purchasingView(b.ctx).requisitions[0]?.fold);
		expect(fa?.status).toBe('converted');
		expect(fa?.conflicts).toHaveLength(1);
		expect(purchasingView(a.ctx).orders).toHaveLength(2);
	});
});
