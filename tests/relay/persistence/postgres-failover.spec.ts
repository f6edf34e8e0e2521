// Two relays on one Postgres behind a test load balancer (a TCP proxy) while clients write:
// kill -9 of one relay, and a rolling restart of both. Clients reconnect to the relay that is
// up; every update a relay acknowledged (message 100) is there afterwards, every push appears
// exactly once, and a relay started afresh loads the same state from Postgres.

import { describe, expect, it } from 'vitest';
import { useCleanups } from '../fixtures/cleanups';
import { connectClient, waitFor, waitSynced } from '../fixtures/clients';
import { tempDir, token, TEST_SECRET } from '../fixtures/relay';
import { spawnRelay, type SpawnedRelay } from '../fixtures/spawn-relay';
import { startTcpProxy } from '../fixtures/tcp-proxy';
import { occurrences, startWriter, type Writer } from '../fixtures/writers';
import { usePostgres } from './postgres-cluster';

const { cleanups, track } = useCleanups();
const DOC = 'ledger-2026-11';

const cluster = usePostgres();

async function relayOn(url: string, port = 0): Promise<SpawnedRelay> {
	const dir = tempDir();
	cleanups.push(() => dir.remove());
	const relay = await spawnRelay({
		DATA_DIR: dir.path,
		PORT: port,
		STOCKFLOW_SECRET: TEST_SECRET,
		STOCKFLOW_DATABASE_URL: url
	});
	cleanups.push(async () => void (await relay.kill('SIGKILL')));
	return relay;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** What a client that has nothing gets from `ws` now: the stored state, as values and counts. */
async function freshView(ws: string): Promise<Map<string, number>> {
	const viewer = track(connectClient(ws, 'acme', DOC, await token('acme', 'viewer')));
	await waitSynced(viewer);
	return occurrences(viewer.doc);
}

/** Every push of every writer is in the view exactly once. */
function expectEachOnce(view: Map<string, number>, writers: readonly Writer[]): void {
	const doubled = [...view].filter(([, n]) => n > 1).map(([value]) => value);
	expect(doubled).toEqual([]);
	for (const writer of writers) {
		const missing = writer.pushed.filter((value) => !view.has(value));
		expect(missing, `${writer.name}'s pushes missing`).toEqual([]);
	}
}

describe('relays failing under writes', () => {
	it('kill -9 of one relay: its clients move to the other, nothing acknowledged is lost or doubled', async () => {
		const url = await cluster.server.createDatabase();
		const [a, b] = [await relayOn(url), await relayOn(url)];
		const proxy = await startTcpProxy([a.port, b.port]);
		cleanups.push(() => proxy.close());
		const writers: Writer[] = [];
		for (let i = 0; i < 6; i++) {
			writers.push(
				track(startWriter(proxy.ws, 'acme', DOC, await token('acme', 'warehouse'), `w${i}`))
			);
		}
		// Connected to A only and never reconnected: what A acknowledged must be in Postgres,
		// since this client cannot send it again.
		const onlyA = track(startWriter(a.ws, 'acme', DOC, await token('acme', 'warehouse'), 'onlyA'));
		await Promise.all([...writers, onlyA].map((w) => waitSynced(w.client)));
		expect(proxy.open(a.port)).toBe(3);
		expect(proxy.open(b.port)).toBe(3);

		for (const writer of [...writers, onlyA]) writer.start();
		await waitFor(() => onlyA.acknowledged() >= 20, 'A to acknowledge 20 of onlyA’s pushes');
		await a.kill('SIGKILL');
		onlyA.destroy();
		const acknowledgedByA = onlyA.acknowledgedValues();
		const acknowledgedAtKill = writers.map((w) => w.acknowledgedValues());

		// The writers of A reconnect through the proxy, which now only reaches B.
		await waitFor(
			() => proxy.open(b.port) === 6 && writers.every((w) => w.connected()),
			'every writer to be connected to B'
		);
		await sleep(500);
		for (const writer of writers) writer.stop();
		await Promise.all(writers.map((w) => w.allAcknowledged()));

		const view = await freshView(b.ws);
		expectEachOnce(view, writers);
		expect(acknowledgedByA.filter((value) => !view.has(value))).toEqual([]);
		expect(acknowledgedAtKill.flat().filter((value) => !view.has(value))).toEqual([]);
		// A relay started afresh on the same database loads exactly that.
		const c = await relayOn(url);
		expect(await freshView(c.ws)).toEqual(view);
	}, 90_000);

	it('rolling restart of both relays under writes loses and doubles nothing', async () => {
		const url = await cluster.server.createDatabase();
		const [a, b] = [await relayOn(url), await relayOn(url)];
		const proxy = await startTcpProxy([a.port, b.port]);
		cleanups.push(() => proxy.close());
		const writers: Writer[] = [];
		for (let i = 0; i < 6; i++) {
			writers.push(
				track(startWriter(proxy.ws, 'acme', DOC, await token('acme', 'warehouse'), `w${i}`))
			);
		}
		await Promise.all(writers.map((w) => waitSynced(w.client)));
		for (const writer of writers) writer.start();

		for (const relay of [a, b]) {
			await sleep(400);
			// SIGTERM: the relay closes its clients with 1001 and stops; a new one takes its port.
			expect((await relay.kill('SIGTERM')).code).toBe(0);
			await waitFor(() => writers.every((w) => w.connected()), 'the writers to reconnect');
			await relayOn(url, relay.port);
		}
		await sleep(400);
		for (const writer of writers) writer.stop();
		await Promise.all(writers.map((w) => w.allAcknowledged()));
		expect(Math.min(...writers.map((w) => w.pushed.length))).toBeGreaterThan(40);

		const view = await freshView(proxy.ws);
		expectEachOnce(view, writers);
		expect(view.size).toBe(writers.reduce((sum, w) => sum + w.pushed.length, 0));
	}, 90_000);
});
