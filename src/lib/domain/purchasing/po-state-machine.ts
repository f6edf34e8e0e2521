// The purchase-order state machine: status and received/accepted/rejected quantities folded
// from the append-only event log in clock-stamp order, so every device holding the same events
// computes the same PO. The sales-order rules (docs/DECISIONS.md):
//   1. Physical facts win: a receipt is in the ledger, so once any receive is in the log every
//      cancel is overruled, and a close stamped before a later receive is overruled too.
//      Receipts, dispositions and over-receipt resolutions always count their quantities.
//   2. Otherwise the earliest stamp wins; a later event no longer valid is a conflict.
// Two devices receiving the same line offline both count; past the tolerance the line is
// flagged as an over-receipt until the excess is returned or accepted.

import { compareStamps, type Stamp } from '../clock/hlc';
import type { UnknownEvent } from '../events/unknown-event';
import type { PoEvent, PoLine } from './purchase-order';

export const PO_STATUSES = [
	'draft',
	'approved',
	'sent',
	'partially-received',
	'received',
	'closed',
	'cancelled'
] as const;
export type PoStatus = (typeof PO_STATUSES)[number];

export type PoStatusEvent = 'approve' | 'send' | 'cancel' | 'close';

export const PO_TRANSITIONS: Record<PoStatus, Partial<Record<PoStatusEvent, PoStatus>>> = {
	draft: { approve: 'approved', cancel: 'cancelled' },
	approved: { send: 'sent', cancel: 'cancelled' },
	sent: { cancel: 'cancelled' },
	'partially-received': { close: 'closed' },
	received: { close: 'closed' },
	closed: {},
	cancelled: {}
};

/** Statuses in which goods may be received against the PO. */
export const RECEIVABLE: readonly PoStatus[] = [
	'approved',
	'sent',
	'partially-received',
	'received'
];
/** Statuses whose unreceived quantity is incoming supply. */
export const OPEN_SUPPLY: readonly PoStatus[] = ['approved', 'sent', 'partially-received'];
const AMENDABLE: readonly PoStatus[] = ['approved', 'sent', 'partially-received'];

export function nextPoStatus(status: PoStatus, type: PoStatusEvent): PoStatus | null {
	return PO_TRANSITIONS[status][type] ?? null;
}

export interface PoLineState {
	/** Ordered quantity after amendments. */
	ordered: number;
	unitPriceCents: number;
	promisedDate: string;
	/** Everything that arrived (accepted + rejected), over every receipt. */
	delivered: number;
	accepted: number;
	rejected: number;
	returnedToSupplier: number;
	concession: number;
	excessReturned: number;
	excessAccepted: number;
	/** Receive events that touched the line (two offline devices: 2). */
	receipts: number;
	/** Local day the line's fulfilment first reached the ordered quantity (on-time). */
	fulfilledOn: string | null;
	lastReceivedOn: string | null;
}

export type PoFlag = 'over-receipt' | 'over-disposed';

export interface PoConflict {
	event: PoEvent;
	winner: PoEvent | null;
	statusAt: PoStatus;
}

export interface PoFold {
	status: PoStatus;
	lines: Map<string, PoLineState>;
	applied: PoEvent[];
	conflicts: PoConflict[];
	duplicates: PoEvent[];
	approvedAt: Stamp | null;
	approvedBy: string | null;
	sentAt: Stamp | null;
	cancelReason: string | null;
	lastAt: Stamp | null;
	unknownEvents: number;
}

const round = (q: number): number => Math.round(q * 1e6) / 1e6;

