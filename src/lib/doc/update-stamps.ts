// The clock stamps a transaction added to a doc: every plain value that is a stamp or an entry
// with an `at` stamp (events, count lines, audit entries, movements). Read from the structs the
// transaction integrated, so the doc's layout does not matter, nothing already held is read
// again, and no update has to be encoded or decoded for it (a doc with an 'update' listener
// pays an encoding of every transaction; a cold start's load is thousands of structs).

import * as Y from 'yjs';
import { compareStamps, isStamp, type Stamp } from '../domain/clock/hlc';
import { entryStamp } from '../domain/clock/stamp-trust';

/** Index of the struct holding `clock` (or the first after it). */
function structIndex(structs: readonly (Y.Item | Y.GC)[], clock: number): number {
	let lo = 0;
	let hi = structs.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		const s = structs[mid]!;
		if (s.id.clock + s.length <= clock) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** Every stamp in the structs the transaction added, latest first. */
export function stampsAdded(transaction: Y.Transaction): Stamp[] {
	const out: Stamp[] = [];
	const store = transaction.doc.store;
	for (const [client, after] of transaction.afterState) {
		const before = transaction.beforeState.get(client) ?? 0;
		if (after <= before) continue;
		const structs = store.clients.get(client) ?? [];
		for (let i = structIndex(structs, before); i < structs.length; i++) {
			const struct = structs[i]!;
			if (struct.id.clock >= after) break;
			if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentAny)) continue;
			for (const value of struct.content.arr) {
				const stamp = isStamp(value) ? value : entryStamp(value);
				if (stamp !== null) out.push(stamp);
			}
		}
	}
	return out.sort((a, b) => compareStamps(b, a));
}
