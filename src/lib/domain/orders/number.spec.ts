import { describe, expect, it } from 'vitest';
import { deviceTag, nextOrderNumber } from './number';

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
