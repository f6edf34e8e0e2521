// Landed costs recorded on a purchase order's receipt (purchasing's `charge` event): spread over
// the receipt's accepted goods by value or quantity, carried by the valuation into what follows,
// accrued in GRNI; on a receipt of a closed month, posted once to cost of sales in the open month.

import { describe, expect, it } from 'vitest';
import { readFinanceBook } from '../../src/lib/commands/finance-book';
import type { CommandContext } from '../../src/lib/commands/context';
import { recordIssue } from '../../src/lib/commands/movements';
import { closePeriod } from '../../src/lib/commands/period-close';
import {
	chargeableReceipts,
	previewCharge,
	recordLandedCharge,
	voidLandedCharge
} from '../../src/lib/commands/purchasing/landed-costs';
import {
	approvePurchaseOrder,
	createPurchaseOrder,
	sendPurchaseOrder
} from '../../src/lib/commands/purchasing/purchase-orders';
import { purchasingView, requirePurchaseOrder } from '../../src/lib/commands/purchasing/read';
import { receivePurchaseOrder } from '../../src/lib/commands/purchasing/receiving';
import { DEFAULT_CHART } from '../../src/lib/domain/accounting/accounts';
import { ForbiddenError, InvalidFieldError } from '../../src/lib/domain/errors';
import { device, makeWorld, type World } from './purchasing-fixture';

const DEC_3 = Date.UTC(2026, 11, 3, 2);

function book(w: World) {
	const ledgers = new Map(
		w.docs
			.names()
			.filter((n) => n.startsWith('ledger-'))
			.map((n) => [n.slice('ledger-'.length), w.docs.get(n)] as const)
	);
	const b = readFinanceBook({ catalog: w.docs.catalog, orders: w.docs.get('orders'), ledgers });
	const bal = (role: 'inventory' | 'grni' | 'cogs' | 'payables'): number =>
		b.trialBalance.rows.find((r) => r.account === DEFAULT_CHART[role].code)?.closingCents ?? 0;
	return { b, bal };
}

/** A PO of A 100 @ 11.00 (1,100.00) and B 60 @ 30.00 (1,800.00), all received and accepted. */
function received(w: World, rejectB = 0) {
	const po = createPurchaseOrder(w.ctx, {
		supplierId: w.supplierId,
		warehouseId: w.warehouseId,
		orderDate: '2026-11-02',
		lines: [
			{ itemId: w.itemA, qty: 100 },
			{ itemId: w.itemB, qty: 60 }
		]
	});
	approvePurchaseOrder(w.ctx, po.id, { today: '2026-11-02' });
	sendPurchaseOrder(w.ctx, po.id);
	const [lineA, lineB] = requirePurchaseOrder(purchasingView(w.ctx), po.id).po.lines;
	if (!lineA || !lineB) throw new Error('lines');
	const clerk = device(w.docs, w.clock, 'tablet', 'warehouse');
	const { event } = receivePurchaseOrder(clerk, po.id, {
		receivedOn: '2026-11-06',
		lines: [
			{ lineId: lineA.id, accepted: 100, locationId: w.binId },
			{
				lineId: lineB.id,
				accepted: 60 - rejectB,
				...(rejectB > 0 ? { rejected: rejectB, rejectReason: 'damaged' as const } : {}),
				locationId: w.binId
			}
		]
	});
	const buyer: CommandContext = device(w.docs, w.clock, 'buyer', 'purchasing');
	return { po, receiptId: event.id, buyer, clerk };
}

