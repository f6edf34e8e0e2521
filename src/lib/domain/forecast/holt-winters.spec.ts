import { describe, expect, it } from 'vitest';
import { fitHoltWinters, fitWith, forecastAhead, initialState, mape } from './holt-winters';
import { forecastItem, forecastTrust } from './item-forecast';

// NIST/SEMATECH e-Handbook of Statistical Methods, §6.4.3.5 "Triple Exponential Smoothing"
// (https://www.itl.nist.gov/div898/handbook/pmc/section4/pmc435.htm): six years of quarterly
// sales. The handbook's worked initialisation gives yearly averages 380, 419, 510.5, 591, 675,
// 716.75 and the initial trend b0 = 9.75.
const NIST = [
	362, 385, 432, 341, 382, 409, 498, 387, 473, 513, 582, 474, 544, 582, 681, 557, 628, 707, 773,
	592, 627, 725, 854, 661
];

describe('Holt-Winters on the NIST example', () => {
	it('initialises as the handbook does', () => {
		const init = initialState(NIST, 4, 'multiplicative');
		expect(init.seasonAverages).toEqual([380, 419, 510.5, 591, 675, 716.75]);
		expect(init.trend).toBeCloseTo(9.75, 10);
		// Quarter 3 is the peak and quarter 4 the trough in every year of the data.
		expect(init.season[2]).toBeGreaterThan(1.1);
		expect(init.season[3]).toBeLessThan(0.95);
	});

	it('forecasts the next year with the same seasonal shape and a rising level', () => {
		const fit = fitHoltWinters(NIST, 4, 'multiplicative');
		const next = forecastAhead(fit, 4).map((p) => p.value);
		expect(next[2]).toBeGreaterThan(next[1]!);
		expect(next[3]).toBeLessThan(next[2]!);
		expect(next[2]).toBeGreaterThan(854);
		expect(next[2]).toBeLessThan(1000);
	});
});

describe('synthetic seasonal series with known parameters', () => {
	// y_t = 100 + 2t + 20·sin(2πt/12): level 100, trend 2 per month, additive season of ±20.
	const y = Array.from(
		{ length: 48 },
		(_, t) => 100 + 2 * t + 20 * Math.sin((2 * Math.PI * t) / 12)
	);

	it('recovers trend and season closely and forecasts within 2 %', () => {
		const fit = fitHoltWinters(y, 12, 'additive');
		expect(fit.state.trend).toBeCloseTo(2, 0);
		const ahead = forecastAhead(fit, 12).map((p) => p.value);
		const truth = Array.from(
			{ length: 12 },
			(_, k) => 100 + 2 * (48 + k) + 20 * Math.sin((2 * Math.PI * (48 + k)) / 12)
		);
		expect(mape(truth, ahead)!).toBeLessThan(2);
	});

	it('widens the interval with the horizon', () => {
		const noisy = y.map((v, t) => v + (t % 3 === 0 ? 5 : -2.5));
		const points = forecastAhead(
			fitWith(noisy, 12, { alpha: 0.3, beta: 0.1, gamma: 0.2, mode: 'additive' }),
			13
		);
		const width = (i: number) => points[i]!.upper - points[i]!.lower;
		expect(width(12)).toBeGreaterThan(width(0));
		expect(points[0]!.lower).toBeLessThan(points[0]!.value);
	});

	it('an item with three years picks a seasonal model and reports hold-out MAPE', () => {
		const f = forecastItem(y.slice(0, 36), 6);
		expect(f.seasonLength).toBe(12);
		expect(f.mapePct!).toBeLessThan(5);
		expect(f.forecast).toHaveLength(6);
		expect(forecastItem([5, 5, 5], 2).forecast.map((p) => p.value)).toEqual([5, 5]);
	});
});

describe('forecast trust from MAPE', () => {
	it.each([
		[0, 'good'],
		[20, 'good'],
		[20.01, 'fair'],
		[50, 'fair'],
		[50.01, 'poor'],
		[null, 'poor']
	] as const)('MAPE %s %% is %s', (mapePct, trust) => {
		expect(forecastTrust(mapePct)).toBe(trust);
	});
});
