// Postgres crashing and coming back while two relays serve writing clients: the relays keep
// their clients (no disconnect), /healthz says 503 while the database is gone, nothing is
// acknowledged that was not stored, and once it is back every write lands exactly once and
// the relays catch up with each other (notifications missed while it was down).

import { describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../../sync-server/persistence/postgres';
import { useCleanups } from '../fixtures/cleanups';
import { connectClient, waitFor, waitSynced } from '../fixtures/clients';
import { metric, startTestRelay, tempDir, token, type TestRelay } from '../fixtures/relay';
import { startTcpProxy } from '../fixtures/tcp-proxy';
import { occurrences, startWriter, type Writer } from '../fixtures/writers';
import { usePostgres } from './postgres-cluster';

const { cleanups, track } = useCleanups();
const DOC = 'ledger-2026-11';

const cluster = usePostgres();

async function relayOn(url: string): Promise<TestRelay> {
	const dir = tempDir();
	const relay = await startTestRelay({ dataDir: dir.path, store: openPostgresStore({ url }) });
	cleanups.push(() => dir.remove());
	cleanups.push(() => relay.close());
	return relay;
}

async function health(relay: TestRelay): Promise<{ status: number; body: unknown }> {
	const res = await fetch(`${relay.http}/healthz`);
	return { status: res.status, body: await res.json() };
}

describe('Postgres restarting under load', () => {
	it('keeps clients, confirms only what was stored, and loses or doubles nothing', async (test) => {
		const crash = cluster.server.crash;
		if (!crash) {
			console.log('skipped: STOCKFLOW_TEST_DATABASE_URL names a server this test cannot restart');
			test.skip();
			return;
		}
		const url = await cluster.server.createDatabase();
		const [a, b] = [await relayOn(url), await relayOn(url)];
		expect(await health(a)).toEqual({ status: 200, body: { ok: true, database: 'reachable' } });
		const proxy = await startTcpProxy([new URL(a.http).port, new URL(b.http).port].map(Number));
		cleanups.push(() => proxy.close());
		const writers: Writer[] = [];
		for (let i = 0; i < 4; i++) {
			writers.push(
				track(startWriter(proxy.ws, 'acme', DOC, await token('acme', 'warehouse'), `w${i}`))
			);
		}
		// Never reconnects: what the relay acknowledged to it must be stored, it cannot resend.
		const witness = track(
			startWriter(a.ws, 'acme', DOC, await token('acme', 'warehouse'), 'witness')
		);
		await Promise.all([...writers, witness].map((w) => waitSynced(w.client)));
		let disconnects = 0;
		for (const w of writers) {
			w.client.provider.on('status', ({ status }: { status: string }) => {
				if (status === 'disconnected') disconnects += 1;
			});
		}
		for (const w of [...writers, witness]) w.start();
		await waitFor(() => witness.acknowledged() >= 10, 'the witness’s first acknowledgements');

		const restarted = crash(2500);
		await waitFor(async () => (await health(a)).status === 503, '/healthz to report the outage');
		expect((await health(b)).body).toMatchObject({ ok: false, database: 'unreachable' });
		// Writes go on during the outage; none of them can be acknowledged.
		const acknowledgedInOutage = witness.acknowledged();
		await new Promise((resolve) => setTimeout(resolve, 500));
		expect(witness.pushed.length).toBeGreaterThan(acknowledgedInOutage);
		witness.destroy();
		const witnessAcknowledged = witness.acknowledgedValues();
		expect(witnessAcknowledged.length).toBe(acknowledgedInOutage);
		await restarted;

		await waitFor(
			async () => (await health(a)).status === 200 && (await health(b)).status === 200,
			'/healthz to report the database back'
		);
		await new Promise((resolve) => setTimeout(resolve, 300));
		for (const w of writers) w.stop();
		await Promise.all(writers.map((w) => w.allAcknowledged()));
		expect(disconnects).toBe(0);
		expect(await metric(a.http, 'stockflow_store_retries_total')).toBeGreaterThan(0);

		// Both relays hold everything: A's writes reached B's clients and the other way round.
		for (const relay of [a, b]) {
			const viewer = track(connectClient(relay.ws, 'acme', DOC, await token('acme', 'viewer')));
			await waitSynced(viewer);
			const view = occurrences(viewer.doc);
			expect([...view].filter(([, n]) => n > 1)).toEqual([]);
			for (const w of writers) expect(w.pushed.filter((v) => !view.has(v))).toEqual([]);
			expect(witnessAcknowledged.filter((v) => !view.has(v))).toEqual([]);
		}
		expect(await metric(b.http, 'stockflow_fanout_lag_seconds_count')).toBeGreaterThan(0);
	}, 90_000);
});
