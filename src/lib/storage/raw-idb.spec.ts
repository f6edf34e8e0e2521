import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDocDb, readUpdateRecords } from './raw-idb';

function add(db: IDBDatabase, value: Uint8Array): Promise<void> {
	return new Promise((resolve, reject) => {
		const tx = db.transaction('updates', 'readwrite');
		tx.objectStore('updates').add(value);
		tx.oncomplete = () => resolve();
		tx.onerror = () => reject(tx.error);
	});
}

describe('raw doc database access', () => {
	it('creates a new database the way y-indexeddb would, and reads records after a key', async () => {
		const opened = await openDocDb('raw-1');
		if (!opened.ok) throw new Error(opened.reason);
		expect([...opened.db.objectStoreNames].sort()).toEqual(['custom', 'updates']);
		await add(opened.db, new Uint8Array([1]));
		await add(opened.db, new Uint8Array([2]));
		const first = await readUpdateRecords(opened.db);
		expect(first.values).toHaveLength(2);
		// Another tab stores a record after this read: only it is read next.
		await add(opened.db, new Uint8Array([3]));
		const later = await readUpdateRecords(opened.db, first.lastKey);
		expect(later.values).toEqual([new Uint8Array([3])]);
		expect(later.lastKey).toBeGreaterThan(first.lastKey);
		expect((await readUpdateRecords(opened.db, later.lastKey)).values).toEqual([]);
		opened.db.close();
	});

	it('refuses a database without the stores (and leaves it alone)', async () => {
		await new Promise<void>((resolve) => {
			const r = indexedDB.open('raw-2', 2);
			r.onupgradeneeded = () => r.result.createObjectStore('other');
			r.onsuccess = () => {
				r.result.close();
				resolve();
			};
		});
		const opened = await openDocDb('raw-2');
		expect(opened).toEqual({ ok: false, reason: 'missing object stores' });
	});
});
