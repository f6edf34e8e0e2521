// The movable relay clock the browser tests use for month-ends (STOCKFLOW_TEST_CLOCK=1): the
// route exists only when asked for, answers loopback only, refuses garbage, and moves what
// devices are told the time is (message 101) — then goes back to the machine's clock.

import { afterEach, describe, expect, it } from 'vitest';
import { createAdjustableClock, testClockFromEnv } from '../../sync-server/test-clock';
import { startTestRelay, tempDir, type TestRelay } from './fixtures/relay';

const OCT_20 = Date.UTC(2026, 9, 20, 2);
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
	while (cleanups.length) await cleanups.pop()?.();
});

async function relay(withClock: boolean): Promise<TestRelay> {
	const dir = tempDir();
	const r = await startTestRelay({
		dataDir: dir.path,
		...(withClock ? { testClock: createAdjustableClock() } : {})
	});
	cleanups.push(() => dir.remove());
	cleanups.push(() => r.close());
	return r;
}

function put(r: TestRelay, body: string): Promise<Response> {
	return fetch(`${r.http}/api/test/clock`, {
		method: 'PUT',
		headers: { 'content-type': 'application/json' },
		body
	});
}

describe('the movable relay clock', () => {
	it('runs on from the time it was set and returns to the machine clock on null', () => {
		let machine = Date.UTC(2026, 11, 7, 9);
		const clock = createAdjustableClock(() => machine);
		clock.set(OCT_20);
		expect(clock.nowMs()).toBe(OCT_20);
		machine += 5_000;
		expect(clock.nowMs()).toBe(OCT_20 + 5_000);
		clock.set(null);
		expect(clock.nowMs()).toBe(machine);
	});

	it('is set over PUT /api/test/clock and refuses what is not a time', async () => {
		const r = await relay(true);
		const set = await put(r, JSON.stringify({ atMs: OCT_20 }));
		expect(set.status).toBe(200);
		const { nowMs } = (await set.json()) as { nowMs: number };
		expect(nowMs - OCT_20).toBeGreaterThanOrEqual(0);
		expect(nowMs - OCT_20).toBeLessThan(5_000);
		expect((await put(r, JSON.stringify({ atMs: 'tomorrow' }))).status).toBe(400);
		expect((await put(r, '{not json')).status).toBe(400);
		const get = await fetch(`${r.http}/api/test/clock`);
		expect(get.status).toBe(405);
		const back = await put(r, JSON.stringify({ atMs: null }));
		const real = ((await back.json()) as { nowMs: number }).nowMs;
		expect(Math.abs(real - Date.now())).toBeLessThan(5_000);
	});

	it('does not exist unless STOCKFLOW_TEST_CLOCK=1', async () => {
		const r = await relay(false);
		expect((await put(r, JSON.stringify({ atMs: OCT_20 }))).status).toBe(404);
		expect(testClockFromEnv({})).toBe(false);
		expect(testClockFromEnv({ STOCKFLOW_TEST_CLOCK: '1' })).toBe(true);
		expect(() => testClockFromEnv({ STOCKFLOW_TEST_CLOCK: 'yes' })).toThrow(/STOCKFLOW_TEST_CLOCK/);
	});
});
