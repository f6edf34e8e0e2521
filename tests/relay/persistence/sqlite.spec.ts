import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SQLITE_FILE, openSqliteStore } from '../../../sync-server/persistence/sqlite';
import { startInlineSqliteWriter } from '../../../sync-server/persistence/sqlite-inline-writer';
import {
	StoreOpenError,
	openStockflowDatabase
} from '../../../sync-server/persistence/sqlite-open';
import { SQLITE_SYNCHRONOUS_MODES } from '../../../sync-server/persistence/sqlite-writer';
import { docFromUpdates } from '../../../sync-server/persistence/merge';
import { startSqliteCompactor } from '../../../sync-server/persistence/sqlite-compactor';
import { waitFor } from '../fixtures/clients';
import { tempDir } from '../fixtures/relay';
import { describePersistenceContract } from './contract';

/** A ledger doc with `count` movements (m0, m1, …), each pushed as its own update. */
function movementUpdates(count: number): { doc: Y.Doc; updates: Uint8Array[] } {
	const doc = new Y.Doc();
	const updates: Uint8Array[] = [];
	doc.on('update', (u: Uint8Array) => updates.push(u));
	for (let i = 0; i < count; i++) doc.getArray('movements').push([{ id: `m${i}` }]);
	return { doc, updates };
}

// Every mode: `full` appends on the writer thread, `split` and `normal` on the caller's thread.
for (const synchronous of SQLITE_SYNCHRONOUS_MODES) {
	describePersistenceContract(`SQLite (${synchronous})`, () => {
		const dir = tempDir('stockflow-sqlite-');
		let current = openSqliteStore({ dataDir: dir.path, synchronous });
		return {
			store: current,
			async reopen() {
				await current.close();
				current = openSqliteStore({ dataDir: dir.path, synchronous });
				return current;
			},
			async cleanup() {
				await current.close();
				dir.remove();
			}
		};
	});
}

describe.each(SQLITE_SYNCHRONOUS_MODES)('SQLite group commit (%s)', (synchronous) => {
	it('stores appends issued together in one transaction, each resolving after it', async () => {
		const dir = tempDir('stockflow-sqlite-');
		const commits: number[] = [];
		const store = openSqliteStore({
			dataDir: dir.path,
			synchronous,
			onCommit: (n) => commits.push(n)
		});
		const room = { workspace: 'acme', doc: 'ledger-2026-11' };
		const { updates } = movementUpdates(10);

		const results = await Promise.all(updates.map((u) => store.append(room, u)));
		expect(commits).toEqual([10]);
		expect(results.map((r) => r.storedRows)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

		// Appends issued later are a new transaction; and a reopened file has every row.
		await store.append(room, updates[0] ?? new Uint8Array());
		expect(commits).toEqual([10, 1]);
		await store.close();
		const reopened = openSqliteStore({ dataDir: dir.path });
		expect(await reopened.count(room)).toBe(11);
		await reopened.close();
		dir.remove();
	});
});

describe('SQLite inline writer (split, normal)', () => {
	function openDb(): { db: Database.Database; remove(): void } {
		const dir = tempDir('stockflow-sqlite-');
		const db = openStockflowDatabase(join(dir.path, SQLITE_FILE));
		db.pragma('journal_mode = WAL');
		return {
			db,
			remove() {
				db.close();
				dir.remove();
			}
		};
	}

	it('has the row committed, visible to another connection, when an append resolves', async () => {
		const { db, remove } = openDb();
		const writer = startInlineSqliteWriter(db);
		const data = Uint8Array.of(1, 2, 3);
		const seq = await writer.append({ workspace: 'acme', doc: 'catalog', data });
		const other = new Database(db.name, { readonly: true });
		const row = other.prepare('SELECT data FROM updates WHERE seq = ?').get(seq) as {
			data: Buffer;
		};
		other.close();
		expect([...row.data]).toEqual([1, 2, 3]);
		await writer.close();
		remove();
	});

	it('stores the bytes as they were when appended, not as the caller later changed them', async () => {
		const { db, remove } = openDb();
		const writer = startInlineSqliteWriter(db);
		const data = Uint8Array.of(1, 2, 3);
		const appended = writer.append({ workspace: 'acme', doc: 'catalog', data });
		data.fill(9);
		const seq = await appended;
		const row = db.prepare('SELECT data FROM updates WHERE seq = ?').get(seq) as { data: Buffer };
		expect([...row.data]).toEqual([1, 2, 3]);
		await writer.close();
		remove();
	});

	it('rejects every append of a failed transaction and reports no commit', async () => {
		const { db, remove } = openDb();
		const commits: number[] = [];
		const writer = startInlineSqliteWriter(db, (rows) => commits.push(rows));
		db.exec('DROP TABLE updates');
		const data = Uint8Array.of(1);
		const results = await Promise.allSettled([
			writer.append({ workspace: 'acme', doc: 'catalog', data }),
			writer.append({ workspace: 'acme', doc: 'orders', data })
		]);
		expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
		expect(commits).toEqual([]);
		await writer.close();
		await expect(writer.append({ workspace: 'acme', doc: 'catalog', data })).rejects.toThrow(
			/closed/
		);
		remove();
	});
});

describe('SQLite split durability', () => {
	it('resolves an append once committed, and durable() only after the WAL sync', async () => {
		const dir = tempDir('stockflow-sqlite-');
		let openGate = (): void => {};
		const opened = new Promise<void>((resolve) => (openGate = resolve));
		let syncs = 0;
		const store = openSqliteStore({
			dataDir: dir.path,
			synchronous: 'split',
			syncGate: () => opened,
			onSync: () => (syncs += 1)
		});
		const room = { workspace: 'acme', doc: 'ledger-2026-11' };
		const { updates } = movementUpdates(1);

		await store.append(room, updates[0] ?? new Uint8Array());
		expect(syncs).toBe(0);
		let durable = false;
		const waiting = store.durable().then(() => (durable = true));
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(durable).toBe(false);

		openGate();
		await waiting;
		expect(syncs).toBeGreaterThan(0);
		await store.close();
		dir.remove();
	});
});

describe('SQLite file checks', () => {
	it('refuses a file that is not a Stockflow database and leaves it byte for byte', () => {
		const dir = tempDir('stockflow-sqlite-');
		const file = join(dir.path, SQLITE_FILE);
		const garbage = Buffer.from(
			'this is not a database, but it may be someone’s only copy'.repeat(40)
		);
		writeFileSync(file, garbage);
		expect(() => openSqliteStore({ dataDir: dir.path })).toThrow(StoreOpenError);
		expect(readFileSync(file).equals(garbage)).toBe(true);
		dir.remove();
	});

	it('refuses another application’s SQLite database instead of adding tables to it', () => {
		const dir = tempDir('stockflow-sqlite-');
		const file = join(dir.path, SQLITE_FILE);
		const other = new Database(file);
		other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY)');
		other.close();
		expect(() => openSqliteStore({ dataDir: dir.path })).toThrow(/unexpected tables: invoices/);
		const check = new Database(file, { readonly: true });
		const tables = check
			.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
			.all();
		check.close();
		expect(tables.map((t) => t.name)).toEqual(['invoices']);
		dir.remove();
	});
});

