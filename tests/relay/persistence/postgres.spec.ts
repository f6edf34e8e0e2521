import pg from 'pg';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openPostgresStore } from '../../../sync-server/persistence/postgres';
import {
	PostgresSchemaError,
	SCHEMA_VERSION,
	UPDATES_TABLE
} from '../../../sync-server/persistence/postgres-schema';
import { describePersistenceContract } from './contract';
import { usePostgres } from './postgres-cluster';

// One Postgres per file (a cluster starts in about a second), a fresh database per test.
const cluster = usePostgres();

describePersistenceContract('Postgres', async () => {
	const url = await cluster.server.createDatabase();
	let current = openPostgresStore({ url });
	return {
		store: current,
		async reopen() {
			await current.close();
			current = openPostgresStore({ url });
			return current;
		},
		async cleanup() {
			await current.close();
		}
	};
});

async function query<R extends pg.QueryResultRow>(url: string, sql: string): Promise<R[]> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		return (await client.query<R>(sql)).rows;
	} finally {
		await client.end();
	}
}

function movementUpdates(count: number): { doc: Y.Doc; updates: Uint8Array[] } {
	const doc = new Y.Doc();
	const updates: Uint8Array[] = [];
	doc.on('update', (u: Uint8Array) => updates.push(u));
	for (let i = 0; i < count; i++) doc.getArray('movements').push([{ id: `m${i}` }]);
	return { doc, updates };
}

describe('Postgres store', () => {
	const room = { workspace: 'acme', doc: 'ledger-2026-11' };

	it('stores appends issued together with one INSERT, each resolving after its commit', async () => {
		const url = await cluster.server.createDatabase();
		const commits: number[] = [];
		const store = openPostgresStore({ url, onCommit: (n) => commits.push(n) });
		await store.ready();
		const { updates } = movementUpdates(50);
		const results = await Promise.all(updates.map((u) => store.append(room, u)));
		expect(commits).toEqual([50]);
		expect(results.map((r) => r.storedRows)).toEqual(updates.map((_, i) => i + 1));
		// Committed when resolved: another connection sees every row.
		const rows = await query<{ n: string }>(url, `SELECT count(*) AS n FROM ${UPDATES_TABLE}`);
		expect(Number(rows[0]?.n)).toBe(50);

		// While a room's batch is in flight, the room's later appends wait and go together as the
		// next one (its rows commit in the order appended).
		const first = store.append(room, updates[0] ?? new Uint8Array());
		await Promise.resolve();
		await Promise.all([first, ...updates.slice(1, 11).map((u) => store.append(room, u))]);
		expect(commits.slice(1)).toEqual([1, 10]);
		await store.close();
	});

	it('creates the schema once, records its version, and refuses a newer one', async () => {
		const url = await cluster.server.createDatabase();
		// Several relays starting at once on an empty database.
		const stores = [1, 2, 3].map(() => openPostgresStore({ url }));
		await Promise.all(stores.map((s) => s.ready()));
		await Promise.all(stores.map((s) => s.close()));
		expect(await query<{ version: number }>(url, 'SELECT version FROM stockflow_schema')).toEqual([
			{ version: SCHEMA_VERSION }
		]);

		await query(url, `UPDATE stockflow_schema SET version = ${SCHEMA_VERSION + 1}`);
		const newer = openPostgresStore({ url });
		await expect(newer.ready()).rejects.toThrow(PostgresSchemaError);
		await newer.close();
	});

	it('compacts on its thread and leaves a row Yjs cannot read where it is', async () => {
		const url = await cluster.server.createDatabase();
		const store = openPostgresStore({ url });
		const { doc, updates } = movementUpdates(4);
		for (const u of updates.slice(0, 2)) await store.append(room, u);
		await query(
			url,
			`INSERT INTO ${UPDATES_TABLE} (workspace, doc, data) VALUES ('acme', 'ledger-2026-11', '\\xfffe01')`
		);
		for (const u of updates.slice(2)) await store.append(room, u);
		expect(await store.compact(room)).toMatchObject({ merged: 4 });
		expect(await store.count(room)).toBe(2);
		const loaded = new Y.Doc();
		let skipped = 0;
		for (const u of (await store.load(room)).updates) {
			try {
				Y.applyUpdate(loaded, u);
			} catch {
				skipped += 1;
			}
		}
		expect(skipped).toBe(1);
		expect(loaded.getArray('movements').toJSON()).toEqual(doc.getArray('movements').toJSON());
		await store.close();
	});

	it('fails an append while the database is unreachable and stores again once it is back', async () => {
		const url = await cluster.server.createDatabase();
		const store = openPostgresStore({ url, onError: () => undefined });
		const { updates } = movementUpdates(2);
		await store.append(room, updates[0] ?? new Uint8Array());
		// Every connection of the store is cut, as a database restart does.
		await query(
			url,
			`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
			 WHERE datname = current_database() AND pid <> pg_backend_pid()`
		);
		await new Promise((resolve) => setTimeout(resolve, 50));
		await store.append(room, updates[1] ?? new Uint8Array()).catch(() => undefined);
		await store.append(room, updates[1] ?? new Uint8Array());
		expect(await store.count(room)).toBeGreaterThanOrEqual(2);
		await store.close();
	});
});
