// A request for quotation (詢價單) to several suppliers: items with quantities and a need date,
// the suppliers asked, and an append-only event log of what happened — sent, each supplier's
// quote (typed by hand or imported from its price list), lines awarded to a supplier (which
// made a draft purchase order), cancelled. Stored beside purchase orders in the `orders` doc.

import { z } from 'zod';
import { isStamp } from '../clock/hlc';
import type { UnknownEvent } from '../events/unknown-event';
import { numberScheme } from '../orders/number';
import { CURRENCIES, isoDateSchema } from './supplier';

const id = z.string().min(1).max(64);
const stamp = z.string().refine(isStamp, 'not a clock stamp');

export const rfqLineSchema = z.object({
	id,
	itemId: id,
	qty: z.number().finite().positive(),
	/** The requisition this line asks prices for ('' = typed by hand). */
	requisitionId: z.string().max(64).default('')
});
export type RfqLine = z.infer<typeof rfqLineSchema>;

export const rfqHeaderSchema = z.object({
	id,
	number: z.string().min(1).max(40),
	/** Goods of the resulting purchase order are received here. */
	warehouseId: id,
	needDate: isoDateSchema,
	/** Quotes are asked by this day ('' = no deadline). */
	replyBy: z.union([isoDateSchema, z.literal('')]).default(''),
	/** The suppliers asked (set when the request is written). */
	supplierIds: z.array(id).min(1).max(20),
	note: z.string().trim().max(1000).default(''),
	createdAt: stamp,
	createdBy: z.string().max(128).default('')
});
export type RfqHeader = z.infer<typeof rfqHeaderSchema>;

export const QUOTE_SOURCES = ['manual', 'import'] as const;
export type QuoteSource = (typeof QUOTE_SOURCES)[number];

/** One price of a quote: a line at a quantity break (several rows per line = breaks). */
export const quoteLineSchema = z.object({
	lineId: id,
	minQty: z.number().finite().nonnegative().default(0),
	unitPriceCents: z.number().int().nonnegative(),
	leadTimeDays: z.number().int().min(0).max(365),
	moq: z.number().finite().nonnegative().default(0)
});
export type QuoteLine = z.infer<typeof quoteLineSchema>;
export type QuoteLineInput = z.input<typeof quoteLineSchema>;

export const RFQ_EVENT_TYPES = ['send', 'quote', 'award', 'cancel'] as const;
export type RfqEventType = (typeof RFQ_EVENT_TYPES)[number];

export const RFQ_EVENT_PAYLOADS = {
	send: z.object({ channel: z.string().max(40).default('') }),
	/** A supplier's answer; a later quote of the same supplier replaces its earlier one. */
	quote: z.object({
		supplierId: id,
		currency: z.enum(CURRENCIES).default('TWD'),
		/** Quoted on this local day; valid through `validTo` ('' = open-ended). */
		quotedOn: isoDateSchema,
		validTo: z.union([isoDateSchema, z.literal('')]).default(''),
		landedExtraPct: z.number().min(0).max(200).default(0),
		source: z.enum(QUOTE_SOURCES).default('manual'),
		lines: z.array(quoteLineSchema).min(1).max(200)
	}),
	/** Lines given to a supplier: the draft PO made from its quote. */
	award: z.object({
		supplierId: id,
		lineIds: z.array(id).min(1).max(200),
		poId: id,
		poNumber: z.string().max(40)
	}),
	cancel: z.object({ reason: z.string().trim().min(1).max(300) })
} as const satisfies Record<RfqEventType, z.ZodType>;

const envelope = { id, at: stamp, by: z.string().max(128), device: z.string().max(64) };

function eventOf<T extends RfqEventType>(type: T) {
	return z.object({ ...envelope, type: z.literal(type), payload: RFQ_EVENT_PAYLOADS[type] });
}

export const rfqEventSchema = z.discriminatedUnion('type', [
	eventOf('send'),
	eventOf('quote'),
	eventOf('award'),
	eventOf('cancel')
]);
export type RfqEvent = z.infer<typeof rfqEventSchema>;
export type QuotePayload = z.infer<(typeof RFQ_EVENT_PAYLOADS)['quote']>;

export function parseRfqEvent(raw: unknown): RfqEvent | null {
	const parsed = rfqEventSchema.safeParse(raw);
	return parsed.success ? parsed.data : null;
}

export interface Rfq extends RfqHeader {
	lines: RfqLine[];
	events: RfqEvent[];
	unknownEvents?: UnknownEvent[];
}

const RFQ_NUMBERS = numberScheme('RFQ');

/** Next free `RFQ-<year>-<device tag>-<seq>` (no collisions between offline devices). */
export function nextRfqNumber(existing: Iterable<string>, tag: string, year: number): string {
	return RFQ_NUMBERS.next(existing, tag, year, 1)[0]!;
}
