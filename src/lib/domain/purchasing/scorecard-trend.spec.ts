import { describe, expect, it } from 'vitest';
import type { Scorecard } from './scorecard';
import { lastMonths, pooledTrend } from './scorecard-trend';

const card = (months: Scorecard['months']): Scorecard => ({
	supplierId: 's',
	orders: 1,
	judgedLines: 0,
	onTimeLines: 0,
	onTimeRate: null,
	deliveredQty: 0,
	acceptedQty: 0,
	qualityRate: null,
	priceVariance: null,
	plannedCents: 0,
	actualCents: 0,
	saving: null,
	savingSources: [],
	avgDaysLate: null,
	months
});

describe('pooled monthly trend', () => {
	it('adds lines and quantities over suppliers instead of averaging their rates', () => {
		const a = card([{ month: '2026-10', judged: 1, onTime: 1, delivered: 10, accepted: 10 }]);
		const b = card([{ month: '2026-10', judged: 3, onTime: 0, delivered: 90, accepted: 81 }]);
		expect(pooledTrend([a, b], ['2026-09', '2026-10'])).toEqual([
			{ month: '2026-09', onTimeRate: null, qualityRate: null },
			{ month: '2026-10', onTimeRate: 0.25, qualityRate: 0.91 }
		]);
	});

	it('the last months cross the year boundary', () => {
		expect(lastMonths('2026-02-10', 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
	});
});
