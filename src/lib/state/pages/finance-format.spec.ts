import { describe, expect, it } from 'vitest';
import { DASH, pct } from './finance-format';

describe('percentages on the finance pages', () => {
	it('show one decimal by default and never a negative zero', () => {
		expect(pct(0.2446)).toBe('24.5 %');
		expect(pct(0.98)).toBe('98.0 %');
		expect(pct(-0.00004)).toBe('0.0 %');
		expect(pct(-0.0006)).toBe('-0.1 %');
		expect(pct(0.12346, 2)).toBe('12.35 %');
		expect(pct(null)).toBe(DASH);
	});
});
