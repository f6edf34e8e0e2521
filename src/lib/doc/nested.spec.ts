import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { replaceLines } from './nested';

interface Line {
	id: string;
	itemId: string;
	qty: number;
}

function draft(lines: Line[]): { doc: Y.Doc; map: Y.Map<unknown> } {
	const doc = new Y.Doc();
	const map = doc.getMap<unknown>('orders');
	doc.transact(() => replaceLines(map, lines));
	return { doc, map };
}

const linesOf = (map: Y.Map<unknown>): unknown => (map.get('lines') as Y.Array<unknown>).toJSON();

describe('replaceLines', () => {
	it('keeps, changes, adds and removes lines by id', () => {
		const { doc, map } = draft([
			{ id: 'l1', itemId: 'bolt', qty: 1 },
			{ id: 'l2', itemId: 'nut', qty: 2 }
		]);
		doc.transact(() =>
			replaceLines(map, [
				{ id: 'l2', itemId: 'nut', qty: 5 },
				{ id: 'l3', itemId: 'washer', qty: 3 }
			])
		);
		expect(linesOf(map)).toEqual([
			{ id: 'l2', itemId: 'nut', qty: 5 },
			{ id: 'l3', itemId: 'washer', qty: 3 }
		]);
	});

	it('writes nothing when the lines are unchanged', () => {
		const lines = [{ id: 'l1', itemId: 'bolt', qty: 1 }];
		const { doc, map } = draft(lines);
		const before = Y.encodeStateVector(doc);
		doc.transact(() => replaceLines(map, lines));
		expect(Y.encodeStateVector(doc)).toEqual(before);
	});

	it('drops an entry without an id (written by a faulty peer)', () => {
		const { doc, map } = draft([{ id: 'l1', itemId: 'bolt', qty: 1 }]);
		doc.transact(() => (map.get('lines') as Y.Array<unknown>).push([new Y.Map<unknown>()]));
		doc.transact(() => replaceLines(map, [{ id: 'l1', itemId: 'bolt', qty: 1 }]));
		expect(linesOf(map)).toEqual([{ id: 'l1', itemId: 'bolt', qty: 1 }]);
	});

	it('keeps both of two offline edits to different fields of one line', () => {
		const a = draft([{ id: 'l1', itemId: 'bolt', qty: 1 }]);
		const b = new Y.Doc();
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a.doc));
		const bMap = b.getMap<unknown>('orders');
		a.doc.transact(() => replaceLines(a.map, [{ id: 'l1', itemId: 'bolt', qty: 4 }]));
		b.transact(() => replaceLines(bMap, [{ id: 'l1', itemId: 'screw', qty: 1 }]));
		Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a.doc));
		expect(linesOf(a.map)).toEqual([{ id: 'l1', itemId: 'screw', qty: 4 }]);
		expect(linesOf(bMap)).toEqual(linesOf(a.map));
	});
});
