// Two relays on one Postgres serve the same docs at once: stock y-websocket clients on either
// converge live (LISTEN/NOTIFY carries room key and seq, the update is read from the table), and
// a relay whose listening connection was cut catches up from the table by seq.

import pg from 'pg';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openPostgresStore } from '../../../sync-server/persistence/postgres';
import { MAX_INLINE_UPDATE_BYTES } from '../../../sync-server/persistence/postgres-fanout';
import { useCleanups } from '../fixtures/cleanups';
import { connectClient, waitFor, waitSynced, type Client } from '../fixtures/clients';
import { metric, startTestRelay, tempDir, token, type TestRelay } from '../fixtures/relay';
import { usePostgres } from './postgres-cluster';

const { cleanups, track } = useCleanups();

const cluster = usePostgres();

async function relayOn(url: string): Promise<TestRelay> {
	const dir = tempDir();
	const relay = await startTestRelay({ dataDir: dir.path, store: openPostgresStore({ url }) });
	cleanups.push(() => dir.remove());
	cleanups.push(() => relay.close());
	return relay;
}

/** A small seeded PRNG (mulberry32): the same interleaving on every run. */
function prng(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function converged(clients: readonly Client[]): boolean {
	const first = clients[0];
	if (!first) return true;
	const sv = Y.encodeStateVector(first.doc).toString();
	return clients.every((c) => Y.encodeStateVector(c.doc).toString() === sv);
}

describe('two relays on one Postgres', () => {
	it('clients of either relay converge live under seeded random writes', async () => {
		const url = await cluster.server.createDatabase();
		const [a, b] = [await relayOn(url), await relayOn(url)];
		const docs = ['ledger-2026-11', 'catalog'];
		const clients: Client[] = [];
		for (const doc of docs) {
			for (const relay of [a, b, a, b]) {
				clients.push(track(connectClient(relay.ws, 'acme', doc, await token('acme', 'admin'))));
			}
		}
		await Promise.all(clients.map(waitSynced));
		const random = prng(20);
		const pushed = docs.map(() => [] as string[]);
		for (let i = 0; i < 120; i++) {
			const c = Math.floor(random() * clients.length);
			const client = clients[c] as Client;
			if (random() < 0.7) {
				client.doc.getArray<string>('movements').push([`m${i}`]);
				pushed[Math.floor(c / 4)]?.push(`m${i}`);
			} else client.doc.getMap<number>('items').set(`i${Math.floor(random() * 5)}`, i);
			if (random() < 0.2) await new Promise((resolve) => setTimeout(resolve, 5));
		}
		for (const [d, name] of docs.entries()) {
			const same = clients.slice(d * 4, d * 4 + 4);
			await waitFor(() => converged(same), `the clients of ${name} to converge`);
			const first = same[0] as Client;
			const movements = first.doc.getArray<string>('movements').toArray();
			expect([...movements].sort()).toEqual([...(pushed[d] ?? [])].sort());
			for (const c of same) {
				expect(c.doc.getArray('movements').toJSON()).toEqual(movements);
				expect(c.doc.getMap('items').toJSON()).toEqual(first.doc.getMap('items').toJSON());
			}
		}
	});

	it('catches up from the table after its listening connection was cut', async () => {
		const url = await cluster.server.createDatabase();
		const [a, b] = [await relayOn(url), await relayOn(url)];
		const doc = 'ledger-2026-11';
		const onA = track(connectClient(a.ws, 'acme', doc, await token('acme', 'warehouse')));
		const onB = track(connectClient(b.ws, 'acme', doc, await token('acme', 'sales')));
		await Promise.all([waitSynced(onA), waitSynced(onB)]);
		onA.doc.getArray<string>('movements').push(['before']);
		await waitFor(() => onB.doc.getArray('movements').length === 1, 'the first movement on B');

		// Cut every LISTEN connection, then write at once: the notifications go nowhere.
		const admin = new pg.Client({ connectionString: url });
		await admin.connect();
		await admin.query(
			`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
			 WHERE datname = current_database() AND query ILIKE 'LISTEN%'`
		);
		await admin.end();
		onA.doc.getArray<string>('movements').push(['while-cut-1', 'while-cut-2']);
		await waitFor(
			() => onB.doc.getArray('movements').length === 3,
			'B to catch up after reconnecting'
		);
		expect(onB.doc.getArray('movements').toJSON()).toEqual(onA.doc.getArray('movements').toJSON());
	});

	it('carries small updates in the notification and reads larger ones from the table', async () => {
		const url = await cluster.server.createDatabase();
		const [a, b] = [await relayOn(url), await relayOn(url)];
		const doc = 'ledger-2026-11';
		const onA = track(connectClient(a.ws, 'acme', doc, await token('acme', 'warehouse')));
		const onB = track(connectClient(b.ws, 'acme', doc, await token('acme', 'sales')));
		await Promise.all([waitSynced(onA), waitSynced(onB)]);
		// Exactly at the inline limit's neighbourhood: one update well under, one well over.
		const small = 'x'.repeat(100);
		const large = 'y'.repeat(MAX_INLINE_UPDATE_BYTES + 1000);
		onA.doc.getArray<string>('movements').push([small]);
		onA.doc.getArray<string>('movements').push([large]);
		await waitFor(() => onB.doc.getArray('movements').length === 2, 'both updates on B');
		expect(onB.doc.getArray('movements').toJSON()).toEqual([small, large]);
		expect(await metric(b.http, 'stockflow_fanout_updates_total')).toBe(2);
	});

	it('shows presence across relays: at join, on change, and when a client leaves', async () => {
		const url = await cluster.server.createDatabase();
		const [a, b] = [await relayOn(url), await relayOn(url)];
		const doc = 'orders';
		const onA = track(connectClient(a.ws, 'acme', doc, await token('acme', 'sales')));
		await waitSynced(onA);
		onA.provider.awareness.setLocalStateField('user', { name: 'chen', screen: 'orders' });
		// B loads the room after A's client announced itself: B asks A for its clients' states.
		const onB = track(connectClient(b.ws, 'acme', doc, await token('acme', 'warehouse')));
		await waitSynced(onB);
		const seenOnB = () => onB.provider.awareness.getStates().get(onA.doc.clientID);
		await waitFor(() => seenOnB() !== undefined, 'B’s client to see A’s client');
		expect(seenOnB()).toEqual({ user: { name: 'chen', screen: 'orders' } });

		onB.provider.awareness.setLocalStateField('user', { name: 'lin', screen: 'stock' });
		const seenOnA = () => onA.provider.awareness.getStates().get(onB.doc.clientID);
		await waitFor(() => seenOnA() !== undefined, 'A’s client to see B’s client');
		onA.provider.awareness.setLocalStateField('user', { name: 'chen', screen: 'counts' });
		await waitFor(
			() =>
				JSON.stringify(seenOnB()) === JSON.stringify({ user: { name: 'chen', screen: 'counts' } }),
			'the change to reach B'
		);

		onA.destroy();
		await waitFor(() => seenOnB() === undefined, 'A’s client to leave B’s view');
		expect(await metric(b.http, 'stockflow_fanout_updates_total')).toBe(0);
	});
});
