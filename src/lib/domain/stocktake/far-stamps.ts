// A count whose lines, or the movements of its positions, are stamped far from the relay's
// time (a device clock that was wrong) cannot be approved without an admin's confirmation:
// the book at a count's stamp sorts movements by stamp, so one stamped in the future is left
// out of a book it physically belongs to, and the approval would post it a second time.

import { isFlaggedStamp } from '../clock/stamp-trust';
import type { Movement } from '../ledger/movement';
import { withoutRepaired } from '../ledger/repair';
import { pendingCountPostings } from './posting';
import type { CountSession } from './session';

export interface FarStampEntry {
	kind: 'count-line' | 'movement';
	id: string;
	at: string;
	device: string;
}

/** Entries that bear on this count's approval and are stamped far from `nowMs`. */
export function farStampsOfCount(
	session: Pick<CountSession, 'warehouseId' | 'lines'>,
	movements: readonly Movement[],
	nowMs: number
): FarStampEntry[] {
	const out: FarStampEntry[] = [];
	const items = new Set<string>();
	for (const line of session.lines) {
		items.add(line.itemId);
		if (isFlaggedStamp(line.at, nowMs))
			out.push({ kind: 'count-line', id: line.id, at: line.at, device: line.device });
	}
	// A repaired entry no longer bears on the book (ledger/repair.ts).
	for (const m of withoutRepaired(movements)) {
		if (m.warehouseId !== session.warehouseId || !items.has(m.itemId)) continue;
		if (isFlaggedStamp(m.at, nowMs))
			out.push({ kind: 'movement', id: m.id, at: m.at, device: m.device });
	}
	return out;
}

/**
 * The far-stamped movements that hold an approved count's re-check: the corrections it would
 * post differ with and without them, so they would post where a wrong clock put them (none when
 * nothing is pending or they change nothing, e.g. stamped ahead, after every counted line).
 */
export function farMovementsHoldingRecheck(
	session: Pick<CountSession, 'id' | 'number' | 'warehouseId' | 'lines'>,
	movements: readonly Movement[],
	nowMs: number
): FarStampEntry[] {
	const pending = pendingCountPostings(session, movements);
	if (pending.length === 0) return [];
	const far = farStampsOfCount(session, movements, nowMs).filter((f) => f.kind === 'movement');
	if (far.length === 0) return [];
	const farIds = new Set(far.map((f) => f.id));
	const without = pendingCountPostings(
		session,
		movements.filter((m) => !farIds.has(m.id))
	);
	const key = (ms: readonly Movement[]) =>
		ms
			.map((m) => `${m.id}:${m.qty}`)
			.sort()
			.join('|');
	return key(without) === key(pending) ? [] : far;
}
