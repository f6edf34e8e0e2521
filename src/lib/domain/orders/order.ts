// A sales order (銷貨訂單) as stored: a header, lines, and an append-only event log. Status,
// reservations and shipments are folds over the events (state-machine.ts); totals are
// computed from the lines, never stored, so they cannot disagree with them.

import { z } from 'zod';
import { isStamp } from '../clock/hlc';
import type { UnknownEvent } from '../events/unknown-event';

const id = z.string().min(1).max(64);
const stamp = z.string().refine(isStamp, 'not a clock stamp');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const orderLineSchema = z.object({
	id,
	itemId: id,
	qty: z.number().finite().positive(),
	unitPriceCents: z.number().int().nonnegative(),
	/** 0–100, applied to the line before tax. */
	discountPct: z.number().min(0).max(100).default(0),
	/** 0.05 = 5 % 營業稅. */
	taxRate: z.number().min(0).max(1).default(0.05)
});
export type OrderLine = z.infer<typeof orderLineSchema>;
export type OrderLineInput = z.input<typeof orderLineSchema>;

export const orderHeaderSchema = z.object({
	id,
	number: z.string().min(1).max(40),
	customerId: id,
	warehouseId: id,
	requestedDate: isoDate,
	notes: z.string().max(1000).default(''),
	createdAt: stamp,
	createdBy: z.string().max(128).default('')
});
export type OrderHeader = z.infer<typeof orderHeaderSchema>;

export const ORDER_EVENT_TYPES = [
	'confirm',
	'start-picking',
	'pack',
	'ship',
	'deliver',
	'cancel',
	'close-short',
	'reallocate',
	'return',
	'feedback'
] as const;
export type OrderEventType = (typeof ORDER_EVENT_TYPES)[number];

export const RETURN_REASONS = ['damaged', 'wrong-item', 'not-needed', 'quality'] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

const qtyPerLine = z.array(z.object({ lineId: id, qty: z.number().finite().nonnegative() }));

/** Payloads by event type; parsed per type so a peer cannot smuggle a malformed one in. */
export const EVENT_PAYLOADS = {
	/** What was reserved against stock per line and what was knowingly back-ordered. */
	confirm: z.object({ reserved: qtyPerLine, backordered: qtyPerLine }),
	'start-picking': z.object({}),
	pack: z.object({ packages: z.number().int().min(0).default(0) }),
	ship: z.object({
		lines: qtyPerLine,
		carrier: z.string().max(80).default(''),
		tracking: z.string().max(80).default('')
	}),
	deliver: z.object({ signedBy: z.string().min(1).max(100), signedAt: z.string().max(40) }),
	cancel: z.object({ reason: z.string().max(300).default('') }),
	/** Close a partially shipped order short (結案（短交）): the rest will not ship. */
	'close-short': z.object({ reason: z.string().trim().min(1).max(300) }),
	/** Over-allocation fix: move `qty` of a line's reservation to back-order. */
	reallocate: z.object({ lineId: id, toBackorder: z.number().finite().positive() }),
	return: z.object({
		lines: z.array(
			z.object({
				lineId: id,
				qty: z.number().finite().positive(),
				reason: z.enum(RETURN_REASONS),
				restock: z.boolean()
			})
		)
	}),
	feedback: z.object({ rating: z.number().int().min(1).max(5), comment: z.string().max(1000) })
} as const satisfies Record<OrderEventType, z.ZodType>;

export type EventPayload<T extends OrderEventType> = z.infer<(typeof EVENT_PAYLOADS)[T]>;

const envelope = { id, at: stamp, by: z.string().max(128), device: z.string().max(64) };

function eventOf<T extends OrderEventType>(type: T) {
	return z.object({ ...envelope, type: z.literal(type), payload: EVENT_PAYLOADS[type] });
}

export const orderEventSchema = z.discriminatedUnion('type', [
	eventOf('confirm'),
	eventOf('start-picking'),
	eventOf('pack'),
	eventOf('ship'),
	eventOf('deliver'),
	eventOf('cancel'),
	eventOf('close-short'),
	eventOf('reallocate'),
	eventOf('return'),
	eventOf('feedback')
]);
export type OrderEvent = z.infer<typeof orderEventSchema>;

/** Parses one stored event; null when the envelope or its payload is malformed. */
export function parseOrderEvent(raw: unknown): OrderEvent | null {
	const parsed = orderEventSchema.safeParse(raw);
	return parsed.success ? parsed.data : null;
}

export interface Order extends OrderHeader {
	lines: OrderLine[];
	events: OrderEvent[];
	/** Events of types from a newer app: kept in the doc, never folded (absent = none). */
	unknownEvents?: UnknownEvent[];
}

/** Line amount before tax, in cents: qty × price × (1 − discount), rounded once. */
export function lineNetCents(line: OrderLine): number {
	return Math.round(line.qty * line.unitPriceCents * (1 - line.discountPct / 100));
}

/**
 * Tax on the line's net, rounded half up to the cent. The rate is taken in basis points first
 * so 5 % of 1230 ¢ is exactly 61.5 → 62 ¢, not whatever 1230 × 0.05 happens to be in floats.
 */
export function lineTaxCents(line: OrderLine): number {
	const rateBp = Math.round(line.taxRate * 10_000);
	return Math.round((lineNetCents(line) * rateBp) / 10_000);
}

export interface OrderTotals {
	netCents: number;
	taxCents: number;
	totalCents: number;
}

export function orderTotals(lines: readonly OrderLine[]): OrderTotals {
	let netCents = 0;
	let taxCents = 0;
	for (const line of lines) {
		netCents += lineNetCents(line);
		taxCents += lineTaxCents(line);
	}
	return { netCents, taxCents, totalCents: netCents + taxCents };
}
