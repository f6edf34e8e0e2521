import { describe, expect, it } from 'vitest';
import { createPrng } from '../random/prng';
import { formatMicro, formatRatio, mulDiv, toMicro } from './fixed';

describe('toMicro', () => {
	it('reads decimals through their digits', () => {
		expect(toMicro(0.1)).toBe(100_000);
		expect(toMicro('2.5')).toBe(2_500_000);
		expect(toMicro(-3)).toBe(-3_000_000);
		expect(toMicro('0.000001')).toBe(1);
		expect(toMicro(3.33)).toBe(3_330_000);
		expect(toMicro('-0')).toBe(0);
	});

	it('refuses a seventh decimal, exponents and unsafe magnitudes', () => {
		expect(toMicro('0.0000001')).toBeNull();
		expect(toMicro(1e-7)).toBeNull();
		expect(toMicro(1e21)).toBeNull();
		expect(toMicro('9007199254.740993')).toBeNull();
		expect(toMicro('1,5')).toBeNull();
		expect(toMicro(Number.NaN)).toBeNull();
	});
});

describe('mulDiv', () => {
	it('rounds half away from zero, exactly on the half', () => {
		expect(mulDiv(5, 1, 2)).toBe(3);
		expect(mulDiv(-5, 1, 2)).toBe(-3);
		expect(mulDiv(4_999_999, 1, 10)).toBe(500_000);
		expect(mulDiv(10, 1, 3)).toBe(3);
		expect(mulDiv(20, 1, 3)).toBe(7);
	});

	it('takes the BigInt path past 2^53 and gives the exact answer', () => {
		// 9e15 × 3 / 7: the float product is not exact.
		expect(mulDiv(9_000_000_000_000_000, 3, 7)).toBe(3_857_142_857_142_857);
		expect(mulDiv(123_456_789_012, 987_654_321, 1_000_000)).toBe(121_932_631_124_487);
	});

	it('past 2^53 agrees with exact BigInt arithmetic, halves and signs included', () => {
		const exact = (a: number, b: number, c: number): number => {
			const p = BigInt(a) * BigInt(b);
			const d = BigInt(c);
			let q = p / d;
			const r = p - q * d;
			if (2n * (r < 0n ? -r : r) >= (d < 0n ? -d : d)) q += p < 0n !== d < 0n ? -1n : 1n;
			return Number(q);
		};
		const rng = createPrng(53);
		for (let i = 0; i < 20_000; i++) {
			const a = rng.int(1, 50_000_000) * rng.int(1, 1_000_000) * (rng.chance(0.3) ? -1 : 1);
			const b = rng.int(1, 2_000_000_000) * (rng.chance(0.3) ? -1 : 1);
			const c = rng.chance(0.5) ? 1_000_000 : rng.int(1, 2 ** 30) * rng.int(1, 2 ** 18);
			if (Math.abs((a * b) / c) >= 2 ** 52) continue;
			expect(mulDiv(a, b, c)).toBe(exact(a, b, c));
		}
		// Exact halves of odd products past 2^53.
		expect(mulDiv(7, 2 ** 51 + 1, 14)).toBe(2 ** 50 + 1);
		expect(mulDiv(-7, 2 ** 51 + 1, 14)).toBe(-(2 ** 50 + 1));
		expect(mulDiv(7, 2 ** 51 - 1, 14)).toBe(2 ** 50);
	});

	it('below 2^53 agrees with exact BigInt arithmetic, on both sides of 2^52 and with negatives', () => {
		const exact = (a: number, b: number, c: number): number => {
			const p = BigInt(a) * BigInt(b);
			const d = BigInt(c);
			let q = p / d;
			const r = p - q * d;
			if (2n * (r < 0n ? -r : r) >= (d < 0n ? -d : d)) q += p < 0n !== d < 0n ? -1n : 1n;
			return Number(q);
		};
		const rng = createPrng(52);
		const sign = () => (rng.chance(0.3) ? -1 : 1);
		const near = (bits: number) => sign() * (2 ** bits - rng.int(0, 5000));
		for (let i = 0; i < 20_000; i++) {
			const a = rng.chance(0.5)
				? near(rng.pick([40, 52, 53]))
				: sign() * rng.int(1, 2 ** 26) * rng.int(1, 2 ** 26);
			const b = rng.chance(0.7) ? sign() * rng.int(1, 3) : 1;
			const c = rng.chance(0.3) ? near(rng.pick([20, 51, 52])) : sign() * rng.int(1, 2 ** 30);
			if (!Number.isSafeInteger(a * b)) continue;
			expect(mulDiv(a, b, c)).toBe(exact(a, b, c));
		}
	});
});

describe('formatting', () => {
	it('formatMicro rounds money half up for output only', () => {
		expect(formatMicro(1_505_000, 2)).toBe('1.51');
		expect(formatMicro(1_504_999, 2)).toBe('1.50');
		expect(formatMicro(-1_505_000, 2)).toBe('-1.51');
		expect(formatMicro(500_000, 0)).toBe('1');
		expect(formatMicro(1, 6)).toBe('0.000001');
	});

	it('formatRatio divides two micro amounts', () => {
		expect(formatRatio(354_000_000, 1_800_000_000, 2)).toBe('0.20');
		expect(formatRatio(10_000_000, 3_000_000, 6)).toBe('3.333333');
		expect(formatRatio(5, 0, 2)).toBe('0.00');
	});
});
