import { describe, expect, it } from 'vitest';
import { lineNetCents, lineTaxCents, orderTotals, type OrderLine } from './order';

const line = (qty: number, unitPriceCents: number, discountPct = 0, taxRate = 0.05): OrderLine => ({
	id: 'l',
	itemId: 'i',
	qty,
	unitPriceCents,
	discountPct,
	taxRate
});

describe('order line money', () => {
	it.each([
		// qty, price ¢, discount %, net ¢, tax ¢ at 5 %
		[1, 1234, 0, 1234, 62], // 61.7 rounds up: truncating would give 61
		[1, 1230, 0, 1230, 62], // exactly half a cent rounds up
		[1, 1229, 0, 1229, 61], // 61.45 rounds down
		[1, 1210, 0, 1210, 61], // 60.5 → 61
		[3, 333, 10, 899, 45], // 899.1 → 899 net; 44.95 → 45 tax
		[2.5, 1999, 0, 4998, 250], // 4997.5 → 4998; 249.9 → 250
		[10, 45000, 10, 405000, 20250]
	])('%s × %s¢ less %s%% → net %s¢, tax %s¢', (qty, price, discount, net, tax) => {
		const l = line(qty, price, discount);
		expect(lineNetCents(l)).toBe(net);
		expect(lineTaxCents(l)).toBe(tax);
	});

	it('is tax-free at a zero rate and taxes every line on its own rounded net', () => {
		expect(lineTaxCents(line(1, 1234, 0, 0))).toBe(0);
		expect(orderTotals([line(1, 1234), line(1, 1234)])).toEqual({
			netCents: 2468,
			taxCents: 124,
			totalCents: 2592
		});
	});
});
