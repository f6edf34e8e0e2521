// Minimal promise wrappers over raw IndexedDB for the y-indexeddb health check: open a doc
// database without creating a broken one, and read its stored update records.

const UPDATES = 'updates';
const CUSTOM = 'custom';

export type OpenResult = { ok: true; db: IDBDatabase } | { ok: false; reason: string };

/**
 * Opens (or creates, with y-indexeddb's own layout) a doc database and checks its shape; the
 * caller closes the connection. Never leaves behind a database y-indexeddb could not use.
 */
export function openDocDb(name: string): Promise<OpenResult> {
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
			if (db.objectStoreNames.contains(UPDATES) && db.objectStoreNames.contains(CUSTOM)) {
				resolve({ ok: true, db });
			} else {
				db.close();
				resolve({ ok: false, reason: 'missing object stores' });
			}
		};
	});
}

export interface UpdateRecords {
	/** Values as stored; the caller checks their type. */
	values: unknown[];
	/** Key of the last record read (0 when none): later records were added after this read. */
	lastKey: number;
}

/** Every stored update record with a key above `afterKey`, in one consistent read. */
export function readUpdateRecords(db: IDBDatabase, afterKey = 0): Promise<UpdateRecords> {
	return new Promise((resolve, reject) => {
		try {
			const store = db.transaction([UPDATES], 'readonly').objectStore(UPDATES);
			const range = afterKey > 0 ? IDBKeyRange.lowerBound(afterKey, true) : undefined;
			const keys = store.getAllKeys(range);
			const values = store.getAll(range);
			values.onsuccess = () => {
				const last = keys.result.at(-1);
				resolve({
					values: values.result as unknown[],
					lastKey: typeof last === 'number' ? last : afterKey
				});
			};
			values.onerror = () => reject(values.error ?? new Error('getAll failed'));
			keys.onerror = () => reject(keys.error ?? new Error('getAllKeys failed'));
		} catch (error) {
			reject(error instanceof Error ? error : new Error(String(error)));
		}
	});
}
