// A device back from a long offline spell sends its changes as one sync step 2 of hundreds of
// KB: the relay decodes and checks it on its integrity check thread (integrity/relay-check.ts)
// while the room's live updates go on. Over real sockets with stock y-websocket clients: a
// refused catch-up reaches no listener, no fresh client and nothing survives a restart; a
// legitimate one interleaved with live updates to the same room ends in the known right state.

import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Role } from '../../src/lib/domain/auth/roles';
import { createHlc } from '../../src/lib/domain/clock/hlc';
import { THREAD_MIN_BYTES } from '../../sync-server/update-check';
import { connectClient, waitFor, waitSynced, type Client } from './fixtures/clients';
import { metric, startTestRelay, tempDir, token, type TestRelay } from './fixtures/relay';

const WS = 'acme';
const LEDGER = `ledger-${new Date().toISOString().slice(0, 7)}`;
/** About 140 bytes each: 3,000 make a catch-up past THREAD_MIN_BYTES. */
const CATCH_UP = 3000;

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
	while (cleanups.length) await cleanups.pop()?.();
});

async function relayOn(dir: string): Promise<TestRelay> {
	const relay = await startTestRelay({ dataDir: dir, integrityChecks: true, roomGraceMs: 0 });
	cleanups.push(() => relay.close());
	return relay;
}

async function client(relay: TestRelay, role: Role, user: string): Promise<Client> {
	const c = connectClient(relay.ws, WS, LEDGER, await token(WS, role, { user }));
	cleanups.push(() => c.destroy());
	await waitSynced(c);
	return c;
}

type Entry = { id: string; qty: number } & Record<string, unknown>;
const ledger = (doc: Y.Doc): Y.Array<Entry> => doc.getArray('movements');
const ids = (doc: Y.Doc): string[] => ledger(doc).map((m) => m.id);

function push(doc: Y.Doc, device: string, user: string, from: number, count: number, badAt = -1) {
	const clock = createHlc(device, Date.now);
	doc.transact(() => {
		for (let i = from; i < from + count; i++)
			ledger(doc).push([
				{
					id: `${device}-${i}`,
					at: clock.now(),
					itemId: `item-${i % 50}`,
					warehouseId: 'wh-1',
					qty: i === badAt ? 0 : 1 + (i % 9),
					reason: 'receipt',
					device,
					user
				}
			]);
	});
}

/** Writes offline; the size of the catch-up the device will send (a thread-checked one). */
function offlineWrite(device: Client, write: () => void): number {
	device.provider.disconnect();
	const before = Y.encodeStateVector(device.doc);
	write();
	return Y.encodeStateAsUpdate(device.doc, before).byteLength;
}

const refused = (relay: TestRelay, reason: string): Promise<number> =>
	metric(relay.http, `stockflow_refused_updates_total{reason="${reason}"}`);

describe('a large catch-up checked off the relay’s thread', () => {
	it('refused, reaches nobody, now or after a restart', async () => {
		const dir = tempDir();
		cleanups.push(() => dir.remove());
		let relay = await relayOn(dir.path);
		const admin = await client(relay, 'admin', 'chen');
		push(admin.doc, 'seed', 'chen', 0, 2);
		const listener = await client(relay, 'viewer', 'viewer');
		await waitFor(() => ids(listener.doc).length === 2, 'the seed to reach the listener');
		const device = await client(relay, 'warehouse', 'wang');
		await waitFor(() => ids(device.doc).length === 2, 'the seed to reach the device');

		// 3,000 movements, the last one with quantity 0.
		const bytes = offlineWrite(device, () =>
			push(device.doc, 'dev.1', 'wang', 0, CATCH_UP, CATCH_UP - 1)
		);
		expect(bytes).toBeGreaterThanOrEqual(THREAD_MIN_BYTES);
		device.provider.connect();
		await waitFor(async () => (await refused(relay, 'schema')) === 1, 'the refusal', 30_000);
		await new Promise((r) => setTimeout(r, 300));
		expect(ids(listener.doc)).toEqual(['seed-0', 'seed-1']);
		const fresh = await client(relay, 'viewer', 'viewer');
		expect(ids(fresh.doc)).toEqual(['seed-0', 'seed-1']);

		for (const c of [admin, listener, device, fresh]) c.provider.disconnect();
		await relay.close();
		relay = await relayOn(dir.path);
		const afterRestart = await client(relay, 'viewer', 'viewer');
		expect(ids(afterRestart.doc)).toEqual(['seed-0', 'seed-1']);
	}, 60_000);

	it('legitimate, interleaved with live updates to the same room: every client ends with all of them', async () => {
		const dir = tempDir();
		cleanups.push(() => dir.remove());
		let relay = await relayOn(dir.path);
		const admin = await client(relay, 'admin', 'chen');
		push(admin.doc, 'seed', 'chen', 0, 2);
		const listener = await client(relay, 'viewer', 'viewer');
		const live = await client(relay, 'warehouse', 'lin');
		const device = await client(relay, 'warehouse', 'wang');
		await waitFor(() => ids(device.doc).length === 2, 'the seed to reach the device');

		const bytes = offlineWrite(device, () => push(device.doc, 'dev.1', 'wang', 0, CATCH_UP));
		expect(bytes).toBeGreaterThanOrEqual(THREAD_MIN_BYTES);
		// What reached the listener before the first movement of the catch-up did.
		let liveBeforeCatchUp: number | null = null;
		ledger(listener.doc).observe(() => {
			if (liveBeforeCatchUp !== null || !ids(listener.doc).includes('dev.1-0')) return;
			liveBeforeCatchUp = ids(listener.doc).filter((id) => id.startsWith('dev.live')).length;
		});
		// The live clerk writes one movement every 5 ms while the catch-up is checked.
		device.provider.connect();
		for (let i = 0; i < 60; i++) {
			push(live.doc, 'dev.live', 'lin', i, 1);
			await new Promise((r) => setTimeout(r, 5));
		}

		const expected = [
			'seed-0',
			'seed-1',
			...Array.from({ length: CATCH_UP }, (_, i) => `dev.1-${i}`),
			...Array.from({ length: 60 }, (_, i) => `dev.live-${i}`)
		].sort();
		// Σ qty: 1 + i % 9 over each device's movements.
		const qty = (count: number): number =>
			Array.from({ length: count }, (_, i) => 1 + (i % 9)).reduce((a, b) => a + b, 0);
		const expectedQty = qty(2) + qty(CATCH_UP) + qty(60);
		const total = (doc: Y.Doc): number =>
			ledger(doc)
				.toArray()
				.reduce((sum, m) => sum + m.qty, 0);

		const clients = [admin, listener, live, device];
		for (const c of clients)
			await waitFor(() => ids(c.doc).length === expected.length, 'every movement', 30_000);
		for (const c of clients) {
			expect([...ids(c.doc)].sort()).toEqual(expected);
			expect(total(c.doc)).toBe(expectedQty);
			// One order for everyone: the same merged doc.
			expect(ids(c.doc)).toEqual(ids(listener.doc));
		}
		// The room moved on while the catch-up was checked (it was applied on top of that).
		expect(liveBeforeCatchUp).toBeGreaterThan(0);
		expect(await refused(relay, 'schema')).toBe(0);
		expect(await refused(relay, 'gap')).toBe(0);

		for (const c of clients) c.provider.disconnect();
		await relay.close();
		relay = await relayOn(dir.path);
		const afterRestart = await client(relay, 'viewer', 'viewer');
		expect(ids(afterRestart.doc)).toEqual(ids(listener.doc));
	}, 60_000);
});
