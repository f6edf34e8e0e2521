import { describe, expect, it } from 'vitest';
import { formatStamp } from './hlc';
import { flaggedEntries, type StampedEntry } from './flagged';
import { FLAG_AHEAD_MS, STAMP_FLOOR_MS } from './stamp-trust';

const NOW = Date.UTC(2026, 11, 7, 9);
const entry = (id: string, wallMs: number, device = 'tab1'): StampedEntry => ({
	kind: 'movement',
	id,
	at: formatStamp({ wallMs, counter: 0, device }),
	ref: 'PO-1',
	user: 'fay'
});

describe('flaggedEntries', () => {
	it('lists entries beyond the 5-minute bound or before the floor, latest first', () => {
		const flagged = flaggedEntries(
			[
				entry('on-bound', NOW + FLAG_AHEAD_MS),
				entry('beyond', NOW + FLAG_AHEAD_MS + 1, 'tab2'),
				entry('last-month', NOW - 30 * 86_400_000),
				entry('reset', STAMP_FLOOR_MS - 1, 'tab3'),
				entry('2028', NOW + 400 * 86_400_000)
			],
			NOW
		);
		expect(flagged.map((f) => [f.id, f.device, f.trust, f.offByMs])).toEqual([
			['2028', 'tab1', 'ahead', 400 * 86_400_000],
			['beyond', 'tab2', 'ahead', FLAG_AHEAD_MS + 1],
			['reset', 'tab3', 'behind', STAMP_FLOOR_MS - 1 - NOW]
		]);
	});
});
