import { describe, expect, it } from 'vitest';
import { conversionCentsPerUnit } from './conversion';

const centers = [
	{ id: 'asm', costPerHourCents: 12_345 },
	{ id: 'pack', costPerHourCents: 60_000 },
	{ id: 'free', costPerHourCents: 0 }
];

describe('conversion cost per finished unit', () => {
	it('is minutes × hourly rate ÷ 60, summed over the steps, rounded once to the cent', () => {
		// 30 min at 123.45/h = 61.725 → 61.73 (exactly on the half cent: up); 7 min at 600.00/h = 70.00.
		expect(conversionCentsPerUnit([{ workCenterId: 'asm', minutesPerUnit: 30 }], centers)).toBe(
			6173
		);
		expect(
			conversionCentsPerUnit(
				[
					{ workCenterId: 'asm', minutesPerUnit: 30 },
					{ workCenterId: 'pack', minutesPerUnit: 7 }
				],
				centers
			)
		).toBe(13_173);
	});

	it('rounds just under the half cent down', () => {
		// 1 min at 0.29/h = 0.4833… cents → 0; 1 min at 0.30/h = 0.5 cents → 1.
		expect(
			conversionCentsPerUnit(
				[{ workCenterId: 'x', minutesPerUnit: 1 }],
				[{ id: 'x', costPerHourCents: 29 }]
			)
		).toBe(0);
		expect(
			conversionCentsPerUnit(
				[{ workCenterId: 'x', minutesPerUnit: 1 }],
				[{ id: 'x', costPerHourCents: 30 }]
			)
		).toBe(1);
	});

	it('adds nothing for unpriced or unknown centres and for an order without routing', () => {
		expect(conversionCentsPerUnit([], centers)).toBe(0);
		expect(
			conversionCentsPerUnit(
				[
					{ workCenterId: 'free', minutesPerUnit: 90 },
					{ workCenterId: 'gone', minutesPerUnit: 90 }
				],
				centers
			)
		).toBe(0);
	});
});
