// A relay clock the browser tests can move (`STOCKFLOW_TEST_CLOCK=1`, never in production):
// since the relay is the devices' time reference (message 101), a test that plays out a
// month-end has to move the relay's time, not only the browsers'. The clock keeps running
// from wherever it was set; everything on the relay reads it (sessions, sign-in links, the
// time devices stamp with). `PUT /api/test/clock` with `{"atMs": <epoch ms> | null}` sets it
// (null: back to the machine's clock), from loopback only; without the variable the route
// does not exist.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { isLoopback } from './metrics-access';
import { readJsonBody, sendJson } from './token-api';

export interface AdjustableClock {
	nowMs(): number;
	/** Sets the time (it runs on from there); null returns to the machine's clock. */
	set(atMs: number | null): void;
}

export function createAdjustableClock(machineMs: () => number = Date.now): AdjustableClock {
	let offsetMs = 0;
	return {
		nowMs: () => machineMs() + offsetMs,
		set(atMs) {
			offsetMs = atMs === null ? 0 : atMs - machineMs();
		}
	};
}

/** Whether `STOCKFLOW_TEST_CLOCK` asks for a movable clock ("1"); other values throw. */
export function testClockFromEnv(env: NodeJS.ProcessEnv): boolean {
	const value = env.STOCKFLOW_TEST_CLOCK;
	if (value === undefined || value === '' || value === '0') return false;
	if (value !== '1') throw new Error(`STOCKFLOW_TEST_CLOCK must be "1" or unset, not "${value}"`);
	return true;
}

export async function handleTestClock(
	req: IncomingMessage,
	res: ServerResponse,
	clock: AdjustableClock
): Promise<void> {
	if (!isLoopback(req.socket.remoteAddress)) {
		return sendJson(res, 403, { error: 'test clock: loopback only' });
	}
	const body = await readJsonBody(req, res);
	if (body === undefined) return;
	const atMs = (body as { atMs?: unknown } | null)?.atMs;
	if (atMs !== null && !(typeof atMs === 'number' && Number.isFinite(atMs))) {
		return sendJson(res, 400, { error: 'atMs must be epoch milliseconds or null' });
	}
	clock.set(atMs);
	sendJson(res, 200, { nowMs: clock.nowMs() });
}
