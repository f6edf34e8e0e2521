// Time you can trust (issue 15, point 3): a device never adopts a remote wall time far ahead of
// its own clock, and its stamps never go backwards across restarts.
import { describe, expect, it } from 'vitest';
import { compareStamps, createHlc, formatStamp, stampWallMs } from './hlc';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 7, 9);
const BOUND = 5 * 60_000;

describe('a bound on remote wall times', () => {
	it('adopts a stamp exactly at the bound, not one a millisecond beyond it', () => {
		const flagged: number[] = [];
		const clock = createHlc('good', () => NOW, {
			maxAheadMs: BOUND,
			onFarAhead: (_stamp, aheadMs) => flagged.push(aheadMs)
		});
		const atBound = formatStamp({ wallMs: NOW + BOUND, counter: 3, device: 'peer' });
		const beyond = formatStamp({ wallMs: NOW + BOUND + 1, counter: 0, device: 'peer' });
		expect(clock.receive(beyond)).toBe(false);
		expect(flagged).toEqual([BOUND + 1]);
		expect(stampWallMs(clock.now())).toBe(NOW);
		expect(clock.receive(atBound)).toBe(true);
		expect(clock.now() > atBound).toBe(true);
	});

	it('a device 400 days ahead does not move a correct device’s receipts into 2028', () => {
		const ahead = createHlc('ahead', () => NOW + 400 * DAY);
		const correct = createHlc('correct', () => NOW, { maxAheadMs: BOUND });
		const futureReceipt = ahead.now();
		expect(correct.receive(futureReceipt)).toBe(false);
		const next = correct.now();
		expect(new Date(stampWallMs(next)).toISOString().slice(0, 7)).toBe('2026-12');
	});
});

describe('the persisted high-water mark', () => {
	it('keeps stamps increasing after a restart with the clock set back to 2001', () => {
		let persisted: string | null = null;
		const before = createHlc('dev', () => NOW, { onAdvance: (s) => (persisted = s) });
		const last = before.now();
		expect(persisted).toBe(last);
		const reset = Date.UTC(2001, 5, 1);
		const after = createHlc('dev', () => reset, { start: persisted });
		const next = after.now();
		expect(compareStamps(next, last)).toBe(1);
		expect(stampWallMs(next)).toBe(NOW);
	});

	it('starts from the clock when nothing (or garbage) was persisted', () => {
		expect(stampWallMs(createHlc('dev', () => NOW, { start: null }).now())).toBe(NOW);
		expect(stampWallMs(createHlc('dev', () => NOW, { start: 'not a stamp' }).now())).toBe(NOW);
	});
});

describe('dropping a high-water mark far ahead once the relay answered', () => {
	it('keeps a mark exactly at the bound, drops one a millisecond beyond it', () => {
		let wall = NOW + BOUND;
		const atBound = createHlc('dev', () => wall, { maxAheadMs: BOUND });
		atBound.now();
		wall = NOW;
		expect(atBound.dropFarAhead()).toBeNull();
		expect(stampWallMs(atBound.now())).toBe(NOW + BOUND);

		wall = NOW + BOUND + 1;
		const beyond = createHlc('dev', () => wall, { maxAheadMs: BOUND });
		const future = beyond.now();
		wall = NOW;
		expect(beyond.dropFarAhead()).toBe(future);
		expect(beyond.now()).toBe(formatStamp({ wallMs: NOW, counter: 1, device: 'dev' }));
	});

	it('a device that stamped 400 days ahead offline stamps today once corrected', () => {
		let wall = NOW + 400 * DAY;
		const persisted: string[] = [];
		const clock = createHlc('dev', () => wall, {
			maxAheadMs: BOUND,
			onAdvance: (s) => persisted.push(s)
		});
		clock.now();
		wall = NOW;
		clock.dropFarAhead();
		expect(stampWallMs(clock.now())).toBe(NOW);
		expect(stampWallMs(persisted.at(-1)!)).toBe(NOW);
	});
});
