// A purchase order (採購單) as stored: header, lines and an append-only event log, like a sales
// order. Status, received, accepted and rejected quantities are folds over the events
// (po-state-machine.ts); totals are computed from the lines, never stored.

import { z } from 'zod';
import { isStamp } from '../clock/hlc';
import type { UnknownEvent } from '../events/unknown-event';
import { numberScheme } from '../orders/number';
import { CURRENCIES, isoDateSchema } from './supplier';

const id = z.string().min(1).max(64);
const stamp = z.string().refine(isStamp, 'not a clock stamp');

/** Where a line's planned price came from (the saving KPI states its source). */
export const PLANNED_PRICE_SOURCES = ['price-list', 'standard-cost', 'none'] as const;
export type PlannedPriceSource = (typeof PLANNED_PRICE_SOURCES)[number];

export const poLineSchema = z.object({
	id,
	itemId: id,
	qty: z.number().finite().positive(),
	unitPriceCents: z.number().int().nonnegative(),
	/** YYYY-MM-DD the supplier promised (承諾交期); on-time is judged against it. */
	promisedDate: isoDateSchema,
	taxRate: z.number().min(0).max(1).default(0.05),
	/** Price the buyer planned to pay when the line was written (for the saving KPI). */
	plannedUnitPriceCents: z.number().int().nonnegative().default(0),
	plannedSource: z.enum(PLANNED_PRICE_SOURCES).default('none'),
	/** The requisition this line came from ('' = typed by hand). */
	requisitionId: z.string().max(64).default('')
});
export type PoLine = z.infer<typeof poLineSchema>;
export type PoLineInput = z.input<typeof poLineSchema>;

export const poHeaderSchema = z.object({
	id,
	number: z.string().min(1).max(40),
	supplierId: id,
	/** Goods are received into this warehouse. */
	warehouseId: id,
	currency: z.enum(CURRENCIES).default('TWD'),
	orderDate: isoDateSchema,
	notes: z.string().max(1000).default(''),
	/** Receipts past ordered × (1 + pct/100) are flagged as over-receipts. */
	overReceiptTolerancePct: z.number().min(0).max(100).default(5),
	createdAt: stamp,
	createdBy: z.string().max(128).default('')
});
export type PoHeader = z.infer<typeof poHeaderSchema>;

export const PO_EVENT_TYPES = [
	'approve',
	'send',
	'cancel',
	'close',
	'amend',
	'receive',
	'disposition',
	'resolve-over-receipt',
	'charge',
	'void-charge'
] as const;
export type PoEventType = (typeof PO_EVENT_TYPES)[number];

