// Purchasing commands on one device: proposals → requisitions → draft POs → approval rules →
// receipt with inspection (ledger at PO price, quarantine, return to supplier, concession),
// and the rights of each role.

import { describe, expect, it } from 'vitest';
import { ledgerBalances } from '../../src/lib/commands/ledger-cache';
import { boardOf } from '../../src/lib/commands/orders/read';
import { ApprovalRefusedError, OverReceiptError } from '../../src/lib/commands/purchasing/errors';
import {
	approvePurchaseOrder,
	cancelPurchaseOrder,
	createPurchaseOrder,
	sendPurchaseOrder
} from '../../src/lib/commands/purchasing/purchase-orders';
import { purchasingView, requirePurchaseOrder } from '../../src/lib/commands/purchasing/read';
import { disposeRejected } from '../../src/lib/commands/purchasing/dispositions';
import { receivePurchaseOrder } from '../../src/lib/commands/purchasing/receiving';
import {
	convertRequisitions,
	createRequisitions,
	proposeForWarehouse
} from '../../src/lib/commands/purchasing/requisitions';
import {
	addQualification,
	createSupplier,
	updateSupplier
} from '../../src/lib/commands/purchasing/suppliers';
import { ForbiddenError } from '../../src/lib/domain/errors';
import { fulfilledQty, quarantinedQty } from '../../src/lib/domain/purchasing/po-state-machine';
import { device, makeWorld } from './purchasing-fixture';

function stockAt(world: ReturnType<typeof makeWorld>, itemId: string) {
	const out: Record<string, number> = {};
	for (const b of ledgerBalances(world.ctx).values())
		if (b.itemId === itemId && b.qty !== 0) out[b.locationId] = (out[b.locationId] ?? 0) + b.qty;
	return out;
}

