import { describe, expect, it } from 'vitest';
import { createRateLimiter, resolveLimits, DEFAULT_LIMITS } from './limits';

describe('createRateLimiter', () => {
	it('allows the burst, then the sustained rate', () => {
		let t = 0;
		const limiter = createRateLimiter(10, 3, () => t);
		expect([limiter.take(), limiter.take(), limiter.take(), limiter.take()]).toEqual([
			true,
			true,
			true,
			false
		]);
		t = 100; // 0.1 s at 10/s = one token
		expect([limiter.take(), limiter.take()]).toEqual([true, false]);
		t = 10_000; // refills only up to the burst
		expect([limiter.take(), limiter.take(), limiter.take(), limiter.take()]).toEqual([
			true,
			true,
			true,
			false
		]);
	});
});

describe('resolveLimits', () => {
	it('fills what is not given from the defaults', () => {
		expect(resolveLimits({ messageBurst: 5 })).toEqual({ ...DEFAULT_LIMITS, messageBurst: 5 });
		expect(resolveLimits(undefined)).toEqual(DEFAULT_LIMITS);
	});
});
