// The work-order state machine: planned → released → in-progress → completed → closed, or
// cancelled. Folded from the event log in clock-stamp order, so every device that holds the same
// events gets the same result. Concurrency rules (docs/DECISIONS.md, "Work orders"):
//   1. Shop-floor facts add up: every progress report and material issue counts, whichever
//      tablet sent it and in whatever order they merged (physical work happened).
//   2. Facts win over a cancel: once any progress, issue or completion is in the log, a cancel
//      is overruled whatever its stamp, as a shipment overrules a sales order's cancel.
//   3. Otherwise the earliest stamp wins; a later event no longer valid is a conflict (two
//      completions: the first counts, its finished-goods movement has the order's fixed id).

import { compareStamps, type Stamp } from '../clock/hlc';
import type { WoEvent, WorkOrder } from './work-order';

export const WO_STATUSES = [
	'planned',
	'released',
	'in-progress',
	'completed',
	'closed',
	'cancelled'
] as const;
export type WoStatus = (typeof WO_STATUSES)[number];

/** Statuses in which the order still consumes material and capacity. */
export const OPEN_WO_STATUSES: readonly WoStatus[] = ['planned', 'released', 'in-progress'];

export interface StepProgress {
	good: number;
	scrap: number;
}

export interface WoConflict {
	event: WoEvent;
	winner: WoEvent | null;
	statusAt: WoStatus;
}

export interface WoFold {
	status: WoStatus;
	releasedAt: Stamp | null;
	/** Per routing step id ('' = the order as a whole). */
	progress: Map<string, StepProgress>;
	/** Material issued per item (manual and backflushed). */
	issued: Map<string, number>;
	completed: { good: number; lot: string; at: Stamp; by: string } | null;
	conflicts: WoConflict[];
	lastAt: Stamp | null;
	unknownEvents: number;
}

const round = (q: number): number => Math.round(q * 1e6) / 1e6;

export function compareWoEvents(a: WoEvent, b: WoEvent): number {
	return compareStamps(a.at, b.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const isFact = (e: WoEvent): boolean =>
	e.type === 'progress' || e.type === 'issue' || e.type === 'complete';

export function foldWorkOrder(order: Pick<WorkOrder, 'events' | 'unknownEvents'>): WoFold {
	const sorted = [...order.events].sort(compareWoEvents);
	const firstFact = sorted.find(isFact) ?? null;
	const fold: WoFold = {
		status: 'planned',
		releasedAt: null,
		progress: new Map(),
		issued: new Map(),
		completed: null,
		conflicts: [],
		lastAt: sorted.at(-1)?.at ?? null,
		unknownEvents: order.unknownEvents?.length ?? 0
	};
	let completeEvent: WoEvent | null = null;
	let cancelEvent: WoEvent | null = null;
	const conflict = (event: WoEvent, winner: WoEvent | null): void => {
		fold.conflicts.push({ event, winner, statusAt: fold.status });
	};
	for (const e of sorted) {
		switch (e.type) {
			case 'release':
				if (fold.status === 'planned') {
					fold.status = 'released';
					fold.releasedAt = e.at;
				} else if (fold.status === 'cancelled') conflict(e, cancelEvent);
				break;
			case 'progress': {
				const p = fold.progress.get(e.payload.stepId) ?? { good: 0, scrap: 0 };
				fold.progress.set(e.payload.stepId, {
					good: round(p.good + e.payload.good),
					scrap: round(p.scrap + e.payload.scrap)
				});
				if (fold.status === 'planned' || fold.status === 'released') fold.status = 'in-progress';
				break;
			}
			case 'issue':
				for (const l of e.payload.lines)
					fold.issued.set(l.itemId, round((fold.issued.get(l.itemId) ?? 0) + l.qty));
				if (fold.status === 'released' || fold.status === 'planned') fold.status = 'in-progress';
				break;
			case 'complete':
				if (completeEvent) {
					conflict(e, completeEvent);
					break;
				}
				completeEvent = e;
				for (const l of e.payload.backflushed)
					fold.issued.set(l.itemId, round((fold.issued.get(l.itemId) ?? 0) + l.qty));
				fold.completed = { good: e.payload.good, lot: e.payload.lot, at: e.at, by: e.by };
				if (fold.status !== 'closed') fold.status = 'completed';
				break;
			case 'close':
				if (fold.status === 'completed') fold.status = 'closed';
				else conflict(e, null);
				break;
			case 'cancel':
				if (firstFact) conflict(e, firstFact);
				else if (fold.status === 'planned' || fold.status === 'released') {
					fold.status = 'cancelled';
					cancelEvent = e;
				} else conflict(e, null);
				break;
			default: {
				const never: never = e;
				throw new Error(`unknown work order event ${JSON.stringify(never)}`);
			}
		}
	}
	// A release the floor never saw still happened if work was reported (rule 1).
	if (fold.releasedAt === null && firstFact) fold.releasedAt = firstFact.at;
	return fold;
}

/** Good units reported through the last routing step (or the order as a whole). */
export function goodOutput(order: Pick<WorkOrder, 'steps'>, fold: WoFold): number {
	const last = [...order.steps].sort((a, b) => a.seq - b.seq).at(-1);
	return fold.progress.get(last?.id ?? '')?.good ?? fold.progress.get('')?.good ?? 0;
}

/** Remaining quantity to make: ordered minus completed (0 once completed or closed). */
export function remainingQty(order: Pick<WorkOrder, 'qty'>, fold: WoFold): number {
	if (fold.status === 'completed' || fold.status === 'closed' || fold.status === 'cancelled')
		return 0;
	return order.qty;
}
