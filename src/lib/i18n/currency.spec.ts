import { describe, expect, it } from 'vitest';
import { formatCurrency, LOCALES } from './translate';

describe('formatCurrency', () => {
	it.each(LOCALES)('%s writes NT$ with two decimals and grouping', (l) => {
		expect(formatCurrency(l, 31653)).toBe('NT$316.53');
		expect(formatCurrency(l, 123456789)).toBe('NT$1,234,567.89');
		expect(formatCurrency(l, 123456789, true)).toBe('NT$1,234,568');
	});
	it('keeps the sign in front', () => {
		expect(formatCurrency('zh-TW', -1050)).toMatch(/^-NT\$10\.50$/);
	});
});
