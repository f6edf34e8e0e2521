// The order state machine: status, reservations and shipments are folded from the append-only
// event log in clock-stamp order, so every device that holds the same events computes the same
// board. Concurrent transitions resolve by two rules (docs/DECISIONS.md):
//   1. Physical facts win: once any shipment is in the log, every cancel is overruled,
//      whatever its stamp — the goods left the building and the ledger already says so.
//   2. Otherwise the earliest stamp wins; a later event that is no longer valid is overruled.
// A short close (結案（短交）) follows rule 1 too: a shipment stamped after it (made on a device
// that had not seen the close) overrules it, and the order carries on shipping.
// Overruled events stay in the log and are reported as conflicts naming who did what.
// Events of types from a newer app are never folded: they are only counted, so the known
// events give the same outcome with or without them (docs/DATA-MODEL.md, Evolution).

import { compareStamps, type Stamp } from '../clock/hlc';
import type { UnknownEvent } from '../events/unknown-event';
import type { OrderEvent, OrderEventType, OrderLine } from './order';

export const ORDER_STATUSES = [
	'draft',
	'confirmed',
	'picking',
	'packed',
	'partially-shipped',
	'shipped',
	'delivered',
	'closed-short',
	'cancelled'
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Event types that move the status; the others annotate the order. */
export type StatusEventType =
	'confirm' | 'start-picking' | 'pack' | 'ship' | 'deliver' | 'cancel' | 'close-short';

/**
 * Every allowed transition. A `ship` that leaves quantity unshipped lands in
 * `partially-shipped` instead of `shipped` (decided by the fold, which knows the quantities).
 */
export const TRANSITIONS: Record<OrderStatus, Partial<Record<StatusEventType, OrderStatus>>> = {
	draft: { confirm: 'confirmed', cancel: 'cancelled' },
	confirmed: { 'start-picking': 'picking', pack: 'packed', ship: 'shipped', cancel: 'cancelled' },
	// `close-short` from picking/packed needs an earlier shipment (checked by `canCloseShort`).
	picking: { pack: 'packed', ship: 'shipped', cancel: 'cancelled', 'close-short': 'closed-short' },
	packed: { ship: 'shipped', cancel: 'cancelled', 'close-short': 'closed-short' },
	'partially-shipped': {
		'start-picking': 'picking',
		pack: 'packed',
		ship: 'shipped',
		'close-short': 'closed-short'
	},
	shipped: { deliver: 'delivered' },
	delivered: {},
	// What did ship can still be signed for; the short close stays on record in the fold.
	'closed-short': { deliver: 'delivered' },
	cancelled: {}
};

/** Statuses whose unshipped reservations hold stock. */
export const RESERVING_STATUSES: readonly OrderStatus[] = [
	'confirmed',
	'picking',
	'packed',
	'partially-shipped'
];

/** Non-status events and the statuses they are valid in. */
const ANNOTATIONS: Record<'reallocate' | 'return' | 'feedback', readonly OrderStatus[]> = {
	reallocate: RESERVING_STATUSES,
	return: ['partially-shipped', 'shipped', 'delivered', 'closed-short'],
	feedback: ['partially-shipped', 'shipped', 'delivered', 'closed-short']
};

export function nextStatus(status: OrderStatus, type: StatusEventType): OrderStatus | null {
	return TRANSITIONS[status][type] ?? null;
}

export function isStatusEvent(type: OrderEventType): type is StatusEventType {
	return type !== 'reallocate' && type !== 'return' && type !== 'feedback';
}

export interface LineState {
	reserved: number;
	backordered: number;
	shipped: number;
	returned: number;
}

export interface OrderConflict {
	/** The event that did not take effect. */
	event: OrderEvent;
	/** The event that overruled it, when one did. */
	winner: OrderEvent | null;
	/** Status the order was in when the event came up in stamp order. */
	statusAt: OrderStatus;
}

export interface OrderFold {
	status: OrderStatus;
	confirmedAt: Stamp | null;
	lines: Map<string, LineState>;
	/** Events in stamp order that took effect. */
	applied: OrderEvent[];
	conflicts: OrderConflict[];
	/** Same-target repeats (two devices both pressed "start picking"): harmless, kept quiet. */
	duplicates: OrderEvent[];
	feedback: { rating: number; comment: string; by: string; at: Stamp } | null;
	delivery: { signedBy: string; signedAt: string; by: string } | null;
	/** The short close that took effect, if any (kept after a later delivery). */
	closedShort: { reason: string; by: string; at: Stamp } | null;
	/** Stamp of the newest known event (or null for a fresh draft). */
	lastAt: Stamp | null;
	/**
	 * Events written by a newer app (types this code does not know), left out of the fold:
	 * when > 0 the order may have moved on in ways this app cannot show ("needs a newer app").
	 */
	unknownEvents: number;
}

export function compareEvents(a: OrderEvent, b: OrderEvent): number {
	return compareStamps(a.at, b.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const round = (q: number): number => Math.round(q * 1e6) / 1e6;

function allShipped(lines: readonly OrderLine[], state: Map<string, LineState>): boolean {
	return lines.every((l) => (state.get(l.id)?.shipped ?? 0) >= l.qty);
}

export function foldOrder(
	lines: readonly OrderLine[],
	events: readonly OrderEvent[],
	unknownEvents: readonly UnknownEvent[] = []
): OrderFold {
	const sorted = [...events].sort(compareEvents);
	const state = new Map<string, LineState>(
		lines.map((l) => [l.id, { reserved: 0, backordered: 0, shipped: 0, returned: 0 }])
	);
	const firstShip = sorted.find((e) => e.type === 'ship') ?? null;
	const fold: OrderFold = {
		status: 'draft',
		confirmedAt: null,
		lines: state,
		applied: [],
		conflicts: [],
		duplicates: [],
		feedback: null,
		delivery: null,
		closedShort: null,
		lastAt: sorted.at(-1)?.at ?? null,
		unknownEvents: unknownEvents.length
	};
	let lastStatusEvent: OrderEvent | null = null;

	for (const event of sorted) {
		const statusAt = fold.status;
		if (event.type === 'cancel' && firstShip) {
			fold.conflicts.push({ event, winner: firstShip, statusAt });
			continue;
		}
		if (event.type === 'close-short') {
			const laterShip = sorted.find((e) => e.type === 'ship' && compareEvents(e, event) > 0);
			if (laterShip) {
				fold.conflicts.push({ event, winner: laterShip, statusAt });
				continue;
			}
			if (!canCloseShort(statusAt, lines, state)) {
				if (lastStatusEvent?.type === 'close-short') fold.duplicates.push(event);
				else fold.conflicts.push({ event, winner: lastStatusEvent, statusAt });
				continue;
			}
		}
		if (event.type === 'ship') {
			// A shipment is a physical fact with ledger movements: its quantities always count.
			for (const s of event.payload.lines) {
				const line = state.get(s.lineId);
				if (line) line.shipped = round(line.shipped + s.qty);
			}
			const target = nextStatus(statusAt, 'ship');
			if (target) fold.status = allShipped(lines, state) ? 'shipped' : 'partially-shipped';
			else if (statusAt === 'partially-shipped' || statusAt === 'shipped')
				fold.status = allShipped(lines, state) ? 'shipped' : 'partially-shipped';
			lastStatusEvent = event;
			fold.applied.push(event);
			continue;
		}
		if (isStatusEvent(event.type)) {
			const target = nextStatus(statusAt, event.type);
			if (!target) {
				if (lastStatusEvent && lastStatusEvent.type === event.type) fold.duplicates.push(event);
				else fold.conflicts.push({ event, winner: lastStatusEvent, statusAt });
				continue;
			}
			fold.status = target;
			lastStatusEvent = event;
			fold.applied.push(event);
			applyStatusPayload(fold, event);
			continue;
		}
		const allowed: readonly OrderStatus[] = ANNOTATIONS[event.type];
		if (!allowed.includes(statusAt)) {
			fold.conflicts.push({ event, winner: lastStatusEvent, statusAt });
			continue;
		}
		applyAnnotation(fold, event);
		fold.applied.push(event);
	}
	return fold;
}

function applyStatusPayload(fold: OrderFold, event: OrderEvent): void {
	switch (event.type) {
		case 'confirm':
			fold.confirmedAt = event.at;
			for (const r of event.payload.reserved) {
				const line = fold.lines.get(r.lineId);
				if (line) line.reserved = round(line.reserved + r.qty);
			}
			for (const b of event.payload.backordered) {
				const line = fold.lines.get(b.lineId);
				if (line) line.backordered = round(line.backordered + b.qty);
			}
			return;
		case 'close-short':
			fold.closedShort = { reason: event.payload.reason, by: event.by, at: event.at };
			return;
		case 'deliver':
			fold.delivery = {
				signedBy: event.payload.signedBy,
				signedAt: event.payload.signedAt,
				by: event.by
			};
			return;
		default:
			return;
	}
}

function applyAnnotation(fold: OrderFold, event: OrderEvent): void {
	switch (event.type) {
		case 'reallocate': {
			const line = fold.lines.get(event.payload.lineId);
			if (!line) return;
			const moved = Math.min(event.payload.toBackorder, Math.max(0, line.reserved - line.shipped));
			line.reserved = round(line.reserved - moved);
			line.backordered = round(line.backordered + moved);
			return;
		}
		case 'return':
			for (const r of event.payload.lines) {
				const line = fold.lines.get(r.lineId);
				if (line) line.returned = round(line.returned + r.qty);
			}
			return;
		case 'feedback':
			fold.feedback = { ...event.payload, by: event.by, at: event.at };
			return;
		default:
			return;
	}
}

/**
 * A short close needs something shipped (otherwise it is a cancel) and something left to ship
 * (otherwise the order is simply shipped).
 */
export function canCloseShort(
	status: OrderStatus,
	lines: readonly OrderLine[],
	state: ReadonlyMap<string, LineState>
): boolean {
	if (!nextStatus(status, 'close-short')) return false;
	const anyShipped = lines.some((l) => (state.get(l.id)?.shipped ?? 0) > 0);
	return anyShipped && !lines.every((l) => (state.get(l.id)?.shipped ?? 0) >= l.qty);
}

/** Reserved but not yet shipped, per line; zero once the order no longer holds stock. */
export function openReservedQty(fold: OrderFold, lineId: string): number {
	if (!RESERVING_STATUSES.includes(fold.status)) return 0;
	const line = fold.lines.get(lineId);
	return line ? Math.max(0, round(line.reserved - line.shipped)) : 0;
}

/** Ordered but neither shipped nor reserved: waiting for stock (缺貨待補). */
export function backorderQty(fold: OrderFold, line: OrderLine): number {
	if (!RESERVING_STATUSES.includes(fold.status)) return 0;
	const s = fold.lines.get(line.id);
	if (!s) return 0;
	return Math.max(0, round(line.qty - Math.max(s.shipped, s.reserved)));
}