export const REJECT_REASONS = [
	'damaged',
	'wrong-item',
	'spec',
	'expired',
	'documents',
	'other'
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** Landed costs (到岸成本) a receipt carries besides the goods. */
export const LANDED_CHARGE_KINDS = ['freight', 'duty', 'insurance', 'other'] as const;
export type LandedChargeKind = (typeof LANDED_CHARGE_KINDS)[number];
/** How a charge is spread over the receipt's accepted goods: by their value or their quantity. */
export const LANDED_CHARGE_BASES = ['value', 'qty'] as const;

const qty = z.number().finite().nonnegative();
const movementIds = z.array(z.string().min(1).max(64)).max(20).default([]);

export const receiptLineSchema = z
	.object({
		lineId: id,
		/** What arrived: accepted + rejected. */
		accepted: qty,
		rejected: qty,
		rejectReason: z.enum(REJECT_REASONS).optional(),
		lot: z.string().max(64).default(''),
		expiry: z.union([isoDateSchema, z.literal('')]).default(''),
		locationId: z.string().max(64).default(''),
		quarantineLocationId: z.string().max(64).default(''),
		movementIds
	})
	.refine((l) => l.accepted + l.rejected > 0, { message: 'nothing received', path: ['accepted'] })
	.refine((l) => l.rejected === 0 || l.rejectReason !== undefined, {
		message: 'a rejection needs a reason',
		path: ['rejectReason']
	});
export type ReceiptLine = z.infer<typeof receiptLineSchema>;
export type ReceiptLineInput = z.input<typeof receiptLineSchema>;

export const PO_EVENT_PAYLOADS = {
	/** Approved by a role for an amount (in base-currency cents) the rule allowed. */
	approve: z.object({ amountCents: z.number().int().nonnegative(), role: z.string().max(32) }),
	send: z.object({ channel: z.string().max(40).default('') }),
	cancel: z.object({ reason: z.string().trim().min(1).max(300) }),
	/** Closes a received or partially received PO; the rest will not come. */
	close: z.object({ reason: z.string().max(300).default('') }),
	/** A change after approval, recorded rather than edited in place. */
	amend: z.object({
		lineId: id,
		qty: z.number().finite().positive().optional(),
		unitPriceCents: z.number().int().nonnegative().optional(),
		promisedDate: isoDateSchema.optional(),
		reason: z.string().trim().min(1).max(300)
	}),
	/** A goods receipt with its inspection (進貨驗收); `receivedOn` is the local day. */
	receive: z.object({
		receivedOn: isoDateSchema,
		lines: z.array(receiptLineSchema).min(1)
	}),
	/** What happened to rejected goods in quarantine: sent back or accepted on concession (特採). */
	disposition: z.object({
		lineId: id,
		kind: z.enum(['return-to-supplier', 'concession']),
		qty: z.number().finite().positive(),
		movementIds
	}),
	/** An over-receipt past the tolerance: the excess goes back or is kept on purpose. */
	'resolve-over-receipt': z.object({
		lineId: id,
		kind: z.enum(['return-excess', 'accept-excess']),
		qty: z.number().finite().positive(),
		movementIds
	}),
	/**
	 * A landed cost on one receipt (a `receive` event): freight, duty… in base-currency cents,
	 * spread over the receipt's accepted movements (named here, so every device spreads the same).
	 */
	charge: z.object({
		receiptEventId: id,
		kind: z.enum(LANDED_CHARGE_KINDS),
		amountCents: z.number().int().positive(),
		basis: z.enum(LANDED_CHARGE_BASES),
		movementIds: z.array(z.string().min(1).max(64)).min(1).max(200),
		note: z.string().max(300).default('')
	}),
	/** Voids a mistyped `charge` (the correcting document; the charge itself is never edited). */
	'void-charge': z.object({
		chargeEventId: id,
		reason: z.string().trim().min(1).max(300)
	})
} as const satisfies Record<PoEventType, z.ZodType>;

export type PoEventPayload<T extends PoEventType> = z.infer<(typeof PO_EVENT_PAYLOADS)[T]>;

const envelope = { id, at: stamp, by: z.string().max(128), device: z.string().max(64) };

function eventOf<T extends PoEventType>(type: T) {
	return z.object({ ...envelope, type: z.literal(type), payload: PO_EVENT_PAYLOADS[type] });
}

export const poEventSchema = z.discriminatedUnion('type', [
	eventOf('approve'),
	eventOf('send'),
	eventOf('cancel'),
	eventOf('close'),
	eventOf('amend'),
	eventOf('receive'),
	eventOf('disposition'),
	eventOf('resolve-over-receipt'),
	eventOf('charge'),
	eventOf('void-charge')
]);
export type PoEvent = z.infer<typeof poEventSchema>;

export function parsePoEvent(raw: unknown): PoEvent | null {
	const parsed = poEventSchema.safeParse(raw);
	return parsed.success ? parsed.data : null;
}

export interface PurchaseOrder extends PoHeader {
	lines: PoLine[];
	events: PoEvent[];
	unknownEvents?: UnknownEvent[];
}

export interface PoTotals {
	netCents: number;
	taxCents: number;
	totalCents: number;
}

/** Net per line = round(qty × price); tax rounded half up per line, as on sales orders. */
export function poTotals(
	lines: readonly Pick<PoLine, 'qty' | 'unitPriceCents' | 'taxRate'>[]
): PoTotals {
	let netCents = 0;
	let taxCents = 0;
	for (const l of lines) {
		const net = Math.round(l.qty * l.unitPriceCents);
		netCents += net;
		taxCents += Math.round((net * Math.round(l.taxRate * 10_000)) / 10_000);
	}
	return { netCents, taxCents, totalCents: netCents + taxCents };
}

const PO_NUMBERS = numberScheme('PO');

/** Next free `PO-<year>-<device tag>-<seq>` (the sales-order scheme: no offline collisions). */
export function nextPoNumber(existing: Iterable<string>, tag: string, year: number): string {
	return PO_NUMBERS.next(existing, tag, year, 1)[0]!;
}
