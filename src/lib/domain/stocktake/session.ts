// A stocktake session (盤點): its header, its append-only status events and its counted lines.
// Status is folded from the events, never stored: offline devices append events and every
// device folds the same merged set to the same status.

import { z } from 'zod';
import { compareStamps, isStamp, type Stamp } from '../clock/hlc';
import type { UnknownEvent } from '../events/unknown-event';

export const COUNT_KINDS = ['full', 'cycle'] as const;
export type CountKind = (typeof COUNT_KINDS)[number];

export const COUNT_EVENT_TYPES = ['opened', 'submitted', 'approved', 'cancelled'] as const;
export type CountEventType = (typeof COUNT_EVENT_TYPES)[number];
export type CountStatus = CountEventType;

const id = z.string().min(1).max(64);
const stamp = z.string().refine(isStamp, 'expected an HLC stamp');

export const countHeaderSchema = z.object({
	id,
	/** Human number, e.g. `CNT-20261125-AB12`; unique enough offline (date + id suffix). */
	number: z.string().min(1).max(40),
	warehouseId: id,
	kind: z.enum(COUNT_KINDS),
	/** Counters do not see the book quantity. */
	blind: z.boolean(),
	/** Cycle counts: bins and/or items in scope; empty = no restriction on that axis. */
	scopeLocationIds: z.array(id).max(5000).default([]),
	scopeItemIds: z.array(id).max(5000).default([]),
	note: z.string().max(500).default('')
});
export type CountHeader = z.infer<typeof countHeaderSchema>;

export const countEventSchema = z.object({
	type: z.enum(COUNT_EVENT_TYPES),
	at: stamp,
	by: z.string().min(1).max(128),
	device: z.string().min(1).max(64)
});
export type CountEvent = z.infer<typeof countEventSchema>;

export const countLineSchema = z.object({
	id,
	/** HLC stamp of the moment the quantity was counted: the book is taken at this stamp. */
	at: stamp,
	itemId: id,
	/** '' = stock without a bin. */
	locationId: z.string().max(64),
	/** '' = no lot. */
	lot: z.string().max(64),
	countedQty: z.number().finite().nonnegative(),
	by: z.string().min(1).max(128),
	device: z.string().min(1).max(64)
});
export type CountLine = z.infer<typeof countLineSchema>;

export interface CountSession extends CountHeader {
	events: CountEvent[];
	lines: CountLine[];
	status: CountStatus;
	/** Stamp of the `opened` event (creation). */
	openedAt: Stamp;
	/** Approved and cancelled both happened (offline devices disagreed); approved wins. */
	conflict: boolean;
	/** Events of types from a newer app: kept in the doc, never folded (absent = none). */
	unknownEvents?: UnknownEvent[];
}

/**
 * Approved wins over cancelled whatever the stamps say: approval has posted stock movements,
 * which cannot be taken back by a cancellation that merged in later. Otherwise the furthest
 * step any device reached is the status.
 */
export function foldCountStatus(events: readonly CountEvent[]): {
	status: CountStatus;
	conflict: boolean;
} {
	const has = (t: CountEventType) => events.some((e) => e.type === t);
	const approved = has('approved');
	const cancelled = has('cancelled');
	if (approved) return { status: 'approved', conflict: cancelled };
	if (cancelled) return { status: 'cancelled', conflict: false };
	if (has('submitted')) return { status: 'submitted', conflict: false };
	return { status: 'opened', conflict: false };
}

export function buildSession(
	header: CountHeader,
	events: CountEvent[],
	lines: CountLine[]
): CountSession {
	const sorted = [...events].sort((a, b) => compareStamps(a.at, b.at));
	const opened = sorted.find((e) => e.type === 'opened') ?? sorted[0];
	return {
		...header,
		events: sorted,
		lines,
		...foldCountStatus(sorted),
		openedAt: opened?.at ?? '000000000000000-000000-0'
	};
}

/** Lines may be added while the count is open or submitted (a recount during review). */
export function acceptsLines(status: CountStatus): boolean {
	return status === 'opened' || status === 'submitted';
}
