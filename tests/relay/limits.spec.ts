// Limits that protect the relay from one client: a slow consumer is dropped instead of
// growing the relay's memory, a flooding connection is closed, and an update that would
// make a document too large is refused with a clear close reason. Real sockets on 127.0.0.1.

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, openRawOrThrow, syncFrame, waitFor, waitSynced } from './fixtures/clients';
import { metric, startTestRelay, tempDir, token, type TestRelay } from './fixtures/relay';
import type { RelayLimits } from '../../sync-server/limits';
import { useCleanups } from './fixtures/cleanups';

const { cleanups, track } = useCleanups();

async function relayWith(limits: Partial<RelayLimits>): Promise<TestRelay> {
	const dir = tempDir();
	const relay = await startTestRelay({ dataDir: dir.path, limits });
	cleanups.push(
		() => dir.remove(),
		() => relay.close()
	);
	return relay;
}

/** One Yjs update that sets `key` to a string of `bytes` characters. */
function bigUpdate(key: string, bytes: number): Uint8Array {
	const doc = new Y.Doc();
	doc.getMap('items').set(key, 'x'.repeat(bytes));
	return Y.encodeStateAsUpdate(doc);
}

describe('relay limits', () => {
	it('disconnects a consumer that stops reading (4408) instead of buffering for it', async () => {
		const relay = await relayWith({ maxBufferedBytes: 256 * 1024 });
		const doc = 'ledger-2026-11';
		const writer = track(connectClient(relay.ws, 'acme', doc, await token('acme', 'warehouse')));
		const healthy = track(connectClient(relay.ws, 'acme', doc, await token('acme', 'viewer')));
		await Promise.all([waitSynced(writer), waitSynced(healthy)]);
		const stalled = await openRawOrThrow(
			`${relay.ws}/sync/acme/${doc}?token=${await token('acme', 'viewer')}`
		);
		cleanups.push(() => stalled.ws.terminate());
		// Wait for the initial sync, then stop reading: TCP back-pressure fills the kernel
		// buffers and then the relay's send buffer for this connection.
		await waitFor(() => stalled.received.length > 0, 'the stalled client to get sync step 1');
		stalled.ws.pause();

		const movements = writer.doc.getArray<string>('movements');
		let written = 0;
		while ((await metric(relay.http, 'stockflow_slow_consumers_dropped_total')) === 0) {
			if (written > 600) throw new Error('the relay never dropped the stalled consumer');
			for (let i = 0; i < 10; i++) movements.push([`${written++}:${'x'.repeat(50_000)}`]);
			await waitFor(() => healthy.doc.getArray('movements').length === written, 'healthy reader');
		}
		stalled.ws.resume();
		const closed = await stalled.closed;
		expect(closed.code).toBe(4408);
		expect(closed.reason).toMatch(/slow consumer/);

		// Everyone else is unaffected.
		movements.push(['after']);
		await waitFor(() => healthy.doc.getArray('movements').length === written + 1, 'healthy reader');
		expect(writer.provider.wsconnected && healthy.provider.wsconnected).toBe(true);
	});

	it('closes a connection that sends faster than its rate (4429) and counts it', async () => {
		const relay = await relayWith({ messagesPerSecond: 5, messageBurst: 20 });
		const url = `${relay.ws}/sync/acme/catalog?token=${await token('acme', 'admin')}`;
		const calm = await openRawOrThrow(url);
		cleanups.push(() => calm.ws.terminate());
		for (let i = 0; i < 10; i++) calm.send(Uint8Array.of(3)); // query awareness, within burst
		await calm.queryStateVector();

		const flood = await openRawOrThrow(url);
		for (let i = 0; i < 100; i++) flood.send(Uint8Array.of(3));
		const closed = await flood.closed;
		expect(closed.code).toBe(4429);
		expect(closed.reason).toMatch(/rate limit/);
		expect(await metric(relay.http, 'stockflow_rate_limited_total')).toBe(1);
		expect(calm.ws.readyState).toBe(calm.ws.OPEN);
	});

	it('refuses an update that would pass the document size limit (4413) and stores nothing of it', async () => {
		const relay = await relayWith({ maxDocBytes: 50_000 });
		const url = `${relay.ws}/sync/acme/catalog?token=${await token('acme', 'admin')}`;
		const raw = await openRawOrThrow(url);
		raw.send(syncFrame(2, bigUpdate('small', 20_000)));
		await raw.queryStateVector(); // the small one is stored and applied
		raw.send(syncFrame(2, bigUpdate('large', 40_000)));
		const closed = await raw.closed;
		expect(closed.code).toBe(4413);
		expect(closed.reason).toMatch(/document too large: limit 50000 bytes/);
		expect(await metric(relay.http, 'stockflow_doc_too_large_total')).toBe(1);

		const fresh = track(connectClient(relay.ws, 'acme', 'catalog', await token('acme', 'viewer')));
		await waitSynced(fresh);
		expect([...fresh.doc.getMap('items').keys()]).toEqual(['small']);
	});
});
