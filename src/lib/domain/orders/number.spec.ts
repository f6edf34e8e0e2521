import { describe, expect, it } from 'vitest';
import { deviceTag, nextOrderNumber, numberScheme } from './number';

describe('order numbers', () => {
	it('continue this device’s sequence for the year and skip taken numbers', () => {
		const tag = deviceTag('devA');
		expect(nextOrderNumber([], 'devA', 2026)).toBe(`SO-2026-${tag}-000001`);
		expect(nextOrderNumber([`SO-2026-${tag}-000007`, `SO-2025-${tag}-000099`], 'devA', 2026)).toBe(
			`SO-2026-${tag}-000008`
		);
	});
	it('two devices never produce the same number offline', () => {
		const a = nextOrderNumber([], 'devA', 2026);
		const b = nextOrderNumber([], 'devB', 2026);
		expect(a).not.toBe(b);
		expect(deviceTag('devA')).toMatch(/^[0-9A-Z]{4}$/);
	});
});

describe('number schemes', () => {
	const pr = numberScheme('PR');

	it('continue after the highest number of this prefix, tag and year only', () => {
		const taken = [
			'PR-2026-AB12-000041',
			'PR-2026-AB12-1000000', // past six digits still counts
			'PR-2025-AB12-2000000',
			'PR-2026-CD34-3000000',
			'PO-2026-AB12-4000000',
			'PR-2026-AB12-00005' // five digits: not a number of this scheme
		];
		expect(pr.next(taken, 'AB12', 2026, 2)).toEqual([
			'PR-2026-AB12-1000001',
			'PR-2026-AB12-1000002'
		]);
		expect(pr.next(['PR-2026-AB12-00005'], 'AB12', 2026, 1)).toEqual(['PR-2026-AB12-000001']);
	});

	it('give as many numbers as asked, none for none', () => {
		expect(pr.next([], 'AB12', 2026, 0)).toEqual([]);
		expect(pr.next([], 'AB12', 2026, 3)).toEqual([
			'PR-2026-AB12-000001',
			'PR-2026-AB12-000002',
			'PR-2026-AB12-000003'
		]);
	});

	it('never give a number already taken, even one the pattern does not read', () => {
		// A five-digit year is outside the pattern, so the sequence restarts: the taken one is skipped.
		expect(pr.next(['PR-10000-AB12-000001'], 'AB12', 10000, 1)).toEqual(['PR-10000-AB12-000002']);
	});
});
