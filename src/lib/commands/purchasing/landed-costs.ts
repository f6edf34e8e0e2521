// Landed costs (到岸成本) on a receipt: freight, duty, insurance… recorded by purchasing as a
// `charge` event on the purchase order, naming the receipt's accepted movements, so every device
// spreads it the same way (domain/accounting/landed-cost.ts) and the valuation carries it into
// what follows the receipt. A receipt whose month is already closed still takes a charge: the
// closed month's numbers do not move, so the books post it to cost of sales in the open month.

import { InvalidFieldError } from '../../domain/errors';
import { chargeShares } from '../../domain/accounting/landed-cost';
import type { Movement } from '../../domain/ledger/movement';
import {
	LANDED_CHARGE_BASES,
	LANDED_CHARGE_KINDS,
	type LandedChargeKind,
	type PoEvent
} from '../../domain/purchasing/purchase-order';
import { readMovements } from '../../doc/ledger-doc';
import { monthOfStamp } from '../../doc/names';
import { readClosedThrough } from '../../doc/period-doc';
import type { CommandContext } from '../context';
import { appendPurchaseOrderEvent } from './purchase-orders';
import { purchasingView, requirePurchaseOrder } from './read';
import { requirePurchasing } from './suppliers';

export type LandedBasis = (typeof LANDED_CHARGE_BASES)[number];

/** One accepted movement of a receipt: what a charge is spread over. */
export interface ReceiptGoods {
	movementId: string;
	lineId: string;
	itemId: string;
	qty: number;
	unitCostCents: number;
}

export interface ChargedAmount {
	eventId: string;
	kind: LandedChargeKind;
	amountCents: number;
	basis: LandedBasis;
	note: string;
	by: string;
	at: string;
	/** Cents per goods row of the receipt (same order as `goods`). */
	shares: number[];
	/** Voided (the correcting document): it no longer counts. */
	voided: { reason: string; by: string; at: string } | null;
}

export interface ChargeableReceipt {
	eventId: string;
	receivedOn: string;
	/** The receipt's month is closed: a charge goes to cost of sales in the open month. */
	closed: boolean;
	goods: ReceiptGoods[];
	charges: ChargedAmount[];
}

export interface LandedChargeInput {
	receiptEventId: string;
	kind: LandedChargeKind;
	/** In base-currency cents (the forwarder's or customs' invoice). */
	amountCents: number;
	basis: LandedBasis;
	note?: string;
}

/** The receipt movements by id: the open ledgers first, then the receipt's own month. */
function movementsFor(
	ctx: Pick<CommandContext, 'docs'>,
	ids: ReadonlySet<string>,
	months: readonly string[]
): Map<string, Movement> {
	const out = new Map<string, Movement>();
	const scan = (list: readonly Movement[]): void => {
		for (const m of list) if (ids.has(m.id)) out.set(m.id, m);
	};
	for (const doc of ctx.docs.ledgers()) scan(readMovements(doc).movements);
	for (const month of months)
		if (out.size < ids.size) scan(readMovements(ctx.docs.ledger(month)).movements);
	return out;
}

