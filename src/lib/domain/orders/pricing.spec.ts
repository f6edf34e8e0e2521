import { describe, expect, it } from 'vitest';
import { lineNetCents } from './order';
import { LEVEL_DISCOUNT_PCT, linePriceFor } from './pricing';

describe('linePriceFor', () => {
	it('no selling price (0) suggests nothing; one cent does', () => {
		expect(linePriceFor(0, 'wholesale')).toBeNull();
		expect(linePriceFor(1, 'standard')).toEqual({ unitPriceCents: 1, discountPct: 0 });
	});

	it.each([
		['standard', 0, 12340],
		['vip', 5, 11723],
		['wholesale', 10, 11106],
		['distributor', 15, 10489]
	] as const)('%s: list price less %i %% → net of 1 × NT$123.40 is %i ¢', (level, pct, net) => {
		const price = linePriceFor(12340, level);
		expect(price).toEqual({ unitPriceCents: 12340, discountPct: pct });
		expect(lineNetCents({ id: 'l', itemId: 'i', qty: 1, taxRate: 0.05, ...price! })).toBe(net);
	});

	it('every level has a discount between 0 and 100', () => {
		for (const pct of Object.values(LEVEL_DISCOUNT_PCT)) {
			expect(pct).toBeGreaterThanOrEqual(0);
			expect(pct).toBeLessThan(100);
		}
	});
});
