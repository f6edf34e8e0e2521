// Nothing the relay accepted is lost: not across a graceful restart, not across kill -9,
// not through compaction.

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openSqliteStore } from '../../sync-server/persistence/sqlite';
import { connectClient, waitFor, waitSynced } from './fixtures/clients';
import { metric, startTestRelay, tempDir, token, TEST_SECRET } from './fixtures/relay';
import { spawnRelay, type SpawnedRelay } from './fixtures/spawn-relay';
import { useCleanups } from './fixtures/cleanups';

const { cleanups, track } = useCleanups();

describe('relay persistence', () => {
	it('keeps every update across a graceful restart', async () => {
		const dir = tempDir();
		cleanups.push(() => dir.remove());
		const first = await startTestRelay({ dataDir: dir.path });
		const writer = track(connectClient(first.ws, 'acme', 'catalog', await token('acme', 'admin')));
		const reader = track(connectClient(first.ws, 'acme', 'catalog', await token('acme', 'viewer')));
		await Promise.all([waitSynced(writer), waitSynced(reader)]);
		for (let i = 0; i < 25; i++) writer.doc.getMap('items').set(`i${i}`, i);
		await waitFor(() => reader.doc.getMap('items').size === 25, 'reader to see 25 items');
		writer.provider.disconnect();
		reader.provider.disconnect();
		await first.close();

		const second = await startTestRelay({ dataDir: dir.path });
		cleanups.push(() => second.close());
		const fresh = track(connectClient(second.ws, 'acme', 'catalog', await token('acme', 'viewer')));
		await waitSynced(fresh);
		expect(fresh.doc.getMap('items').toJSON()).toEqual(writer.doc.getMap('items').toJSON());
	});

	it('keeps every forwarded update across kill -9 of the relay process', async () => {
		const dir = tempDir();
		cleanups.push(() => dir.remove());
		const env = { DATA_DIR: dir.path, STOCKFLOW_SECRET: TEST_SECRET };
		let relay: SpawnedRelay = await spawnRelay(env);
		cleanups.push(async () => void (await relay.kill('SIGKILL')));
		const writer = track(
			connectClient(relay.ws, 'acme', 'ledger-2026-11', await token('acme', 'warehouse'))
		);
		const watcher = track(
			connectClient(relay.ws, 'acme', 'ledger-2026-11', await token('acme', 'sales'))
		);
		await Promise.all([waitSynced(writer), waitSynced(watcher)]);
		const movements = writer.doc.getArray<{ id: string; qty: number }>('movements');
		for (let i = 0; i < 40; i++) movements.push([{ id: `m${i}`, qty: i + 1 }]);
		// Forwarded to another client ⇒ it was stored first.
		await waitFor(
			() => watcher.doc.getArray('movements').length === 40,
			'watcher to see 40 movements'
		);
		writer.provider.disconnect();
		watcher.provider.disconnect();

		const killed = await relay.kill('SIGKILL');
		expect(killed.signal).toBe('SIGKILL');
		relay = await spawnRelay(env);
		const fresh = track(
			connectClient(relay.ws, 'acme', 'ledger-2026-11', await token('acme', 'viewer'))
		);
		await waitSynced(fresh);
		expect(fresh.doc.getArray('movements').toJSON()).toEqual(movements.toJSON());
	});

	it('compacts a room with many stored updates without losing any, even while writes continue', async () => {
		const dir = tempDir();
		cleanups.push(() => dir.remove());
		const store = openSqliteStore({ dataDir: dir.path });
		const relay = await startTestRelay({ dataDir: dir.path, store, compactAfterRows: 10 });
		cleanups.push(() => relay.close());
		const room = { workspace: 'acme', doc: 'ledger-2026-10' };
		const writer = track(
			connectClient(relay.ws, 'acme', room.doc, await token('acme', 'warehouse'))
		);
		const watcher = track(connectClient(relay.ws, 'acme', room.doc, await token('acme', 'viewer')));
		await Promise.all([waitSynced(writer), waitSynced(watcher)]);
		const movements = writer.doc.getArray<{ id: string }>('movements');
		for (let i = 0; i < 60; i++) {
			movements.push([{ id: `m${i}` }]);
			if (i % 7 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
		}
		await waitFor(
			() => watcher.doc.getArray('movements').length === 60,
			'watcher to see 60 movements'
		);
		await waitFor(async () => (await store.count(room)) < 20, 'compaction to fold the rows');
		// Operators see it in /metrics.
		expect(await metric(relay.http, 'stockflow_compactions_total')).toBeGreaterThan(0);
		expect(await metric(relay.http, 'stockflow_compacted_rows_total')).toBeGreaterThan(40);
		expect(await metric(relay.http, 'stockflow_compaction_failures_total')).toBe(0);

		const stored = new Y.Doc();
		for (const update of (await store.load(room)).updates) Y.applyUpdate(stored, update);
		expect(stored.getArray('movements').toJSON()).toEqual(movements.toJSON());
	});
});
