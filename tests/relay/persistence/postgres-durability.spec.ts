// The relay on Postgres, end to end: `STOCKFLOW_DATABASE_URL` selects the store of
// `stockflow start`, and kill -9 of the relay loses nothing any client received (an update is
// committed to Postgres before it is forwarded).

import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../../sync-server/persistence/postgres';
import { UPDATES_TABLE } from '../../../sync-server/persistence/postgres-schema';
import { useCleanups } from '../fixtures/cleanups';
import { connectClient, waitFor, waitSynced } from '../fixtures/clients';
import { startTestRelay, tempDir, token, TEST_SECRET } from '../fixtures/relay';
import { spawnRelay } from '../fixtures/spawn-relay';
import { usePostgres } from './postgres-cluster';

const { cleanups, track } = useCleanups();

const cluster = usePostgres();

async function storedRows(url: string): Promise<number> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		const result = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${UPDATES_TABLE}`);
		return Number(result.rows[0]?.n);
	} finally {
		await client.end();
	}
}

describe('relay on Postgres', () => {
	it('keeps every forwarded update across kill -9 of the relay', async () => {
		const url = await cluster.server.createDatabase();
		const dir = tempDir();
		cleanups.push(() => dir.remove());
		// The child inherits this environment: `stockflow start` with STOCKFLOW_DATABASE_URL.
		process.env.STOCKFLOW_DATABASE_URL = url;
		const spawned = await spawnRelay({ DATA_DIR: dir.path, STOCKFLOW_SECRET: TEST_SECRET }).finally(
			() => delete process.env.STOCKFLOW_DATABASE_URL
		);
		cleanups.push(async () => void (await spawned.kill('SIGKILL')));
		expect(spawned.stdout).toContain('Data: postgres://postgres:***@');

		const doc = 'ledger-2026-11';
		const writer = track(connectClient(spawned.ws, 'acme', doc, await token('acme', 'warehouse')));
		const watcher = track(connectClient(spawned.ws, 'acme', doc, await token('acme', 'sales')));
		await Promise.all([waitSynced(writer), waitSynced(watcher)]);
		const movements = writer.doc.getArray<string>('movements');
		for (let i = 0; i < 40; i++) movements.push([`m${i}`]);
		await waitFor(
			() => watcher.doc.getArray('movements').length >= 20,
			'the watcher to receive movements'
		);
		// Killed while writes may still be in flight; only what the watcher received counts, and
		// the writer must not resend anything afterwards.
		expect((await spawned.kill('SIGKILL')).signal).toBe('SIGKILL');
		writer.destroy();
		const received = watcher.doc.getArray<string>('movements').toArray();
		watcher.destroy();
		expect(received.length).toBeGreaterThanOrEqual(20);
		// The rows are in Postgres, not in a SQLite file of DATA_DIR.
		expect(await storedRows(url)).toBeGreaterThanOrEqual(received.length);

		const relay = await startTestRelay({ dataDir: dir.path, store: openPostgresStore({ url }) });
		cleanups.push(() => relay.close());
		const fresh = track(connectClient(relay.ws, 'acme', doc, await token('acme', 'viewer')));
		await waitSynced(fresh);
		const stored = fresh.doc.getArray<string>('movements').toArray();
		// Everything received is there, in the same order (the writer's own sequence).
		expect(stored.slice(0, received.length)).toEqual(received);
	});
});
