import { describe, expect, it } from 'vitest';
import { applicableEntry, isValidOn, priceListEntrySchema, unitPriceAt } from './price-list';

const entry = (id: string, extra: Record<string, unknown> = {}) =>
	priceListEntrySchema.parse({
		id,
		supplierId: 's',
		itemId: 'i',
		validFrom: '2026-01-01',
		validTo: '2026-06-30',
		breaks: [
			{ minQty: 0, unitPriceCents: 1000 },
			{ minQty: 100, unitPriceCents: 900 },
			{ minQty: 500, unitPriceCents: 800 }
		],
		...extra
	});

describe('price lists', () => {
	it.each([
		[1, 1000],
		[99, 1000],
		[100, 900], // exactly at the break
		[499.5, 900],
		[500, 800]
	])('qty %d → %d cents', (qty, price) => expect(unitPriceAt(entry('e'), qty)).toBe(price));

	it.each([
		['2025-12-31', false],
		['2026-01-01', true],
		['2026-06-30', true],
		['2026-07-01', false]
	])('valid on %s: %s', (day, valid) => expect(isValidOn(entry('e'), day)).toBe(valid));

	it('a quote beats the list; among lists the latest start wins', () => {
		const list1 = entry('a');
		const list2 = entry('b', { validFrom: '2026-03-01' });
		const quote = entry('c', { source: 'quote' });
		expect(applicableEntry([list1, list2], 's', 'i', '2026-04-01')?.id).toBe('b');
		expect(applicableEntry([list1, list2, quote], 's', 'i', '2026-04-01')?.id).toBe('c');
		expect(applicableEntry([list1], 's', 'i', '2026-07-01')).toBeNull();
	});

	it('refuses an entry that ends before it starts', () => {
		expect(priceListEntrySchema.safeParse({ ...entry('x'), validTo: '2025-01-01' }).success).toBe(
			false
		);
	});
});
