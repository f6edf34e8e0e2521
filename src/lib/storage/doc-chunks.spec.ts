import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { chunkRecords, encodeStateInChunks } from './doc-chunks';

/** Two devices editing one orders-like doc: maps of nested arrays, text, deletions, overwrites. */
function twoDeviceDoc(orders: number): { doc: Y.Doc; records: Uint8Array[] } {
	const a = new Y.Doc();
	const b = new Y.Doc();
	const records: Uint8Array[] = [];
	a.on('update', (u: Uint8Array) => records.push(u));
	b.on('update', (u: Uint8Array) => records.push(u));
	const sync = () => {
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
	};
	for (let i = 0; i < orders; i++) {
		const writer = i % 3 === 0 ? b : a;
		const order = new Y.Map<unknown>();
		writer.getMap('orders').set(`o${i}`, order);
		const lines = new Y.Array<unknown>();
		order.set('lines', lines);
		order.set('note', `order ${i} ${'x'.repeat(i % 40)}`);
		lines.push([{ item: `i${i}`, qty: i }]);
		if (i % 5 === 0) sync();
		// The other device appends to an order it did not create, and overwrites a field.
		const other = writer === a ? b : a;
		const seen = other.getMap('orders').get(`o${i - 1}`);
		if (seen instanceof Y.Map) {
			(seen.get('lines') as Y.Array<unknown>).push([{ item: 'extra', qty: 1 }]);
			seen.set('note', 'changed');
		}
		if (i % 7 === 0) writer.getMap('orders').delete(`o${i - 3}`);
	}
	sync();
	const text = a.getText('memo');
	text.insert(0, 'hello world');
	text.delete(2, 3);
	sync();
	b.destroy();
	return { doc: a, records };
}

function applyAll(chunks: Uint8Array[]): Y.Doc {
	const doc = new Y.Doc();
	for (const chunk of chunks) {
		Y.applyUpdate(doc, chunk);
		// Dependencies first: nothing waits as a pending struct (but what was pending before).
		if (chunk !== chunks.at(-1)) expect(doc.store.pendingStructs).toBeNull();
	}
	return doc;
}

describe('stored records in chunks', () => {
	it('gives the same doc, content and delete set, with every chunk integrating at once', () => {
		const { doc } = twoDeviceDoc(300);
		const chunks = encodeStateInChunks(doc, 2_000);
		expect(chunks.length).toBeGreaterThan(10);
		const copy = applyAll(chunks);
		expect(copy.getMap('orders').toJSON()).toEqual(doc.getMap('orders').toJSON());
		expect(copy.getText('memo').toString()).toBe('he world');
		expect(Y.encodeStateVector(copy)).toEqual(Y.encodeStateVector(doc));
		expect(Y.encodeStateAsUpdate(copy)).toEqual(Y.encodeStateAsUpdate(doc));
	});

	it('keeps every chunk near the budget, slicing a long run of values (a month of movements)', () => {
		const doc = new Y.Doc();
		const movements = Array.from({ length: 2_000 }, (_, i) => ({ i, note: `movement ${i}` }));
		doc.getArray('movements').push(movements);
		doc.getArray('movements').insert(1_000, [{ i: -1, note: 'inserted by hand' }]);
		for (let i = 0; i < 500; i++) doc.getMap('small').set(`k${i}`, i);
		const chunks = encodeStateInChunks(doc, 4_000);
		expect(Y.encodeStateAsUpdate(doc).length).toBeGreaterThan(40_000);
		expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(4_400);
		const copy = applyAll(chunks);
		expect(copy.getArray('movements').toJSON()).toEqual(doc.getArray('movements').toJSON());
		expect(copy.getMap('small').get('k499')).toBe(499);
		// The slices merge back: the same structs, the same encoding.
		expect(Y.encodeStateAsUpdate(copy)).toEqual(Y.encodeStateAsUpdate(doc));
	});

	it('a value larger than the budget goes out in a chunk of its own', () => {
		const doc = new Y.Doc();
		doc.getArray('a').push([{ big: 'x'.repeat(10_000) }, { small: 1 }]);
		const chunks = encodeStateInChunks(doc, 4_000);
		expect(applyAll(chunks).getArray('a').toJSON()).toEqual(doc.getArray('a').toJSON());
	});

	it('loads the records of two devices as the stored records would', () => {
		const { doc, records } = twoDeviceDoc(120);
		const result = chunkRecords(records, 3_000);
		expect(result.error).toBeNull();
		expect(result.records).toBe(records.length);
		const copy = applyAll(result.chunks);
		expect(copy.getMap('orders').toJSON()).toEqual(doc.getMap('orders').toJSON());
	});

	it('counts a bad record and keeps the rest', () => {
		const { doc, records } = twoDeviceDoc(20);
		const result = chunkRecords([...records, new Uint8Array([255, 255, 255, 1, 2, 3]), 'x']);
		expect(result.records).toBe(records.length);
		expect(result.error).not.toBeNull();
		expect(applyAll(result.chunks).getMap('orders').toJSON()).toEqual(
			doc.getMap('orders').toJSON()
		);
	});

	it('hands on structs that wait for a missing record, as pending', () => {
		const source = new Y.Doc();
		const records: Uint8Array[] = [];
		source.on('update', (u: Uint8Array) => records.push(u));
		source.getArray('a').push([1]);
		source.getArray('a').push([2]);
		source.getArray('a').push([3]);
		// The middle record is lost: the third cannot integrate without it.
		const result = chunkRecords([records[0]!, records[2]!]);
		const copy = applyAll(result.chunks);
		expect(copy.getArray('a').toJSON()).toEqual([1]);
		Y.applyUpdate(copy, records[1]!);
		expect(copy.getArray('a').toJSON()).toEqual([1, 2, 3]);
	});
});
