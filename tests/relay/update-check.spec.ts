// A device back after days offline sends its catch-up as one update of megabytes. Checking
// that it is a Yjs update costs about what applying it does; the relay does it on a thread,
// so the other rooms do not wait, and refuses a malformed one just as it refuses a small one.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createUpdateChecker } from '../../sync-server/update-check';
import {
	connectClient,
	openRawOrThrow,
	syncFrame,
	waitFor,
	waitSynced,
	type Client,
	type RawSocket
} from './fixtures/clients';
import { metric, TEST_SECRET, tempDir, token } from './fixtures/relay';
import { spawnRelay, type SpawnedRelay } from './fixtures/spawn-relay';

/** A month of movements recorded on many devices (so Yjs cannot merge them into a few structs). */
function catchUp(movements: number): Uint8Array {
	const doc = new Y.Doc();
	const array = doc.getArray<object>('movements');
	for (let start = 0; start < movements; start += 10) {
		doc.clientID = 1000 + ((start / 10) % 40);
		array.push(
			Array.from({ length: 10 }, (_, i) => ({
				id: `m-${start + i}`,
				item: `SKU-${(start + i) % 500}`,
				qty: 1 + (i % 9)
			}))
		);
	}
	const update = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	return update;
}

function smallEdit(): Uint8Array {
	const doc = new Y.Doc();
	doc.getMap('items').set('sku-1', { name: 'Bolt M6' });
	return Y.encodeStateAsUpdate(doc);
}

describe('update checks on a thread', () => {
	const checkers: ReturnType<typeof createUpdateChecker>[] = [];
	afterEach(async () => {
		for (const checker of checkers.splice(0)) await checker.close();
	});

	it('decodes small updates inline and large ones on a thread that stops when idle', async () => {
		const checker = createUpdateChecker({ threadMinBytes: 4096, idleStopMs: 50 });
		checkers.push(checker);
		await checker.check(smallEdit());
		expect(checker.running()).toBe(false);

		const large = catchUp(2000);
		expect(large.byteLength).toBeGreaterThan(4096);
		await checker.check(large);
		expect(checker.running()).toBe(true);
		await waitFor(() => !checker.running(), 'the idle thread to stop');
	});

	it('rejects a large malformed update with the decoder reason, leaving the bytes intact', async () => {
		const checker = createUpdateChecker({ threadMinBytes: 4096 });
		checkers.push(checker);
		const truncated = catchUp(2000).slice(0, -200);
		const before = truncated.byteLength;
		const reason = await checker.check(truncated).then(
			() => 'accepted',
			(err: unknown) => (err instanceof Error ? err.message : String(err))
		);
		expect(reason).not.toBe('accepted');
		expect(reason.length).toBeGreaterThan(0);
		expect(truncated.byteLength).toBe(before);
		// The thread is still good for the next one (checked there: nothing decoded comes back).
		await expect(checker.check(catchUp(2000))).resolves.toBeNull();
	});
});

// A relay process of its own: in this process its stalls would also stall the test's clients.
describe('a megabyte catch-up over real sockets', () => {
	let dir: ReturnType<typeof tempDir>;
	let relay: SpawnedRelay;
	const sockets: RawSocket[] = [];
	const clients: Client[] = [];
	beforeAll(async () => {
		dir = tempDir();
		relay = await spawnRelay({ DATA_DIR: dir.path, STOCKFLOW_SECRET: TEST_SECRET });
	});
	afterAll(async () => {
		for (const s of sockets.splice(0)) s.ws.terminate();
		for (const c of clients.splice(0)) c.destroy();
		await relay.kill('SIGTERM');
		dir.remove();
	});

	async function raw(doc: string): Promise<RawSocket> {
		const admin = await token('acme', 'admin');
		const socket = await openRawOrThrow(`${relay.ws}/sync/acme/${doc}?token=${admin}`);
		sockets.push(socket);
		// The relay's sync step 1 says the room is loaded and the peer added.
		await waitFor(() => socket.received.length > 0, `${doc} to greet`);
		return socket;
	}

	it('lets another room edit while it is checked, then stores and forwards it whole', async () => {
		const big = catchUp(100_000);
		expect(big.byteLength).toBeGreaterThan(3 * 1024 * 1024);
		const [device, watcher, clerk, colleague] = await Promise.all([
			raw('ledger-2026-10'),
			raw('ledger-2026-10'),
			raw('catalog'),
			raw('catalog')
		]);
		const arrivals: string[] = [];
		const frame = syncFrame(2, big);
		watcher.ws.on('message', (data: Buffer) => {
			if (data.byteLength === frame.byteLength) arrivals.push('catch-up forwarded');
		});
		colleague.ws.on('message', () => arrivals.push('other room edit forwarded'));

		device.send(frame);
		// Sent once the catch-up is at the relay and being checked (tens of ms of decoding).
		await new Promise((resolve) => setTimeout(resolve, 30));
		clerk.send(syncFrame(2, smallEdit()));
		await waitFor(() => arrivals.length === 2, 'both updates forwarded');
		expect(arrivals).toEqual(['other room edit forwarded', 'catch-up forwarded']);
		// Forwarded as it came: the watcher got the device's bytes.
		const forwarded = watcher.received.find((f) => f.byteLength === frame.byteLength);
		expect(forwarded && Buffer.from(forwarded).equals(Buffer.from(frame))).toBe(true);

		const fresh = connectClient(relay.ws, 'acme', 'ledger-2026-10', await token('acme', 'admin'));
		clients.push(fresh);
		await waitSynced(fresh);
		expect(fresh.doc.getArray('movements').length).toBe(100_000);
	});

	it('refuses a large malformed update with 1002 and stores none of it', async () => {
		const errorsBefore = await metric(relay.http, 'stockflow_protocol_errors_total');
		const device = await raw('ledger-2026-09');
		device.send(syncFrame(2, catchUp(20_000).slice(0, -300)));
		expect((await device.closed).code).toBe(1002);
		expect(await metric(relay.http, 'stockflow_protocol_errors_total')).toBe(errorsBefore + 1);

		const fresh = connectClient(relay.ws, 'acme', 'ledger-2026-09', await token('acme', 'admin'));
		clients.push(fresh);
		await waitSynced(fresh);
		expect(fresh.doc.getArray('movements').length).toBe(0);
	});
});
