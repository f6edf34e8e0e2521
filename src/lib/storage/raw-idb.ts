// Minimal promise wrappers over raw IndexedDB for the y-indexeddb health check: open a doc
// database without creating a broken one, and read its stored update records.

const UPDATES = 'updates';
const CUSTOM = 'custom';

export type ProbeResult = { ok: true } | { ok: false; reason: string };

/**
 * Opens (or creates, with y-indexeddb's own layout) a doc database and checks its shape.
 * Never leaves behind a database y-indexeddb could not use.
 */
export function probeDocDb(name: string): Promise<ProbeResult> {
	return new Promise((resolve) => {
		let request: IDBOpenDBRequest;
		try {
			request = indexedDB.open(name);
		} catch (error) {
			resolve({ ok: false, reason: `open threw: ${String(error)}` });
			return;
		}
		request.onupgradeneeded = () => {
			// A brand-new database: create exactly what y-indexeddb would.
			const db = request.result;
			if (!db.objectStoreNames.contains(UPDATES))
				db.createObjectStore(UPDATES, { autoIncrement: true });
			if (!db.objectStoreNames.contains(CUSTOM)) db.createObjectStore(CUSTOM);
		};
		request.onerror = () => resolve({ ok: false, reason: `open failed: ${String(request.error)}` });
		request.onblocked = () => resolve({ ok: false, reason: 'open blocked' });
		request.onsuccess = () => {
			const db = request.result;
			const ok = db.objectStoreNames.contains(UPDATES) && db.objectStoreNames.contains(CUSTOM);
			db.close();
			resolve(ok ? { ok: true } : { ok: false, reason: 'missing object stores' });
		};
	});
}

/** Every stored update record (values as stored; the caller checks their type). */
export function readUpdateRecords(db: IDBDatabase): Promise<unknown[]> {
	return new Promise((resolve, reject) => {
		try {
			const request = db.transaction([UPDATES], 'readonly').objectStore(UPDATES).getAll();
			request.onsuccess = () => resolve(request.result as unknown[]);
			request.onerror = () => reject(request.error ?? new Error('getAll failed'));
		} catch (error) {
			reject(error instanceof Error ? error : new Error(String(error)));
		}
	});
}
