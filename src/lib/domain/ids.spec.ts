import { describe, expect, it } from 'vitest';
import { createIdGenerator, dayTaggedNumber } from './ids';
import { createPrng } from './random/prng';

describe('id generator', () => {
	it('is reproducible from a seed and sorts by time', () => {
		let now = 1_700_000_000_000;
		const make = () => createIdGenerator({ nowMs: () => now, random: createPrng(7).next });
		const a = make();
		const b = make();
		const first = [a.next(), a.next()];
		expect([b.next(), b.next()]).toEqual(first);
		now += 1;
		const later = a.next();
		expect(later > (first[1] ?? '')).toBe(true);
		expect(later).toMatch(/^[0-9a-z]{20}$/);
	});

	it('does not repeat across many ids', () => {
		const ids = createIdGenerator({ nowMs: () => 5, random: createPrng(1).next });
		const seen = new Set(Array.from({ length: 10_000 }, () => ids.next()));
		expect(seen.size).toBe(10_000);
	});
});

describe('day-tagged document numbers', () => {
	const id = '0000lx3k9aq8z0c1m2n4';
	it.each([
		// The last ms of a UTC day and the first of the next: the day changes exactly there.
		[Date.UTC(2026, 11, 7, 23, 59, 59, 999), 'TRF-20261207-M2N4'],
		[Date.UTC(2026, 11, 8), 'TRF-20261208-M2N4'],
		[Date.UTC(2028, 1, 29, 12), 'TRF-20280229-M2N4']
	])('%i → %s', (wallMs, number) => expect(dayTaggedNumber('TRF', id, wallMs)).toBe(number));

	it('takes the last 4 chars of a short id as they are', () =>
		expect(dayTaggedNumber('CNT', 'ab', Date.UTC(2026, 0, 1))).toBe('CNT-20260101-AB'));
});