export function comparePoEvents(a: PoEvent, b: PoEvent): number {
	return compareStamps(a.at, b.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Accepted goods, plus concessions, minus excess sent back: what counts toward the order. */
export function fulfilledQty(s: PoLineState): number {
	return round(s.accepted + s.concession - s.excessReturned);
}

/** Rejected goods still in quarantine (negative when two devices disposed of the same ones). */
export function quarantinedQty(s: PoLineState): number {
	return round(s.rejected - s.returnedToSupplier - s.concession);
}

/** Still to come: ordered − fulfilled, never negative. */
export function openQty(s: PoLineState): number {
	return Math.max(0, round(s.ordered - fulfilledQty(s)));
}

/** Delivered past ordered × (1 + tolerance) and not resolved: the amount beyond the order. */
export function unresolvedExcess(s: PoLineState, tolerancePct: number): number {
	const net = round(s.delivered - s.returnedToSupplier - s.excessReturned - s.excessAccepted);
	if (net <= round(s.ordered * (1 + tolerancePct / 100)) + 1e-9) return 0;
	return round(net - s.ordered);
}

export function lineFlags(s: PoLineState, tolerancePct: number): PoFlag[] {
	const flags: PoFlag[] = [];
	if (unresolvedExcess(s, tolerancePct) > 0) flags.push('over-receipt');
	if (quarantinedQty(s) < -1e-9) flags.push('over-disposed');
	return flags;
}

function allFulfilled(lines: Map<string, PoLineState>): boolean {
	return [...lines.values()].every((s) => fulfilledQty(s) >= s.ordered - 1e-9);
}

function markFulfilment(s: PoLineState, day: string): void {
	if (s.fulfilledOn === null && fulfilledQty(s) >= s.ordered - 1e-9) s.fulfilledOn = day;
}

export function foldPurchaseOrder(
	lines: readonly PoLine[],
	events: readonly PoEvent[],
	unknownEvents: readonly UnknownEvent[] = []
): PoFold {
	const sorted = [...events].sort(comparePoEvents);
	const state = new Map<string, PoLineState>(
		lines.map((l) => [
			l.id,
			{
				ordered: l.qty,
				unitPriceCents: l.unitPriceCents,
				promisedDate: l.promisedDate,
				delivered: 0,
				accepted: 0,
				rejected: 0,
				returnedToSupplier: 0,
				concession: 0,
				excessReturned: 0,
				excessAccepted: 0,
				receipts: 0,
				fulfilledOn: null,
				lastReceivedOn: null
			}
		])
	);
	const firstReceive = sorted.find((e) => e.type === 'receive') ?? null;
	const fold: PoFold = {
		status: 'draft',
		lines: state,
		applied: [],
		conflicts: [],
		duplicates: [],
		approvedAt: null,
		approvedBy: null,
		sentAt: null,
		cancelReason: null,
		lastAt: sorted.at(-1)?.at ?? null,
		unknownEvents: unknownEvents.length
	};
	let lastStatusEvent: PoEvent | null = null;
	let lastReceivedOn = '';

	for (const event of sorted) {
		const statusAt = fold.status;
		switch (event.type) {
			case 'receive': {
				for (const r of event.payload.lines) {
					const s = state.get(r.lineId);
					if (!s) continue;
					s.accepted = round(s.accepted + r.accepted);
					s.rejected = round(s.rejected + r.rejected);
					s.delivered = round(s.delivered + r.accepted + r.rejected);
					s.receipts++;
					s.lastReceivedOn = event.payload.receivedOn;
					markFulfilment(s, event.payload.receivedOn);
				}
				lastReceivedOn = event.payload.receivedOn;
				fold.status = allFulfilled(state) ? 'received' : 'partially-received';
				lastStatusEvent = event;
				fold.applied.push(event);
				continue;
			}
			case 'disposition':
			case 'resolve-over-receipt': {
				const s = state.get(event.payload.lineId);
				if (!s) {
					fold.conflicts.push({ event, winner: null, statusAt });
					continue;
				}
				const q = event.payload.qty;
				if (event.payload.kind === 'return-to-supplier')
					s.returnedToSupplier = round(s.returnedToSupplier + q);
				else if (event.payload.kind === 'concession') s.concession = round(s.concession + q);
				else if (event.payload.kind === 'return-excess')
					s.excessReturned = round(s.excessReturned + q);
				else s.excessAccepted = round(s.excessAccepted + q);
				markFulfilment(s, lastReceivedOn || s.lastReceivedOn || '');
				if (statusAt === 'received' || statusAt === 'partially-received')
					fold.status = allFulfilled(state) ? 'received' : 'partially-received';
				fold.applied.push(event);
				continue;
			}
			case 'amend': {
				const s = state.get(event.payload.lineId);
				if (!s || !AMENDABLE.includes(statusAt)) {
					fold.conflicts.push({ event, winner: lastStatusEvent, statusAt });
					continue;
				}
				if (event.payload.qty !== undefined) s.ordered = event.payload.qty;
				if (event.payload.unitPriceCents !== undefined)
					s.unitPriceCents = event.payload.unitPriceCents;
				if (event.payload.promisedDate !== undefined) s.promisedDate = event.payload.promisedDate;
				fold.applied.push(event);
				continue;
			}
			case 'cancel':
				if (firstReceive) {
					fold.conflicts.push({ event, winner: firstReceive, statusAt });
					continue;
				}
				break;
			case 'close': {
				const laterReceive = sorted.find(
					(e) => e.type === 'receive' && comparePoEvents(e, event) > 0
				);
				if (laterReceive) {
					fold.conflicts.push({ event, winner: laterReceive, statusAt });
					continue;
				}
				break;
			}
			case 'charge':
			case 'void-charge':
				// A landed cost changes what the goods cost, not where the order stands.
				fold.applied.push(event);
				continue;
			case 'approve':
			case 'send':
				break;
			default: {
				const never: never = event;
				throw new Error(`unknown PO event ${JSON.stringify(never)}`);
			}
		}
		const target = nextPoStatus(statusAt, event.type);
		if (!target) {
			if (lastStatusEvent?.type === event.type) fold.duplicates.push(event);
			else fold.conflicts.push({ event, winner: lastStatusEvent, statusAt });
			continue;
		}
		fold.status = target;
		lastStatusEvent = event;
		fold.applied.push(event);
		if (event.type === 'approve') {
			fold.approvedAt = event.at;
			fold.approvedBy = event.by;
		} else if (event.type === 'send') fold.sentAt = event.at;
		else if (event.type === 'cancel') fold.cancelReason = event.payload.reason;
	}
	return fold;
}

/** Open incoming quantity of a line: nothing once the PO is closed, cancelled or a draft. */
export function incomingQty(fold: PoFold, lineId: string): number {
	if (!OPEN_SUPPLY.includes(fold.status)) return 0;
	const s = fold.lines.get(lineId);
	return s ? openQty(s) : 0;
}
