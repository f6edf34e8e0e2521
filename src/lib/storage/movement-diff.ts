// Values appended to a ledger doc since a state vector, without walking the whole array:
// the diff update (`encodeStateAsUpdate(doc, sv)`) holds exactly the structs added since, and
// for the append-only movements array those are ContentAny items without a map key. Callers
// cross-check the count against the array length and fall back to a full rebuild on mismatch.

import * as Y from 'yjs';

export interface AppendedValues {
	values: unknown[];
}

export function valuesAppendedSince(doc: Y.Doc, stateVector: Uint8Array): AppendedValues {
	const diff = Y.encodeStateAsUpdate(doc, stateVector);
	const { structs } = Y.decodeUpdate(diff);
	const values: unknown[] = [];
	for (const struct of structs) {
		if (!(struct instanceof Y.Item)) continue;
		if (struct.parentSub !== null) continue; // a map entry (meta), not an array element
		if (struct.deleted) continue;
		if (struct.content instanceof Y.ContentAny) values.push(...struct.content.arr);
	}
	return { values };
}

/** True when `a` has seen everything `b` has (every client clock in b ≤ the one in a). */
export function stateVectorDominates(a: Uint8Array, b: Uint8Array): boolean {
	const sa = Y.decodeStateVector(a);
	for (const [client, clock] of Y.decodeStateVector(b)) {
		if ((sa.get(client) ?? 0) < clock) return false;
	}
	return true;
}
