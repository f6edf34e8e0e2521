import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Movement } from '../domain/ledger/movement';
import { appendMovement, movementsArray, observeMovements, readMovements } from './ledger-doc';

const m = (id: string, qty: number): Movement => ({
	id,
	at: `000000000001000-00000${id.length}-dev1`,
	itemId: 'i1',
	warehouseId: 'w1',
	qty,
	reason: qty > 0 ? 'receipt' : 'issue',
	device: 'dev1',
	user: 'u'
});

describe('ledger doc', () => {
	it('stores plain objects and reads them back, skipping and counting invalid entries', () => {
		const doc = new Y.Doc();
		doc.transact(() => {
			appendMovement(doc, m('a', 5));
			movementsArray(doc).push([{ id: 'x', qty: 'lots' }, 42, null]);
			appendMovement(doc, { ...m('bb', -2), note: undefined });
		});
		const read = readMovements(doc);
		expect(read.movements).toEqual([m('a', 5), m('bb', -2)]);
		expect(read.invalid).toBe(3);
		expect(Object.keys(movementsArray(doc).get(2) as object)).not.toContain('note');
	});

	it('reports only newly inserted valid movements, local and remote', () => {
		const local = new Y.Doc();
		const remote = new Y.Doc();
		local.transact(() => appendMovement(local, m('a', 1)));
		const seen: string[][] = [];
		const stop = observeMovements(local, (added) => seen.push(added.map((x) => x.id)));
		remote.transact(() => {
			appendMovement(remote, m('r1', 2));
			movementsArray(remote).push(['junk']);
			appendMovement(remote, m('r22', 3));
		});
		Y.applyUpdate(local, Y.encodeStateAsUpdate(remote));
		local.transact(() => appendMovement(local, m('b', 4)));
		stop();
		local.transact(() => appendMovement(local, m('c', 4)));
		expect(seen).toEqual([['r1', 'r22'], ['b']]);
	});

	it('reading a doc without movements creates nothing', () => {
		const doc = new Y.Doc();
		let transactions = 0;
		doc.on('afterTransaction', () => transactions++);
		expect(readMovements(doc)).toEqual({ movements: [], invalid: 0 });
		expect(transactions).toBe(0);
	});
});
