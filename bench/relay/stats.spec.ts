import { describe, expect, it } from 'vitest';
import { histogram, percentile, pooledPercentile, ratioInterval, seededRandom } from './stats';

/** Latencies like a run's: mostly ~1 ms, a tail of stalls; `seed` varies the run. */
function run(seed: number, scale = 1, n = 2000): number[] {
	// Runs with neighbouring seeds are independent, as separate runs are.
	const next = seededRandom(Math.imul(seed, 0x9e3779b9));
	return Array.from({ length: n }, () => {
		const stall = next() < 0.02 ? 2 + next() * 6 : 0;
		return scale * (0.8 + next() * 0.6 + stall);
	});
}

describe('bench latency statistics', () => {
	it('pools runs into the percentile of all their latencies, within a bin (1.2%)', () => {
		const runs = [run(1), run(2), run(3)];
		const all = runs.flat().sort((x, y) => x - y);
		for (const p of [50, 99]) {
			const exact = percentile(all, p);
			const pooled = pooledPercentile(runs.map(histogram), p);
			expect(pooled).toBeGreaterThanOrEqual(exact);
			expect(pooled / exact).toBeLessThan(1.013);
		}
	});

	it('gives an interval holding 1 for two relays alike, and above 1 for a slower one', () => {
		const reference = [11, 12, 13, 14, 15].map((s) => histogram(run(s)));
		const alike = ratioInterval(
			[21, 22, 23, 24, 25].map((s) => histogram(run(s))),
			reference,
			99
		);
		expect(alike.low).toBeLessThan(1);
		expect(alike.high).toBeGreaterThan(1);
		const slower = ratioInterval(
			[21, 22, 23, 24, 25].map((s) => histogram(run(s, 1.4))),
			reference,
			99
		);
		expect(slower.ratio).toBeGreaterThan(1.25);
		expect(slower.low).toBeGreaterThan(1.1);
	});

	it('has no interval to give from a single run per relay', () => {
		const one = ratioInterval([histogram(run(1, 1.2))], [histogram(run(2))], 50);
		expect(one.low).toBe(one.ratio);
		expect(one.high).toBe(one.ratio);
		expect(one.ratio).toBeGreaterThan(1.1);
	});
});
