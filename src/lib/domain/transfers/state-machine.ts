// The transfer state machine: status, in-transit and short quantities are folded from the
// append-only event log in clock-stamp order, so every device holding the same events computes
// the same result. Concurrent events resolve like sales orders (domain/orders/state-machine.ts):
//   1. Physical facts win: once any dispatch is in the log, every cancel is overruled.
//   2. Otherwise the earliest stamp wins; a later event that is no longer valid is overruled.
// Overruled events stay in the log, are reported as conflicts, and their ledger postings are
// reversed (postings.ts), so two devices receiving the same transfer offline never double-post.

import { compareStamps } from '../clock/hlc';
import { roundQty } from '../ledger/fold';
import {
	lineKeyOf,
	type DispatchLine,
	type TransferEvent,
	type TransferEventType
} from './transfer';

export const TRANSFER_STATUSES = [
	'draft',
	'in-transit',
	'received',
	'received-with-discrepancy',
	'closed',
	'cancelled'
] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

/**
 * Every allowed transition. `receive` lands in `received` or `received-with-discrepancy`
 * and `resolve` stays put until nothing is short — the fold decides, as it knows quantities.
 */
export const TRANSITIONS: Record<
	TransferStatus,
	Partial<Record<TransferEventType, readonly TransferStatus[]>>
> = {
	draft: { dispatch: ['in-transit'], cancel: ['cancelled'] },
	'in-transit': { receive: ['received', 'received-with-discrepancy'] },
	received: {},
	'received-with-discrepancy': { resolve: ['received-with-discrepancy', 'closed'] },
	closed: {},
	cancelled: {}
};

export function allows(status: TransferStatus, type: TransferEventType): boolean {
	return TRANSITIONS[status][type] !== undefined;
}

/** Per item × lot: what left, what arrived, what was resolved, and what is still on the road. */
export interface TransferLineState {
	itemId: string;
	lot: string;
	dispatched: number;
	received: number;
	resolved: number;
	/** In the in-transit position: dispatched − received − resolved (never below 0). */
	inTransit: number;
	/** Missing on arrival and not yet resolved (0 before arrival). */
	short: number;
}

export interface TransferConflict {
	event: TransferEvent;
	/** The event that overruled it, when one did. */
	winner: TransferEvent | null;
	statusAt: TransferStatus;
}

export interface TransferFold {
	status: TransferStatus;
	lines: TransferLineState[];
	/** The dispatch that took effect (its lines say where each item came from). */
	dispatch: Extract<TransferEvent, { type: 'dispatch' }> | null;
	receipt: Extract<TransferEvent, { type: 'receive' }> | null;
	applied: TransferEvent[];
	conflicts: TransferConflict[];
}

export function compareTransferEvents(a: TransferEvent, b: TransferEvent): number {
	return compareStamps(a.at, b.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function linesOf(dispatchLines: readonly DispatchLine[]): Map<string, TransferLineState> {
	const lines = new Map<string, TransferLineState>();
	for (const l of dispatchLines) {
		const key = lineKeyOf(l);
		const s = lines.get(key) ?? {
			itemId: l.itemId,
			lot: l.lot ?? '',
			dispatched: 0,
			received: 0,
			resolved: 0,
			inTransit: 0,
			short: 0
		};
		s.dispatched = roundQty(s.dispatched + l.qty);
		lines.set(key, s);
	}
	return lines;
}

function settle(lines: Map<string, TransferLineState>, arrived: boolean): void {
	for (const s of lines.values()) {
		s.inTransit = Math.max(0, roundQty(s.dispatched - s.received - s.resolved));
		s.short = arrived ? s.inTransit : 0;
	}
}

export function foldTransfer(events: readonly TransferEvent[]): TransferFold {
	const sorted = [...events].sort(compareTransferEvents);
	const firstDispatch = sorted.find((e) => e.type === 'dispatch') ?? null;
	let lines = new Map<string, TransferLineState>();
	const fold: TransferFold = {
		status: 'draft',
		lines: [],
		dispatch: null,
		receipt: null,
		applied: [],
		conflicts: []
	};
	let lastStatusEvent: TransferEvent | null = null;
	const overrule = (event: TransferEvent, winner: TransferEvent | null) =>
		fold.conflicts.push({ event, winner, statusAt: fold.status });

	for (const event of sorted) {
		if (event.type === 'cancel' && firstDispatch) {
			overrule(event, firstDispatch);
			continue;
		}
		if (!allows(fold.status, event.type)) {
			overrule(event, lastStatusEvent);
			continue;
		}
		switch (event.type) {
			case 'dispatch':
				fold.dispatch = event;
				lines = linesOf(event.payload.lines);
				fold.status = 'in-transit';
				break;
			case 'receive': {
				const over = event.payload.lines.some((l) => !lines.has(lineKeyOf(l)));
				if (over) {
					overrule(event, fold.dispatch);
					continue;
				}
				for (const l of event.payload.lines) {
					const s = lines.get(lineKeyOf(l));
					if (s) s.received = roundQty(s.received + l.qtyReceived);
				}
				if ([...lines.values()].some((s) => s.received > s.dispatched)) {
					// More arrived than left: rejected by the command; a peer's is overruled.
					for (const l of event.payload.lines) {
						const s = lines.get(lineKeyOf(l));
						if (s) s.received = roundQty(s.received - l.qtyReceived);
					}
					overrule(event, fold.dispatch);
					continue;
				}
				fold.receipt = event;
				settle(lines, true);
				fold.status = [...lines.values()].some((s) => s.short > 0)
					? 'received-with-discrepancy'
					: 'received';
				break;
			}
			case 'resolve': {
				const s = lines.get(lineKeyOf(event.payload));
				if (!s || event.payload.qty > s.short) {
					overrule(event, lastStatusEvent);
					continue;
				}
				s.resolved = roundQty(s.resolved + event.payload.qty);
				settle(lines, true);
				if ([...lines.values()].every((l) => l.short === 0)) fold.status = 'closed';
				break;
			}
			case 'cancel':
				fold.status = 'cancelled';
				break;
		}
		if (event.type !== 'resolve') settle(lines, fold.receipt !== null);
		lastStatusEvent = event;
		fold.applied.push(event);
	}
	fold.lines = [...lines.values()];
	return fold;
}

/** Total still on the road for one item (all lots). */
export function inTransitOf(fold: TransferFold, itemId: string): number {
	return roundQty(
		fold.lines.filter((l) => l.itemId === itemId).reduce((sum, l) => sum + l.inTransit, 0)
	);
}
