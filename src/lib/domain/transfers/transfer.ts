// A transfer between warehouses (調撥) as stored: a header and an append-only event log. The
// status, what is in transit and what is short are folds over the events (state-machine.ts);
// ledger postings are a pure function of each event (postings.ts).

import { z } from 'zod';
import { isStamp } from '../clock/hlc';
import type { UnknownEvent } from '../events/unknown-event';

const id = z.string().min(1).max(64);
/** Event ids end up inside movement ids (`trf-<eventId>-<n>-r`), which are at most 64 chars. */
const eventId = z.string().min(1).max(40);
const stamp = z.string().refine(isStamp, 'not a clock stamp');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const qty = z.number().finite().positive();
const lot = z.string().min(1).max(64).optional();

/**
 * Stock on the road is its own position: this reserved warehouse id (never a catalog id, which
 * are generated base36) with the transfer id as the location. Summaries over catalog
 * warehouses therefore never count it as available at the source or the destination.
 */
export const IN_TRANSIT_WAREHOUSE = '@transit';

export const transferHeaderSchema = z.object({
	id,
	number: z.string().min(1).max(40),
	fromWarehouseId: id,
	toWarehouseId: id,
	note: z.string().max(500).default(''),
	createdAt: stamp,
	createdBy: z.string().max(128).default('')
});
export type TransferHeader = z.infer<typeof transferHeaderSchema>;

/** The planned lines of a draft; the dispatch event says what actually left. */
export const plannedLineSchema = z.object({ itemId: id, lot, qty });
export type PlannedLine = z.infer<typeof plannedLineSchema>;

export const dispatchLineSchema = z.object({
	itemId: id,
	lot,
	expiry: isoDate.optional(),
	fromLocationId: id.optional(),
	qty
});
export type DispatchLine = z.infer<typeof dispatchLineSchema>;

export const receiveLineSchema = z.object({
	itemId: id,
	lot,
	/** Copied from the dispatch line so the lot keeps its expiry at the destination. */
	expiry: isoDate.optional(),
	toLocationId: id.optional(),
	qtyReceived: z.number().finite().nonnegative()
});
export type ReceiveLine = z.infer<typeof receiveLineSchema>;

export const RESOLUTION_KINDS = ['write-off', 'return-to-source', 'found-later'] as const;
export type ResolutionKind = (typeof RESOLUTION_KINDS)[number];

export const TRANSFER_EVENT_TYPES = ['dispatch', 'receive', 'resolve', 'cancel'] as const;
export type TransferEventType = (typeof TRANSFER_EVENT_TYPES)[number];

/** Payloads by event type; parsed per type so a peer cannot smuggle a malformed one in. */
export const TRANSFER_PAYLOADS = {
	dispatch: z.object({ lines: z.array(dispatchLineSchema).min(1) }),
	receive: z.object({ lines: z.array(receiveLineSchema).min(1) }),
	resolve: z.object({
		itemId: id,
		lot,
		kind: z.enum(RESOLUTION_KINDS),
		qty,
		note: z.string().max(400).default(''),
		/** Where the stock goes (the source bin, or the destination bin for found-later). */
		locationId: id.optional()
	}),
	cancel: z.object({ reason: z.string().max(400).default('') })
} as const;

type Payloads = { [K in TransferEventType]: z.infer<(typeof TRANSFER_PAYLOADS)[K]> };

interface EventBase {
	id: string;
	at: string;
	by: string;
	device: string;
}
export type TransferEvent = {
	[K in TransferEventType]: EventBase & { type: K; payload: Payloads[K] };
}[TransferEventType];

const eventBaseSchema = z.object({
	id: eventId,
	at: stamp,
	type: z.enum(TRANSFER_EVENT_TYPES),
	by: z.string().min(1).max(128),
	device: z.string().min(1).max(64),
	payload: z.unknown()
});

/** Parses one stored event; null when any part is malformed. */
export function parseTransferEvent(value: unknown): TransferEvent | null {
	const base = eventBaseSchema.safeParse(value);
	if (!base.success) return null;
	const { payload, ...rest } = base.data;
	switch (rest.type) {
		case 'dispatch': {
			const p = TRANSFER_PAYLOADS.dispatch.safeParse(payload);
			return p.success ? { ...rest, type: 'dispatch', payload: p.data } : null;
		}
		case 'receive': {
			const p = TRANSFER_PAYLOADS.receive.safeParse(payload);
			return p.success ? { ...rest, type: 'receive', payload: p.data } : null;
		}
		case 'resolve': {
			const p = TRANSFER_PAYLOADS.resolve.safeParse(payload);
			return p.success ? { ...rest, type: 'resolve', payload: p.data } : null;
		}
		case 'cancel': {
			const p = TRANSFER_PAYLOADS.cancel.safeParse(payload);
			return p.success ? { ...rest, type: 'cancel', payload: p.data } : null;
		}
	}
}

export interface Transfer extends TransferHeader {
	lines: PlannedLine[];
	events: TransferEvent[];
	/** Events of types from a newer app: kept in the doc, never folded (absent = none). */
	unknownEvents?: UnknownEvent[];
}

/** Lines are matched across dispatch, receipt and resolution by item and lot. */
export function lineKeyOf(line: { itemId: string; lot?: string }): string {
	return `${line.itemId}|${line.lot ?? ''}`;
}
