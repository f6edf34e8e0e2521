// What a ledger doc gained since its projection checkpoint. `valuesAppendedSince` (the values
// appended since a state vector) lives with the ledger doc; `sinceCheckpoint` cross-checks it
// against the checkpoint and says when only a full rebuild is right.

import * as Y from 'yjs';
import { movementsArray, valuesAppendedSince } from '../doc/ledger-doc';
import type { Checkpoint } from './projection-checks';

export { valuesAppendedSince, type AppendedValues } from '../doc/ledger-doc';

/** True when `a` has seen everything `b` has (every client clock in b ≤ the one in a). */
export function stateVectorDominates(a: Uint8Array, b: Uint8Array): boolean {
	const sa = Y.decodeStateVector(a);
	for (const [client, clock] of Y.decodeStateVector(b)) {
		if ((sa.get(client) ?? 0) < clock) return false;
	}
	return true;
}

/**
 * The values appended to `doc`'s movements since `checkpoint` (none: unchanged), or null when
 * the doc is not a descendant of the checkpoint or the appended count does not add up to the
 * array's length: then the stored projection cannot be caught up, only rebuilt.
 */
export function sinceCheckpoint(
	doc: Y.Doc,
	checkpoint: Pick<Checkpoint, 'stateVector' | 'arrayLength'>
): unknown[] | null {
	if (!stateVectorDominates(Y.encodeStateVector(doc), checkpoint.stateVector)) return null;
	const { values } = valuesAppendedSince(doc, checkpoint.stateVector);
	if (checkpoint.arrayLength + values.length !== movementsArray(doc).length) return null;
	return values;
}
