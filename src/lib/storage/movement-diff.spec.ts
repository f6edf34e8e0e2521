import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { movementsArray } from '../doc/ledger-doc';
import { sinceCheckpoint } from './movement-diff';

function ledger(values: unknown[]): Y.Doc {
	const doc = new Y.Doc();
	movementsArray(doc).push(values);
	return doc;
}

function checkpointOf(doc: Y.Doc): { stateVector: Uint8Array; arrayLength: number } {
	return { stateVector: Y.encodeStateVector(doc), arrayLength: movementsArray(doc).length };
}

describe('sinceCheckpoint', () => {
	it('finds nothing to catch up on a doc unchanged since its checkpoint', () => {
		const doc = ledger([{ id: 'm1' }]);
		expect(sinceCheckpoint(doc, checkpointOf(doc))).toEqual([]);
	});

	it('returns exactly the movements appended since the checkpoint', () => {
		const doc = ledger([{ id: 'm1' }]);
		const cp = checkpointOf(doc);
		movementsArray(doc).push([{ id: 'm2' }, { id: 'm3' }]);
		expect(sinceCheckpoint(doc, cp)).toEqual([{ id: 'm2' }, { id: 'm3' }]);
	});

	it('asks for a rebuild when the doc lacks a change the checkpoint saw', () => {
		const seen = ledger([{ id: 'm1' }]);
		const before = Y.encodeStateAsUpdate(seen);
		// A movement pushed and removed again: the checkpoint saw it, its count does not hold it.
		movementsArray(seen).push([{ id: 'm2' }]);
		movementsArray(seen).delete(1, 1);
		const older = new Y.Doc();
		Y.applyUpdate(older, before);
		expect(movementsArray(older).length).toBe(movementsArray(seen).length);
		expect(sinceCheckpoint(older, checkpointOf(seen))).toBeNull();
		expect(sinceCheckpoint(seen, checkpointOf(seen))).toEqual([]);
	});

	it('asks for a rebuild unless the checkpoint count plus what was appended is the length', () => {
		const doc = ledger([{ id: 'm1' }, { id: 'm2' }]);
		const cp = checkpointOf(doc);
		movementsArray(doc).delete(0, 1);
		expect(sinceCheckpoint(doc, cp)).toBeNull();
		expect(sinceCheckpoint(doc, { ...cp, arrayLength: 1 })).toEqual([]);
		expect(sinceCheckpoint(doc, { ...cp, arrayLength: 0 })).toBeNull();
	});
});
