// Landed costs (到岸成本): freight, duty and insurance on a purchase, allocated onto the receipt
// movements they belong to — by value (each receipt's qty × unit cost) or by quantity — in whole
// cents, largest remainder first, so the shares always add up to the charge. The receipts then
// carry the charge in their value, and valuation re-values everything that follows them (an
// issue after the receipt costs more; FIFO layers and averages include the charge).

import type { PurchaseOrder } from '../purchasing/purchase-order';
import type { ValuationMovement } from '../valuation/types';
import { mulDiv } from '../valuation/fixed';

export const LANDED_BASES = ['value', 'qty'] as const;
export type LandedBasis = (typeof LANDED_BASES)[number];

export interface LandedCharge {
	id: string;
	amountCents: number;
	basis: LandedBasis;
	/** Ids of the receipt movements the charge is spread over. */
	receipts: string[];
	/** When it was recorded, and the document it belongs to (a late charge posts on its own). */
	at?: string;
	ref?: string;
}

export class LandedCostError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'LandedCostError';
	}
}

/** A charge whose receipts are not in the valued period (closed before the charge arrived). */
export interface LateCharge {
	id: string;
	at: string;
	amountCents: number;
	ref?: string;
}

/** Ids of voided charges with their void events (the first void of a charge counts). */
function voidsOf(orders: readonly PurchaseOrder[]): Map<string, { id: string; at: string }> {
	const out = new Map<string, { id: string; at: string }>();
	for (const po of orders)
		for (const e of po.events)
			if (e.type === 'void-charge') {
				const prev = out.get(e.payload.chargeEventId);
				if (!prev || e.at < prev.at || (e.at === prev.at && e.id < prev.id))
					out.set(e.payload.chargeEventId, { id: e.id, at: e.at });
			}
	return out;
}

const byStamp = (a: { at?: string; id: string }, b: { at?: string; id: string }): number =>
	(a.at ?? '') !== (b.at ?? '') ? ((a.at ?? '') < (b.at ?? '') ? -1 : 1) : a.id < b.id ? -1 : 1;

/** The landed charges recorded on purchase orders (`charge` events, not voided), in stamp order. */
export function landedChargesOf(orders: readonly PurchaseOrder[]): LandedCharge[] {
	const voided = voidsOf(orders);
	const out: LandedCharge[] = [];
	for (const po of orders)
		for (const e of po.events)
			if (e.type === 'charge' && !voided.has(e.id))
				out.push({
					id: e.id,
					amountCents: e.payload.amountCents,
					basis: e.payload.basis,
					receipts: [...e.payload.movementIds],
					at: e.at,
					ref: po.number
				});
	return out.sort(byStamp);
}

/**
 * Voids of charges a close already posted: each reverses its charge in the open period, once
 * (Dr GRNI / Cr cost of sales, a late charge with the opposite sign). A void of a charge no
 * close posted needs nothing: the charge is simply left out.
 */
export function voidedPostedCharges(
	orders: readonly PurchaseOrder[],
	posted: ReadonlySet<string>
): LateCharge[] {
	const voided = voidsOf(orders);
	const out: LateCharge[] = [];
	for (const po of orders)
		for (const e of po.events) {
			if (e.type !== 'charge') continue;
			const v = voided.get(e.id);
			if (!v || !posted.has(e.id) || posted.has(v.id)) continue;
			out.push({ id: v.id, at: v.at, amountCents: -e.payload.amountCents, ref: po.number });
		}
	return out.sort(byStamp);
}

/**
 * Splits charges into those whose receipts are all valued here (`current`), those whose receipts
 * are none of them here — their month closed before the charge arrived, and a closed month's
 * numbers do not move (`late`) — and the rest (`invalid`: naming something that is not a
 * costed receipt, or receipts partly here; a peer's bad event must not stop the books).
 */
