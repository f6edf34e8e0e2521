// A count whose lines, or the movements of its positions, are stamped far from the relay's
// time (a device clock that was wrong) cannot be approved without an admin's confirmation:
// the book at a count's stamp sorts movements by stamp, so one stamped in the future is left
// out of a book it physically belongs to, and the approval would post it a second time.

import { isFlaggedStamp } from '../clock/stamp-trust';
import type { Movement } from '../ledger/movement';
import { withoutRepaired } from '../ledger/repair';
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
