import { describe, expect, it } from 'vitest';
import { percentOrNull } from './percent';

describe('percentOrNull', () => {
	it.each([
		['5', 5],
		[' 5 ', 5],
		['0', 0],
		['12.5', 12.5],
		['99.99', 99.99],
		['100', 100]
	])('%s → %s', (text, pct) => {
		expect(percentOrNull(text)).toBe(pct);
	});

	it.each(['', 'abc', '-1', '100.01', '101', '1.234', '5%'])('%s is not a percentage', (text) => {
		expect(percentOrNull(text)).toBeNull();
	});
});
