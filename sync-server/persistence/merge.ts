// Turning stored rows back into Yjs state. Shared by the relay, compaction and the CLI.

import * as Y from 'yjs';
import type { PersistencePort, RoomKey } from './port';

export interface LoadedDoc {
	readonly doc: Y.Doc;
	/** Stored rows that Yjs refused to apply (corrupt); skipped so the room still opens. */
	readonly skipped: number;
}

/** Applies updates one by one so a single corrupt row cannot make a whole room unreadable. */
export function docFromUpdates(updates: readonly Uint8Array[]): LoadedDoc {
	const doc = new Y.Doc();
	let skipped = 0;
	for (const update of updates) {
		try {
			Y.applyUpdate(doc, update);
		} catch {
			skipped += 1;
		}
	}
	return { doc, skipped };
}

export async function loadDoc(store: PersistencePort, room: RoomKey): Promise<LoadedDoc> {
	const { updates } = await store.load(room);
	return docFromUpdates(updates);
}

/**
 * One update equivalent to all rows. `mergeUpdates` is lossless (it keeps updates whose
 * dependencies are missing), unlike round-tripping through a Y.Doc.
 */
export function mergeStored(updates: readonly Uint8Array[]): Uint8Array {
	if (updates.length === 1 && updates[0]) return updates[0];
	return Y.mergeUpdates([...updates]);
}