/** The PO's receipts with their accepted goods at cost and the charges already on them. */
export function chargeableReceipts(
	ctx: Pick<CommandContext, 'docs'>,
	poId: string
): ChargeableReceipt[] {
	const { po } = requirePurchaseOrder(purchasingView(ctx), poId);
	const receipts = po.events.filter((e) => e.type === 'receive');
	if (receipts.length === 0) return [];
	const ids = new Set(receipts.flatMap((e) => e.payload.lines.flatMap((l) => l.movementIds)));
	const months = [...new Set(receipts.map((e) => monthOfStamp(e.at)))];
	const byId = movementsFor(ctx, ids, months);
	const closedThrough = readClosedThrough(ctx.docs.catalog);
	const voids = new Map<string, { reason: string; by: string; at: string }>();
	for (const v of po.events)
		if (v.type === 'void-charge' && !voids.has(v.payload.chargeEventId))
			voids.set(v.payload.chargeEventId, { reason: v.payload.reason, by: v.by, at: v.at });
	return receipts.map((e) => {
		const goods: ReceiptGoods[] = [];
		for (const l of e.payload.lines)
			for (const id of l.movementIds) {
				const m = byId.get(id);
				// Accepted goods only: rejected ones sit in quarantine and usually go back.
				if (!m || m.qty <= 0 || m.unitCostCents === undefined) continue;
				if (l.quarantineLocationId !== '' && m.locationId === l.quarantineLocationId) continue;
				goods.push({
					movementId: m.id,
					lineId: l.lineId,
					itemId: m.itemId,
					qty: m.qty,
					unitCostCents: m.unitCostCents
				});
			}
		const weights = goods.map((g) => ({
			qtyMicro: Math.round(g.qty * 1e6),
			unitCostMicro: g.unitCostCents * 10_000
		}));
		const charges: ChargedAmount[] = [];
		for (const c of po.events)
			if (c.type === 'charge' && c.payload.receiptEventId === e.id)
				charges.push({
					eventId: c.id,
					kind: c.payload.kind,
					amountCents: c.payload.amountCents,
					basis: c.payload.basis,
					note: c.payload.note,
					by: c.by,
					at: c.at,
					shares:
						goods.length > 0 ? chargeShares(c.payload.amountCents, c.payload.basis, weights) : [],
					voided: voids.get(c.id) ?? null
				});
		return {
			eventId: e.id,
			receivedOn: e.payload.receivedOn,
			closed: closedThrough !== null && monthOfStamp(e.at) <= closedThrough,
			goods,
			charges
		};
	});
}

/** Cents of `amountCents` per goods row, as the books will spread it. */
export function previewCharge(
	receipt: Pick<ChargeableReceipt, 'goods'>,
	amountCents: number,
	basis: LandedBasis
): number[] {
	return chargeShares(
		amountCents,
		basis,
		receipt.goods.map((g) => ({
			qtyMicro: Math.round(g.qty * 1e6),
			unitCostMicro: g.unitCostCents * 10_000
		}))
	);
}

/** Records a landed cost on one receipt of the PO (purchasing and admin). */
export function recordLandedCharge(
	ctx: CommandContext,
	poId: string,
	input: LandedChargeInput
): PoEvent {
	requirePurchasing(ctx, 'orders');
	if (!(LANDED_CHARGE_KINDS as readonly string[]).includes(input.kind))
		throw new InvalidFieldError('kind', 'unknown charge');
	if (!(LANDED_CHARGE_BASES as readonly string[]).includes(input.basis))
		throw new InvalidFieldError('basis', 'by value or by quantity');
	if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0)
		throw new InvalidFieldError('amountCents', 'must be a positive amount');
	const receipt = chargeableReceipts(ctx, poId).find((r) => r.eventId === input.receiptEventId);
	if (!receipt) throw new InvalidFieldError('receiptEventId', 'not a receipt of this order');
	if (receipt.goods.length === 0)
		throw new InvalidFieldError('receiptEventId', 'the receipt has no accepted goods at cost');
	return appendPurchaseOrderEvent(
		ctx,
		poId,
		'charge',
		{
			receiptEventId: receipt.eventId,
			kind: input.kind,
			amountCents: input.amountCents,
			basis: input.basis,
			movementIds: receipt.goods.map((g) => g.movementId),
			note: (input.note ?? '').trim().slice(0, 300)
		},
		'recordLandedCharge'
	);
}

/** Voids a charge recorded on this PO (a mistyped amount is voided and recorded again). */
export function voidLandedCharge(
	ctx: CommandContext,
	poId: string,
	input: { chargeEventId: string; reason: string }
): PoEvent {
	requirePurchasing(ctx, 'orders');
	const reason = input.reason.trim();
	if (!reason) throw new InvalidFieldError('reason', 'required');
	const charge = chargeableReceipts(ctx, poId)
		.flatMap((r) => r.charges)
		.find((c) => c.eventId === input.chargeEventId);
	if (!charge) throw new InvalidFieldError('chargeEventId', 'not a charge of this order');
	if (charge.voided) throw new InvalidFieldError('chargeEventId', 'already voided');
	return appendPurchaseOrderEvent(
		ctx,
		poId,
		'void-charge',
		{ chargeEventId: charge.eventId, reason: reason.slice(0, 300) },
		'voidLandedCharge'
	);
}