describe('SQLite compaction', () => {
	const room = { workspace: 'acme', doc: 'ledger-2026-11' };

	it('folds the readable rows and leaves a row Yjs cannot read where it is', async () => {
		const dir = tempDir('stockflow-sqlite-');
		const store = openSqliteStore({ dataDir: dir.path });
		const { doc, updates } = movementUpdates(4);
		for (const u of updates.slice(0, 2)) await store.append(room, u);
		// A damaged row, as a bad disk sector or an old bug might have left one.
		const other = new Database(join(dir.path, SQLITE_FILE));
		other
			.prepare('INSERT INTO updates (workspace, doc, snapshot, data) VALUES (?, ?, 0, ?)')
			.run(room.workspace, room.doc, Buffer.from([0xff, 0xfe, 0x01]));
		other.close();
		for (const u of updates.slice(2)) await store.append(room, u);

		expect(await store.compact(room)).toMatchObject({ merged: 4 });
		expect(await store.count(room)).toBe(2);
		const { doc: loaded, skipped } = docFromUpdates((await store.load(room)).updates);
		expect(skipped).toBe(1);
		expect(loaded.getArray('movements').toJSON()).toEqual(doc.getArray('movements').toJSON());
		await store.close();
		dir.remove();
	});

	it('merges a large room off the relay’s thread: appends to other rooms go on meanwhile', async () => {
		const dir = tempDir('stockflow-sqlite-');
		const store = openSqliteStore({ dataDir: dir.path });
		const doc = new Y.Doc();
		const movements = doc.getArray('movements');
		movements.push(Array.from({ length: 40_000 }, (_, i) => ({ id: `m${i}`, qty: i % 7 })));
		await store.append(room, Y.encodeStateAsUpdate(doc));
		const updates: Uint8Array[] = [];
		doc.on('update', (u: Uint8Array) => updates.push(u));
		for (let i = 0; i < 300; i++) movements.push([{ id: `late${i}`, qty: 1 }]);
		for (const u of updates) await store.append(room, u);

		const settled: string[] = [];
		const compaction = store.compact(room).then((result) => {
			settled.push('compaction');
			return result;
		});
		const other = new Y.Doc();
		other.getMap('items').set('i1', { sku: 'BOLT-M6' });
		const append = store
			.append({ workspace: 'acme', doc: 'catalog' }, Y.encodeStateAsUpdate(other))
			.then(() => settled.push('append'));
		await Promise.all([compaction, append]);
		expect(settled).toEqual(['append', 'compaction']);

		expect((await compaction).merged).toBe(301);
		expect(await store.count(room)).toBe(1);
		const { doc: loaded } = docFromUpdates((await store.load(room)).updates);
		expect(loaded.getArray('movements').length).toBe(40_300);
		await store.close();
		dir.remove();
	});

	it('stops its thread once idle and starts it again for the next compaction', async () => {
		const dir = tempDir('stockflow-sqlite-');
		const store = openSqliteStore({ dataDir: dir.path });
		const { updates } = movementUpdates(2);
		for (const u of updates) await store.append(room, u);
		const compactor = startSqliteCompactor(join(dir.path, SQLITE_FILE), { idleStopMs: 50 });
		expect(compactor.running()).toBe(false);

		expect((await compactor.plan(room))?.seqs).toHaveLength(2);
		expect(compactor.running()).toBe(true);
		await waitFor(() => !compactor.running(), 'the idle thread to stop');
		// A room appended to meanwhile: a new thread reads it.
		await store.append(room, updates[0] ?? new Uint8Array());
		expect((await compactor.plan(room))?.seqs).toHaveLength(3);

		await compactor.close();
		expect(compactor.running()).toBe(false);
		await store.close();
		dir.remove();
	});
});
