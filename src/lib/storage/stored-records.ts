// A worker's copy of a doc, loaded from the device's own IndexedDB records (as the app's docs
// are at start), so the main thread need not encode a whole doc to hand it over: it sends only
// what the copy lacks (a state-vector diff). Used by the finance and planning workers.

import * as Y from 'yjs';
import { openDocDb, readUpdateRecords } from './raw-idb';

/**
 * Applies every readable record of the doc database to `doc`, best effort: a bad record or an
 * unreadable database is skipped (the diff from the main thread then covers what it held).
 * Resolves with the doc's state vector.
 */
export async function loadStoredRecords(doc: Y.Doc, dbName: string): Promise<Uint8Array> {
	if (typeof indexedDB !== 'undefined') {
		const opened = await openDocDb(dbName);
		if (opened.ok) {
			try {
				const records = await readUpdateRecords(opened.db);
				Y.transact(doc, () => {
					for (const r of records.values) {
						try {
							if (r instanceof Uint8Array) Y.applyUpdate(doc, r);
						} catch {
							// A bad record: the main thread's diff covers what it held.
						}
					}
				});
			} catch {
				// Unreadable: the diff from the main thread is then the whole doc.
			} finally {
				opened.db.close();
			}
		}
	}
	return Y.encodeStateVector(doc);
}
