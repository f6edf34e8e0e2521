import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	createCatalogReader,
	entityMap,
	ledgerMonthsMap,
	observeCatalog,
	readItems,
	readItemsResult,
	readLedgerMonths,
	writeEntity
} from './catalog-doc';

describe('catalog doc', () => {
	it('skips and counts invalid entities written by a peer', () => {
		const doc = new Y.Doc();
		doc.transact(() => {
			const items = entityMap(doc, 'items');
			writeEntity(items, 'ok', { code: 'A-1', name: '好', unit: '個' });
			writeEntity(items, 'bad', { code: 'A-2', name: '壞', unit: '個', safetyStock: -1 });
			writeEntity(items, 'nounit', { code: 'A-3', name: '沒單位' });
			items.set('notamap', 'garbage');
		});
		expect(readItems(doc).map((i) => i.id)).toEqual(['ok']);
		expect(readItemsResult(doc).invalid).toBe(3);
	});

	it('merges concurrent edits of different fields of one item', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		a.transact(() =>
			writeEntity(entityMap(a, 'items'), 'i1', { code: 'A-1', name: 'A', unit: '個' })
		);
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		a.transact(() => writeEntity(entityMap(a, 'items'), 'i1', { name: '改名' }));
		b.transact(() => writeEntity(entityMap(b, 'items'), 'i1', { safetyStock: 9 }));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		expect(readItems(a)).toEqual(readItems(b));
		expect(readItems(a)[0]).toMatchObject({ name: '改名', safetyStock: 9 });
	});

	it('reads ledger months sorted, ignoring garbage keys', () => {
		const doc = new Y.Doc();
		const months = ledgerMonthsMap(doc);
		months.set('2025-12', true);
		months.set('2025-02', true);
		months.set('2025-13', true);
		months.set('2025-05', 'yes');
		expect(readLedgerMonths(doc)).toEqual(['2025-02', '2025-12']);
	});

	it('notifies deep changes until unsubscribed', () => {
		const doc = new Y.Doc();
		let calls = 0;
		const stop = observeCatalog(doc, () => calls++);
		doc.transact(() =>
			writeEntity(entityMap(doc, 'items'), 'i1', { code: 'A', name: 'A', unit: '個' })
		);
		doc.transact(() => writeEntity(entityMap(doc, 'items'), 'i1', { name: 'B' }));
		doc.transact(() => ledgerMonthsMap(doc).set('2025-01', true));
		expect(calls).toBe(3);
		stop();
		doc.transact(() => writeEntity(entityMap(doc, 'items'), 'i1', { name: 'C' }));
		expect(calls).toBe(3);
	});

	it('re-parses only the entities that changed since the last read', () => {
		const doc = new Y.Doc();
		const items = entityMap(doc, 'items');
		doc.transact(() => {
			writeEntity(items, 'i1', { code: 'A-1', name: 'A', unit: '個' });
			writeEntity(items, 'i2', { code: 'A-2', name: 'B', unit: '個' });
			writeEntity(items, 'i3', { code: 'A-3', name: 'C', unit: '個', safetyStock: -1 });
		});
		const reader = createCatalogReader(doc);
		const [a1, b1] = reader.items();
		expect(reader.items().map((i) => i.id)).toEqual(['i1', 'i2']);
		doc.transact(() => {
			writeEntity(items, 'i2', { name: '改名' });
			writeEntity(items, 'i3', { safetyStock: 1 });
			writeEntity(items, 'i4', { code: 'A-4', name: 'D', unit: '個' });
		});
		const after = reader.items();
		expect(after).toEqual(readItems(doc));
		expect(after[0]).toBe(a1);
		expect(after[1]).not.toBe(b1);
		expect(after.map((i) => i.name)).toEqual(['A', '改名', 'C', 'D']);
		doc.transact(() => items.delete('i1'));
		expect(reader.items().map((i) => i.id)).toEqual(['i2', 'i3', 'i4']);
	});

	it('follows remote edits of an entity, and stops following when closed', () => {
		const doc = new Y.Doc();
		const peer = new Y.Doc();
		peer.transact(() =>
			writeEntity(entityMap(peer, 'items'), 'i1', { code: 'A-1', name: 'A', unit: '個' })
		);
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer));
		const reader = createCatalogReader(doc);
		expect(reader.items()[0]?.name).toBe('A');
		peer.transact(() => writeEntity(entityMap(peer, 'items'), 'i1', { name: 'B' }));
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer));
		expect(reader.items()[0]?.name).toBe('B');
		reader.close();
		doc.transact(() => writeEntity(entityMap(doc, 'items'), 'i1', { name: 'C' }));
		expect(reader.items()[0]?.name).toBe('B');
	});
});
