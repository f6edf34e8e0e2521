// State-vector helpers for projection checkpoints. `valuesAppendedSince` (what a ledger gained
// since a checkpoint) lives with the ledger doc; callers cross-check its count against the array
// length and fall back to a full rebuild on mismatch.

import * as Y from 'yjs';

export { valuesAppendedSince, type AppendedValues } from '../doc/ledger-doc';

/** True when `a` has seen everything `b` has (every client clock in b ≤ the one in a). */
export function stateVectorDominates(a: Uint8Array, b: Uint8Array): boolean {
	const sa = Y.decodeStateVector(a);
	for (const [client, clock] of Y.decodeStateVector(b)) {
		if ((sa.get(client) ?? 0) < clock) return false;
	}
	return true;
}
