// The relay is the devices' time reference (issue 15, point 3): message 101 answered at once
// with the relay's clock; a device whose clock is 400 days ahead (or back in 2001) stamps its
// receipts in the relay's time once connected.

import 'fake-indexeddb/auto';
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createItem, createWarehouse } from '../../src/lib/commands/catalog';
import { recordReceipt } from '../../src/lib/commands/movements';
import { stampWallMs } from '../../src/lib/domain/clock/hlc';
import { memoryKeyValueStore } from '../../src/lib/storage/kv';
import { WorkspaceRuntime } from '../../src/lib/state/workspace-runtime';
import { MESSAGE_TIME_ANSWER, encodeTimeQuery, readTimeAnswer } from '../../src/lib/sync/protocol';
import { syncServerUrl } from '../../src/lib/sync/ws-url';
import { openRawOrThrow, waitFor } from './fixtures/clients';
import { startTestRelay, tempDir, token, type TestRelay } from './fixtures/relay';

const WS = 'timeref';
const DAY = 86_400_000;
// A relay clock well away from the machine's (the token itself is checked against real time).
const RELAY_MS = Date.UTC(2026, 5, 1, 9);
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
	while (cleanups.length) await cleanups.pop()?.();
});

async function relay(nowMs: () => number = Date.now): Promise<TestRelay> {
	const dir = tempDir();
	const r = await startTestRelay({ dataDir: dir.path, integrityChecks: true, nowMs });
	cleanups.push(() => dir.remove());
	cleanups.push(() => r.close());
	return r;
}

describe('message 101', () => {
	it('is answered with the relay’s clock', async () => {
		const r = await relay(() => RELAY_MS);
		const raw = await openRawOrThrow(
			`${r.ws}/sync/${WS}/catalog?token=${await token(WS, 'admin')}`
		);
		cleanups.push(() => raw.ws.close());
		raw.send(encodeTimeQuery());
		await waitFor(() => raw.received.some((f) => f[0] === MESSAGE_TIME_ANSWER), 'the answer');
		const frame = raw.received.find((f) => f[0] === MESSAGE_TIME_ANSWER)!;
		const decoder = decoding.createDecoder(frame);
		decoding.readVarUint(decoder);
		expect(readTimeAnswer(decoder)).toBe(RELAY_MS);
	});
});

describe('a device with a wrong clock, online', () => {
	it.each([
		['400 days ahead', 400 * DAY],
		['back in June 2001', Date.UTC(2001, 5, 1) - Date.now()]
	])('stamps in the relay’s time when its clock is %s', async (_label, skewMs) => {
		const r = await relay();
		const rt = new WorkspaceRuntime({
			session: {
				workspace: WS,
				token: await token(WS, 'admin', { user: 'amy' }),
				role: 'admin',
				user: 'amy',
				expMs: 9e15
			},
			kv: memoryKeyValueStore(),
			serverUrl: syncServerUrl(r.ws, WS),
			storageNamespace: `${WS}-${skewMs}`,
			nowMs: () => Date.now() + skewMs,
			WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket
		});
		cleanups.push(() => rt.close());
		await rt.ready;
		await waitFor(() => rt.relayClock.measured(), 'the relay’s time');
		const ctx = rt.context();
		const item = createItem(ctx, { code: 'A', name: 'a', unit: 'pcs' });
		const wh = createWarehouse(ctx, { code: 'W', name: 'w' });
		const receipt = recordReceipt(ctx, {
			itemId: item.id,
			warehouseId: wh.id,
			qty: 1,
			unit: 'pcs'
		});
		expect(Math.abs(stampWallMs(receipt.at) - Date.now())).toBeLessThan(2_000);
		expect(Math.abs(rt.relayClock.offsetMs() + skewMs)).toBeLessThan(2_000);
	});
});