describe('landed costs on a receipt', () => {
	it('freight by value and duty by quantity: the goods carry them, an issue after costs more, GRNI holds them', () => {
		const w = makeWorld();
		const { po, receiptId, buyer } = received(w);
		const [receipt] = chargeableReceipts(buyer, po.id);
		expect(receipt?.goods.map((g) => [g.qty, g.unitCostCents])).toEqual([
			[100, 1100],
			[60, 3000]
		]);
		// 290.00 over 1,100 : 1,800 → 110.00 and 180.00.
		expect(previewCharge(receipt!, 29_000, 'value')).toEqual([11_000, 18_000]);
		recordLandedCharge(buyer, po.id, {
			receiptEventId: receiptId,
			kind: 'freight',
			amountCents: 29_000,
			basis: 'value',
			note: '新竹貨運 #123'
		});
		// 100.00 over 100 : 60 units → 62.50 and 37.50.
		recordLandedCharge(buyer, po.id, {
			receiptEventId: receiptId,
			kind: 'duty',
			amountCents: 10_000,
			basis: 'qty'
		});
		expect(chargeableReceipts(buyer, po.id)[0]?.charges.map((c) => c.shares)).toEqual([
			[11_000, 18_000],
			[6_250, 3_750]
		]);
		w.clock.ms += 3_600_000;
		// A now costs (1,100 + 110 + 62.50) / 100 = 12.725 a unit: 10 out = 127.25.
		recordIssue(w.ctx, { itemId: w.itemA, warehouseId: w.warehouseId, unit: '個', qty: 10 });
		const { b, bal } = book(w);
		const issue = b.costing.movements.find((c) => c.movement.reason === 'issue');
		expect(issue?.centsChange).toBe(-12_725);
		expect(bal('cogs')).toBe(12_725);
		// 2,900.00 goods + 390.00 charges − 127.25 issued.
		expect(bal('inventory')).toBe(290_000 + 39_000 - 12_725);
		// The supplier's invoice clears the goods; the forwarder's and customs' 390.00 stay owed.
		expect(bal('grni')).toBe(-39_000);
		expect(b.trialBalance.closingSumCents).toBe(0);
	});

	it('a charge of one cent goes to the largest remainder; rejected goods in quarantine take none', () => {
		const w = makeWorld();
		const { po, receiptId, buyer } = received(w, 10);
		const [receipt] = chargeableReceipts(buyer, po.id);
		// Accepted: A 100 @ 11.00 (1,100.00) and B 50 @ 30.00 (1,500.00); the 10 rejected are left out.
		expect(receipt?.goods.map((g) => g.qty)).toEqual([100, 50]);
		expect(previewCharge(receipt!, 1, 'value')).toEqual([0, 1]);
		// Exactly proportional: 26.00 by value → 11.00 and 15.00, no remainder to hand out.
		expect(previewCharge(receipt!, 2_600, 'value')).toEqual([1_100, 1_500]);
		// Equal weights tie: the earlier line takes the odd cent.
		expect(previewCharge({ goods: [receipt!.goods[1]!, receipt!.goods[1]!] }, 3, 'qty')).toEqual([
			2, 1
		]);
		recordLandedCharge(buyer, po.id, {
			receiptEventId: receiptId,
			kind: 'insurance',
			amountCents: 1,
			basis: 'value'
		});
		const { bal } = book(w);
		expect(bal('grni')).toBe(-1);
	});

	it('only purchasing and admin record charges; a charge needs a receipt of this order and an amount', () => {
		const w = makeWorld();
		const { po, receiptId, clerk } = received(w);
		expect(() =>
			recordLandedCharge(clerk, po.id, {
				receiptEventId: receiptId,
				kind: 'freight',
				amountCents: 100,
				basis: 'value'
			})
		).toThrow(ForbiddenError);
		expect(() =>
			recordLandedCharge(w.ctx, po.id, {
				receiptEventId: 'nope',
				kind: 'freight',
				amountCents: 100,
				basis: 'value'
			})
		).toThrow(InvalidFieldError);
		expect(() =>
			recordLandedCharge(w.ctx, po.id, {
				receiptEventId: receiptId,
				kind: 'freight',
				amountCents: 0,
				basis: 'value'
			})
		).toThrow(InvalidFieldError);
	});

	it("a charge on a closed month's receipt goes to cost of sales in the open month, once; the closed month does not move", () => {
		const w = makeWorld();
		const { po, receiptId, buyer } = received(w);
		w.clock.ms = DEC_3;
		closePeriod(w.ctx, '2026-11');
		const before = book(w).b.months.find((m) => m.month === '2026-11');
		expect(chargeableReceipts(buyer, po.id)[0]?.closed).toBe(true);
		recordLandedCharge(buyer, po.id, {
			receiptEventId: receiptId,
			kind: 'freight',
			amountCents: 29_000,
			basis: 'value'
		});
		const { b, bal } = book(w);
		const late = b.vouchers.filter((v) => v.kind === 'landed-cost');
		expect(late.map((v) => [v.month, v.ref])).toEqual([['2026-12', po.number]]);
		expect(bal('cogs')).toBe(29_000);
		expect(bal('inventory')).toBe(290_000); // the goods' carried value is final
		expect(b.months.find((m) => m.month === '2026-11')).toEqual(before);
		// December's close records it as posted: January's book does not post it again.
		w.clock.ms = Date.UTC(2027, 0, 4, 2);
		closePeriod(w.ctx, '2026-12');
		const jan = book(w);
		expect(jan.b.vouchers.filter((v) => v.kind === 'landed-cost')).toEqual([]);
		expect(jan.bal('cogs')).toBe(29_000);
		expect(jan.bal('grni')).toBe(-29_000);
	});

	it('a charge recorded before the close is in the closed month and is not posted again', () => {
		const w = makeWorld();
		const { po, receiptId, buyer } = received(w);
		recordLandedCharge(buyer, po.id, {
			receiptEventId: receiptId,
			kind: 'freight',
			amountCents: 29_000,
			basis: 'value'
		});
		w.clock.ms = DEC_3;
		closePeriod(w.ctx, '2026-11');
		const { b, bal } = book(w);
		expect(b.vouchers.filter((v) => v.kind === 'landed-cost')).toEqual([]);
		expect(bal('inventory')).toBe(290_000 + 29_000);
		expect(bal('cogs')).toBe(0);
		expect(bal('grni')).toBe(-29_000);
	});

	it('a mistyped charge is voided and recorded again: in the open period the void leaves no trace in the books', () => {
		const w = makeWorld();
		const { po, receiptId, buyer } = received(w);
		const typo = recordLandedCharge(buyer, po.id, {
			receiptEventId: receiptId,
			kind: 'freight',
			amountCents: 290_000,
			basis: 'value'
		});
		voidLandedCharge(buyer, po.id, { chargeEventId: typo.id, reason: '多打一個 0' });
		recordLandedCharge(buyer, po.id, {
			receiptEventId: receiptId,
			kind: 'freight',
			amountCents: 29_000,
			basis: 'value'
		});
		const charges = chargeableReceipts(buyer, po.id)[0]?.charges ?? [];
		expect(charges.map((c) => [c.amountCents, c.voided?.reason ?? null])).toEqual([
			[290_000, '多打一個 0'],
			[29_000, null]
		]);
		const { b, bal } = book(w);
		expect(bal('inventory')).toBe(290_000 + 29_000);
		expect(bal('grni')).toBe(-29_000);
		expect(b.vouchers.filter((v) => v.kind === 'landed-cost')).toEqual([]);
		expect(() =>
			voidLandedCharge(buyer, po.id, { chargeEventId: typo.id, reason: 'again' })
		).toThrow(InvalidFieldError);
		expect(() => voidLandedCharge(buyer, po.id, { chargeEventId: typo.id, reason: ' ' })).toThrow(
			InvalidFieldError
		);
	});

	it('voiding a charge a close already posted reverses it once in the open month; the closed month stays', () => {
		const w = makeWorld();
		const { po, receiptId, buyer } = received(w);
		const charge = recordLandedCharge(buyer, po.id, {
			receiptEventId: receiptId,
			kind: 'duty',
			amountCents: 12_345,
			basis: 'qty'
		});
		w.clock.ms = DEC_3;
		closePeriod(w.ctx, '2026-11');
		const nov = book(w).b.months.find((m) => m.month === '2026-11');
		voidLandedCharge(buyer, po.id, { chargeEventId: charge.id, reason: 'not ours' });
		const { b, bal } = book(w);
		expect(b.vouchers.filter((v) => v.kind === 'landed-cost').map((v) => v.month)).toEqual([
			'2026-12'
		]);
		expect(bal('cogs')).toBe(-12_345);
		expect(bal('grni')).toBe(0);
		expect(b.months.find((m) => m.month === '2026-11')).toEqual(nov);
		w.clock.ms = Date.UTC(2027, 0, 4, 2);
		closePeriod(w.ctx, '2026-12');
		const jan = book(w);
		expect(jan.b.vouchers.filter((v) => v.kind === 'landed-cost')).toEqual([]);
		expect(jan.bal('grni')).toBe(0);
		expect(jan.bal('cogs')).toBe(-12_345);
	});
});