describe('purchasing commands', () => {
	it('proposal → requisitions → one draft PO per supplier, priced from the list with planned source', () => {
		const w = makeWorld();
		const groups = proposeForWarehouse(w.ctx, { warehouseId: w.warehouseId, today: '2026-11-02' });
		// A: 0 ≤ 50 → up to 70 → MOQ 100; B: 0 ≤ 10 → up to max 60.
		expect(groups.map((g) => g.lines.map((l) => [l.itemCode, l.qty]))).toEqual([
			[
				['BOX-A', 100],
				['TAPE-B', 60]
			]
		]);
		const reqs = createRequisitions(
			w.ctx,
			groups.flatMap((g) =>
				g.lines.map((l) => ({
					itemId: l.itemId,
					warehouseId: w.warehouseId,
					qty: l.qty,
					needDate: l.needDate,
					supplierId: l.supplierId,
					source: 'reorder' as const
				}))
			)
		);
		expect(reqs.map((r) => r.number)).toHaveLength(2);
		// Open requisitions count as incoming: nothing more is proposed.
		expect(proposeForWarehouse(w.ctx, { warehouseId: w.warehouseId, today: '2026-11-02' })).toEqual(
			[]
		);
		const { poIds } = convertRequisitions(
			w.ctx,
			reqs.map((r) => r.id),
			{ orderDate: '2026-11-02' }
		);
		expect(poIds).toHaveLength(1);
		const view = purchasingView(w.ctx);
		const po = requirePurchaseOrder(view, poIds[0] ?? '');
		expect(po.fold.status).toBe('draft');
		expect(
			po.po.lines.map((l) => [l.qty, l.unitPriceCents, l.plannedSource, l.promisedDate])
		).toEqual([
			[100, 1100, 'price-list', '2026-11-09'],
			[60, 3000, 'price-list', '2026-11-05']
		]);
		expect(
			view.requisitions.every((r) => r.fold.status === 'converted' && r.fold.poId === poIds[0])
		).toBe(true);
	});

	it('approval: amount over the purchasing limit and an expired mandatory qualification are refused with a reason', () => {
		const w = makeWorld();
		const buyer = device(w.docs, w.clock, 'buyer', 'purchasing');
		const big = createPurchaseOrder(buyer, {
			supplierId: w.supplierId,
			warehouseId: w.warehouseId,
			orderDate: '2026-11-02',
			lines: [{ itemId: w.itemA, qty: 100_000, unitPriceCents: 1000 }]
		});
		expect(() => approvePurchaseOrder(buyer, big.id, { today: '2026-11-02' })).toThrow(
			ApprovalRefusedError
		);
		try {
			approvePurchaseOrder(buyer, big.id, { today: '2026-11-02' });
		} catch (e) {
			expect(e instanceof ApprovalRefusedError && e.refusal.code).toBe('amount');
		}
		approvePurchaseOrder(w.ctx, big.id, { today: '2026-11-02' }); // admin has no limit
		const s = createSupplier(w.ctx, { code: 'OLD', name: 'Old cert', qualifications: [] });
		addQualification(w.ctx, s.id, {
			type: 'haccp',
			name: 'HACCP',
			issuedOn: '2024-01-01',
			expiresOn: '2026-11-01',
			mandatory: true
		});
		const po = createPurchaseOrder(buyer, {
			supplierId: s.id,
			warehouseId: w.warehouseId,
			orderDate: '2026-11-02',
			lines: [{ itemId: w.itemA, qty: 1, unitPriceCents: 1 }]
		});
		try {
			approvePurchaseOrder(w.ctx, po.id, { today: '2026-11-02' });
			expect.unreachable();
		} catch (e) {
			expect(e instanceof ApprovalRefusedError && e.refusal).toEqual({
				code: 'qualification-expired',
				qualification: 'HACCP',
				expiresOn: '2026-11-01'
			});
		}
		updateSupplier(w.ctx, s.id, { blocked: true });
		expect(() => approvePurchaseOrder(w.ctx, po.id, { today: '2026-11-01' })).toThrow(
			ApprovalRefusedError
		);
	});

	it('receipt with inspection: accepted into the bin at the PO price, rejected into quarantine, then returned or conceded', () => {
		const w = makeWorld();
		const po = createPurchaseOrder(w.ctx, {
			supplierId: w.supplierId,
			warehouseId: w.warehouseId,
			orderDate: '2026-11-02',
			lines: [
				{ itemId: w.itemA, qty: 100 },
				{ itemId: w.itemB, qty: 20 }
			]
		});
		approvePurchaseOrder(w.ctx, po.id, { today: '2026-11-02' });
		sendPurchaseOrder(w.ctx, po.id);
		const [lineA, lineB] = requirePurchaseOrder(purchasingView(w.ctx), po.id).po.lines;
		if (!lineA || !lineB) throw new Error('lines');
		const clerk = device(w.docs, w.clock, 'tablet', 'warehouse');
		const { movements } = receivePurchaseOrder(clerk, po.id, {
			receivedOn: '2026-11-06',
			lines: [
				{ lineId: lineA.id, accepted: 60, locationId: w.binId, lot: 'L1' },
				{
					lineId: lineB.id,
					accepted: 15,
					rejected: 5,
					rejectReason: 'damaged',
					locationId: w.binId
				}
			]
		});
		expect(movements.map((m) => [m.reason, m.qty, m.unitCostCents, m.ref])).toEqual([
			['receipt', 60, 1100, po.number],
			['receipt', 15, 3000, po.number],
			['receipt', 5, 3000, po.number]
		]);
		const qc = `qc-${w.warehouseId}`;
		expect(stockAt(w, w.itemB)).toEqual({ [w.binId]: 15, [qc]: 5 });
		// Sales may promise the 15 accepted units, not the 5 in quarantine.
		expect(boardOf(w.ctx).atp.of(w.itemB, w.warehouseId)).toEqual({
			onHand: 20,
			held: 5,
			reserved: 0,
			available: 15
		});
		let fold = requirePurchaseOrder(purchasingView(w.ctx), po.id).fold;
		expect(fold.status).toBe('partially-received');
		disposeRejected(clerk, po.id, { lineId: lineB.id, kind: 'return-to-supplier', qty: 3 });
		disposeRejected(clerk, po.id, {
			lineId: lineB.id,
			kind: 'concession',
			qty: 2,
			toLocationId: w.binId
		});
		expect(stockAt(w, w.itemB)).toEqual({ [w.binId]: 17 });
		expect(boardOf(w.ctx).atp.of(w.itemB, w.warehouseId).available).toBe(17);
		fold = requirePurchaseOrder(purchasingView(w.ctx), po.id).fold;
		const sB = fold.lines.get(lineB.id);
		expect(sB && [fulfilledQty(sB), quarantinedQty(sB)]).toEqual([17, 0]);
		// 40 left on A, tolerance 5 % of 100 → at most 45 more on this device.
		expect(() =>
			receivePurchaseOrder(clerk, po.id, {
				receivedOn: '2026-11-07',
				lines: [{ lineId: lineA.id, accepted: 46 }]
			})
		).toThrow(OverReceiptError);
		receivePurchaseOrder(clerk, po.id, {
			receivedOn: '2026-11-07',
			lines: [{ lineId: lineA.id, accepted: 45 }]
		});
	});

	it('rights: warehouse cannot approve or write suppliers, purchasing cannot receive, a receipt overrules a later cancel attempt', () => {
		const w = makeWorld();
		const clerk = device(w.docs, w.clock, 'tablet', 'warehouse');
		const buyer = device(w.docs, w.clock, 'buyer', 'purchasing');
		expect(() => createSupplier(clerk, { code: 'X', name: 'X' })).toThrow(ForbiddenError);
		const po = createPurchaseOrder(buyer, {
			supplierId: w.supplierId,
			warehouseId: w.warehouseId,
			orderDate: '2026-11-02',
			lines: [{ itemId: w.itemB, qty: 10 }]
		});
		expect(() => approvePurchaseOrder(clerk, po.id, { today: '2026-11-02' })).toThrow(
			ForbiddenError
		);
		approvePurchaseOrder(buyer, po.id, { today: '2026-11-02' });
		const lineId = requirePurchaseOrder(purchasingView(w.ctx), po.id).po.lines[0]?.id ?? '';
		expect(() =>
			receivePurchaseOrder(buyer, po.id, {
				receivedOn: '2026-11-03',
				lines: [{ lineId, accepted: 1 }]
			})
		).toThrow(ForbiddenError);
		receivePurchaseOrder(clerk, po.id, {
			receivedOn: '2026-11-03',
			lines: [{ lineId, accepted: 4 }]
		});
		expect(() => cancelPurchaseOrder(buyer, po.id, 'too late')).toThrow();
	});
});
