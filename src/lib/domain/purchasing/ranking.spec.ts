import { describe, expect, it } from 'vitest';
import { priceListEntrySchema } from './price-list';
import { DEFAULT_WEIGHTS, rankOffers, type Offer } from './ranking';
import { suppliedItemSchema } from './supplier';
import { supplier } from './test-support';

function offer(
	code: string,
	priceCents: number,
	leadTimeDays: number,
	onTime: number | null,
	quality: number | null,
	extra: Partial<{
		moq: number;
		currency: 'TWD' | 'USD';
		landedExtraPct: number;
		blocked: boolean;
	}> = {}
): Offer {
	return {
		supplier: supplier({ id: code, code, name: code, blocked: extra.blocked ?? false }),
		terms: suppliedItemSchema.parse({ itemId: 'i', leadTimeDays, moq: extra.moq ?? 0 }),
		entry: priceListEntrySchema.parse({
			id: `e-${code}`,
			supplierId: code,
			itemId: 'i',
			currency: extra.currency ?? 'TWD',
			validFrom: '2026-01-01',
			breaks: [{ minQty: 0, unitPriceCents: priceCents }],
			landedExtraPct: extra.landedExtraPct ?? 0
		}),
		onTimeRate: onTime,
		qualityRate: quality
	};
}

const base = {
	neededQty: 100,
	needDate: '2026-11-11',
	today: '2026-11-01',
	weights: DEFAULT_WEIGHTS,
	fxToBase: { TWD: 1, USD: 32 }
};

describe('rankOffers', () => {
	it('price-only weights pick the cheapest landed price', () => {
		const r = rankOffers({
			...base,
			weights: { price: 1, leadTime: 0, onTime: 0, quality: 0 },
			offers: [offer('A', 1000, 5, 1, 1), offer('B', 900, 5, 0.5, 0.5)]
		});
		expect(r.recommended?.supplierCode).toBe('B');
		expect(r.recommended?.notes).toContain('lowest-price');
	});

	it('lead time exactly on the need date is in time; one day later is late', () => {
		const r = rankOffers({
			...base,
			offers: [offer('A', 1000, 10, 1, 1), offer('B', 1000, 11, 1, 1)]
		});
		const a = r.offers.find((o) => o.supplierCode === 'A');
		const b = r.offers.find((o) => o.supplierCode === 'B');
		expect([a?.daysLate, a?.scores.leadTime, a?.notes.includes('in-time')]).toEqual([0, 1, true]);
		expect(b?.daysLate).toBe(1);
		expect(b?.scores.leadTime).toBeCloseTo(1 - 1 / 30, 4);
		expect(r.recommended?.supplierCode).toBe('A');
	});

	it('a cheaper but late, unreliable supplier loses under the default weights', () => {
		const r = rankOffers({
			...base,
			offers: [offer('CHEAP', 950, 40, 0.6, 0.8), offer('GOOD', 1000, 7, 0.98, 0.99)]
		});
		expect(r.offers.map((o) => o.supplierCode)).toEqual(['GOOD', 'CHEAP']);
		expect(r.offers.map((o) => o.rank)).toEqual([1, 2]);
	});

	it('landed cost includes MOQ, freight/duty and currency', () => {
		const r = rankOffers({
			...base,
			offers: [
				offer('MOQ', 1000, 5, 1, 1, { moq: 200 }),
				offer('USD', 30, 5, 1, 1, { currency: 'USD', landedExtraPct: 10 })
			]
		});
		const moq = r.offers.find((o) => o.supplierCode === 'MOQ');
		const usd = r.offers.find((o) => o.supplierCode === 'USD');
		// 200 × 10.00 = 2000.00 for 100 needed → 20.00 per needed unit.
		expect([moq?.orderQty, moq?.landedUnitCents, moq?.notes.includes('moq-raises-qty')]).toEqual([
			200,
			2000,
			true
		]);
		// 0.30 USD × 32 × 1.10 = 10.56 TWD.
		expect(usd?.landedUnitCents).toBe(1056);
		expect(r.recommended?.supplierCode).toBe('USD');
	});

	it('equal scores: lower landed price, then code, break the tie the same way everywhere', () => {
		const r = rankOffers({
			...base,
			offers: [offer('Z', 1000, 5, 1, 1), offer('A', 1000, 5, 1, 1)]
		});
		expect(r.offers.map((o) => o.supplierCode)).toEqual(['A', 'Z']);
	});

	it('no history scores neutral and says so', () => {
		const r = rankOffers({ ...base, offers: [offer('NEW', 1000, 5, null, null)] });
		expect(r.offers[0]?.scores.onTime).toBe(0.5);
		expect(r.offers[0]?.notes).toContain('no-history');
	});

	it('a blocked supplier is listed, not ranked, never recommended', () => {
		const r = rankOffers({
			...base,
			offers: [offer('BLK', 1, 1, 1, 1, { blocked: true }), offer('OK', 1000, 5, 1, 1)]
		});
		expect(r.recommended?.supplierCode).toBe('OK');
		expect(r.offers.at(-1)).toMatchObject({
			supplierCode: 'BLK',
			rank: null,
			excluded: 'supplier-blocked'
		});
	});
});