export function splitLateCharges(
	charges: readonly LandedCharge[],
	byId: ReadonlyMap<string, ValuationMovement>
): { current: LandedCharge[]; late: LateCharge[]; invalid: LandedCharge[] } {
	const current: LandedCharge[] = [];
	const late: LateCharge[] = [];
	const invalid: LandedCharge[] = [];
	for (const c of charges) {
		const here = c.receipts.map((id) => byId.get(id));
		if (c.receipts.length === 0) invalid.push(c);
		else if (here.every((v) => v !== undefined && v.qtyMicro > 0 && v.unitCostMicro !== undefined))
			current.push(c);
		else if (c.at !== undefined && here.every((v) => v === undefined))
			late.push({
				id: c.id,
				at: c.at,
				amountCents: c.amountCents,
				...(c.ref !== undefined ? { ref: c.ref } : {})
			});
		else invalid.push(c);
	}
	return { current, late, invalid };
}

/**
 * Cents of `amountCents` per weight, proportional, summing exactly: each share is rounded down,
 * then the cents left go one each to the largest remainders (ties: the earlier weight). All
 * weights zero: equal weights.
 */
export function spreadCents(amountCents: number, weights: readonly number[]): number[] {
	if (!Number.isSafeInteger(amountCents) || amountCents < 0)
		throw new LandedCostError('the charge must be a whole, non-negative number of cents');
	if (weights.length === 0) return [];
	// Exact: products of cents and micro-unit weights pass 2^53, and charges are few.
	const w = (weights.every((x) => x === 0) ? weights.map(() => 1) : weights).map(BigInt);
	const total = w.reduce((s, x) => s + x, 0n);
	const amount = BigInt(amountCents);
	const shares = w.map((x) => (amount * x) / total);
	const rests = w.map((x, i) => ({ i, rest: amount * x - (shares[i] as bigint) * total }));
	let left = amount - shares.reduce((s, x) => s + x, 0n);
	rests.sort((a, b) => (b.rest > a.rest ? 1 : b.rest < a.rest ? -1 : a.i - b.i));
	for (const { i } of rests) {
		if (left <= 0n) break;
		shares[i] = (shares[i] as bigint) + 1n;
		left--;
	}
	return shares.map(Number);
}

/** What a receipt's goods cost, in micro-units (qty × unit cost). */
function goodsMicro(v: { qtyMicro: number; unitCostMicro?: number | undefined }): number {
	return mulDiv(v.qtyMicro, v.unitCostMicro ?? 0, 1_000_000);
}

/**
 * The cents of a charge each receipt takes: by value (qty × unit cost) or by quantity. The
 * purchase-order page previews with this, so what it shows is what the books post.
 */
export function chargeShares(
	amountCents: number,
	basis: LandedBasis,
	receipts: readonly { qtyMicro: number; unitCostMicro?: number | undefined }[]
): number[] {
	const weights = receipts.map((v) => (basis === 'qty' ? v.qtyMicro : goodsMicro(v)));
	return spreadCents(amountCents, weights);
}

/**
 * Adds each charge to the value of its receipts (inbound movements with a cost). Returns the
 * cents each receipt received. A charge naming no known receipt is an error (it would vanish).
 */
export function applyLandedCharges(
	charges: readonly LandedCharge[],
	byId: ReadonlyMap<string, ValuationMovement>
): Map<string, number> {
	const added = new Map<string, number>();
	for (const charge of charges) {
		const receipts = charge.receipts.map((id) => byId.get(id));
		const missing = charge.receipts.filter((_, i) => {
			const v = receipts[i];
			return !v || v.qtyMicro <= 0 || v.unitCostMicro === undefined;
		});
		if (missing.length > 0 || receipts.length === 0)
			throw new LandedCostError(
				`landed cost ${charge.id}: not a costed receipt: ${missing.join(', ') || '(none named)'}`
			);
		const goods = (receipts as ValuationMovement[]).map((v) => goodsMicro(v));
		const shares = chargeShares(charge.amountCents, charge.basis, receipts as ValuationMovement[]);
		(receipts as ValuationMovement[]).forEach((v, i) => {
			const cents = shares[i] as number;
			const before = added.get(v.id) ?? 0;
			added.set(v.id, before + cents);
			v.valueMicro = (v.valueMicro ?? (goods[i] as number)) + cents * 10_000;
		});
	}
	return added;
}
