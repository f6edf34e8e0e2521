// A ledger doc (`ledger-YYYY-MM`): an append-only `Y.Array` of plain movement objects. Never
// edited, never deleted. Array position means nothing; folds order by stamp.

import * as Y from 'yjs';
import { storedMovementSchema, type Movement } from '../domain/ledger/movement';

export function movementsArray(doc: Y.Doc): Y.Array<unknown> {
	return doc.getArray<unknown>('movements');
}

/** Appends one movement as a plain JSON object (only defined fields). Call inside a transaction. */
export function appendMovement(doc: Y.Doc, m: Movement): void {
	movementsArray(doc).push([toPlain(m)]);
}

/** Appends many movements in one operation. Call inside a transaction. */
export function appendMovements(doc: Y.Doc, movements: readonly Movement[]): void {
	if (movements.length > 0) movementsArray(doc).push(movements.map(toPlain));
}

function toPlain(m: Movement): Record<string, string | number> {
	const plain: Record<string, string | number> = {};
	for (const [k, v] of Object.entries(m)) {
		if (v !== undefined) plain[k] = v;
	}
	return plain;
}

/** Every valid movement, in array order (unordered for business purposes); invalid ones counted. */
export function readMovements(doc: Y.Doc): { movements: Movement[]; invalid: number } {
	const movements: Movement[] = [];
	let invalid = 0;
	// Creating the Y.Array runs an (empty) transaction; a read should not, so skip absent ones.
	if (!doc.share.has('movements')) return { movements, invalid };
	for (const value of movementsArray(doc)) {
		const parsed = storedMovementSchema.safeParse(value);
		if (parsed.success) movements.push(parsed.data);
		else invalid++;
	}
	return { movements, invalid };
}

/** Calls `onAdded` with the valid movements each change inserted (local or remote). */
export function observeMovements(doc: Y.Doc, onAdded: (added: Movement[]) => void): () => void {
	const array = movementsArray(doc);
	const handler = (event: Y.YArrayEvent<unknown>): void => {
		const added: Movement[] = [];
		for (const part of event.changes.delta) {
			if (!part.insert || !Array.isArray(part.insert)) continue;
			for (const value of part.insert as unknown[]) {
				const parsed = storedMovementSchema.safeParse(value);
				if (parsed.success) added.push(parsed.data);
			}
		}
		if (added.length > 0) onAdded(added);
	};
	array.observe(handler);
	return () => array.unobserve(handler);
}

// Values appended since a state vector, without walking the whole array: the diff update
// (`encodeStateAsUpdate(doc, sv)`) holds exactly the structs added since, and for the
// append-only movements array those are ContentAny items without a map key.
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
