// A rush order jumps the queue (issue 18 point 6): on the work centres, work already on the
// floor (released and in-progress work orders) keeps its hours, the urgent order is booked
// next, and the work that can still move — planned work orders and the plan's planned
// production for accepted orders — after it. Comparing when each movable piece of work finishes
// with and without the rush says which orders are delayed, by how much, and whose promised date
// that breaks (docs/DECISIONS.md, "Rush orders jump the queue").

import { dayNumber } from './calendar';
import type { CapacityBook, CenterLoad } from './capacity';

/** What a movable load belongs to: its item, and the dated orders that wait for it. */
export interface LoadTarget {
	itemId: string;
	/** Sales orders (or the work order itself) with the date each needs it by. */
	serves: { ref: string; date: string }[];
}

export interface RushDelay {
	/** The work order number or the planned order's key. */
	ref: string;
	itemId: string;
	/** When it finishes without the rush, and with it (the day after its last working day). */
	before: string;
	after: string;
	/** Orders whose date it met without the rush and misses with it. */
	slipped: { ref: string; date: string }[];
}

/** The order as a rush: its earliest date when it jumps the queue, and what that delays. */
export interface RushCapacity {
	earliestDate: string;
	delayed: RushDelay[];
}

/** Books the loads in queue order (start, then ref) and returns when each ref finishes. */
export function bookInOrder(book: CapacityBook, loads: readonly CenterLoad[]): Map<string, string> {
	const ends = new Map<string, string>();
	const ordered = [...loads].sort((a, b) =>
		a.from === b.from ? a.ref.localeCompare(b.ref) : a.from < b.from ? -1 : 1
	);
	for (const l of ordered) {
		const { end } = book.book(l.centerId, l.hours, l.from);
		const seen = ends.get(l.ref);
		if (!seen || end > seen) ends.set(l.ref, end);
	}
	return ends;
}

/** The movable work that finishes later with the rush, latest slip first within ref order. */
export function rushDelays(
	before: ReadonlyMap<string, string>,
	after: ReadonlyMap<string, string>,
	targets: ReadonlyMap<string, LoadTarget>
): RushDelay[] {
	const out: RushDelay[] = [];
	for (const [ref, end] of after) {
		const was = before.get(ref);
		if (!was || dayNumber(end) <= dayNumber(was)) continue;
		const target = targets.get(ref);
		const slipped = (target?.serves ?? []).filter(
			(s) => dayNumber(was) <= dayNumber(s.date) && dayNumber(end) > dayNumber(s.date)
		);
		out.push({ ref, itemId: target?.itemId ?? '', before: was, after: end, slipped });
	}
	return out.sort((a, b) => a.ref.localeCompare(b.ref));
}
