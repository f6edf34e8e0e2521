import { describe, expect, it } from 'vitest';
import { createIdGenerator } from './ids';
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
