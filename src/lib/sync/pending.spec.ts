import { describe, expect, it } from 'vitest';
import { memoryKeyValueStore } from '../storage/kv';
import {
	confirmEntries,
	countUnconfirmed,
	parsePending,
	serializePending,
	type PendingEntry
} from './pending';
import { PendingTracker } from './pending-tracker';

const entries: PendingEntry[] = [
	{ doc: 'catalog', clientID: 7, clock: 3 },
	{ doc: 'catalog', clientID: 7, clock: 5 },
	{ doc: 'ledger-2026-11', clientID: 9, clock: 1 },
	{ doc: 'catalog', clientID: 11, clock: 2 } // from before a reload: another clientID
];

describe('pending confirmations', () => {
	it('counts entries the server state vector does not cover', () => {
		expect(countUnconfirmed(entries, new Map(), 'catalog')).toBe(3);
		expect(countUnconfirmed(entries, new Map([[7, 4]]), 'catalog')).toBe(2);
		expect(
			countUnconfirmed(
				entries,
				new Map([
					[7, 5],
					[11, 2]
				]),
				'catalog'
			)
		).toBe(0);
		expect(countUnconfirmed(entries, new Map([[7, 5]]))).toBe(2);
	});

	it('confirms only entries of the answering doc', () => {
		const { remaining, confirmed } = confirmEntries(
			entries,
			'catalog',
			new Map([
				[7, 9],
				[9, 9]
			])
		);
		expect(confirmed).toBe(2);
		expect(remaining).toEqual([entries[2], entries[3]]);
	});

	it('survives a reload through the key-value store and drops malformed entries', () => {
		const kv = memoryKeyValueStore();
		const tracker = new PendingTracker(kv, 'w');
		for (const e of entries) tracker.record(e);
		tracker.confirm('ledger-2026-11', new Map([[9, 1]]));
		const reloaded = new PendingTracker(kv, 'w');
		expect(reloaded.count).toBe(3);
		expect(reloaded.countFor('catalog')).toBe(3);
		expect(
			parsePending(
				'[{"doc":"catalog","clientID":-1,"clock":1},' + serializePending([entries[0]!]).slice(1)
			)
		).toEqual([entries[0]]);
		expect(parsePending('not json')).toEqual([]);
	});
});
