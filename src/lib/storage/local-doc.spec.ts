import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { memoryKeyValueStore } from './kv';
import { docDbName, resolveDocDbName } from './db-names';
import { openLocalDoc } from './local-doc';

async function storeGarbageRecord(dbName: string): Promise<void> {
	await new Promise<void>((resolve, reject) => {
		const req = indexedDB.open(dbName);
		req.onsuccess = () => {
			const tx = req.result.transaction('updates', 'readwrite');
			tx.objectStore('updates').add(new Uint8Array([255, 255, 255, 1, 2, 3]));
			tx.oncomplete = () => {
				req.result.close();
				resolve();
			};
			tx.onerror = () => reject(tx.error);
		};
		req.onerror = () => reject(req.error);
	});
}

describe('local doc persistence', () => {
	it('round-trips a doc through IndexedDB', async () => {
		const kv = memoryKeyValueStore();
		const doc = new Y.Doc();
		const local = await openLocalDoc({ workspace: 'l1', docName: 'catalog', doc, kv });
		doc.getMap('items').set('a', 1);
		await local.destroy();
		const again = new Y.Doc();
		const reopened = await openLocalDoc({ workspace: 'l1', docName: 'catalog', doc: again, kv });
		expect(again.getMap('items').get('a')).toBe(1);
		expect(reopened.recovered).toBeNull();
		await reopened.destroy();
	});

	it('survives a corrupt record: keeps the broken database, salvages the rest, moves to a fresh one', async () => {
		const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
		const kv = memoryKeyValueStore();
		const seedDoc = new Y.Doc();
		const seed = new IndexeddbPersistence(docDbName('l2', 'catalog'), seedDoc);
		await seed.whenSynced;
		seedDoc.getMap('items').set('kept', true);
		await seed.destroy();
		await storeGarbageRecord(docDbName('l2', 'catalog'));

		const doc = new Y.Doc();
		const local = await openLocalDoc({
			workspace: 'l2',
			docName: 'catalog',
			doc,
			kv,
			nowMs: () => 42
		});
		expect(local.recovered?.dbName).toBe(docDbName('l2', 'catalog'));
		expect(local.dbName).not.toBe(docDbName('l2', 'catalog'));
		expect(resolveDocDbName(kv, 'l2', 'catalog')).toBe(local.dbName);
		expect(doc.getMap('items').get('kept')).toBe(true);
		expect(errors).toHaveBeenCalled();
		doc.getMap('items').set('after', 1);
		await local.destroy();

		// The fresh database now serves the doc, salvaged content included.
		const again = new Y.Doc();
		const reopened = await openLocalDoc({ workspace: 'l2', docName: 'catalog', doc: again, kv });
		expect(reopened.recovered).toBeNull();
		expect(again.getMap('items').toJSON()).toEqual({ kept: true, after: 1 });
		await reopened.destroy();
		// The broken database was left in place.
		const names = (await indexedDB.databases()).map((d) => d.name);
		expect(names).toContain(docDbName('l2', 'catalog'));
		errors.mockRestore();
	});
});
