// `split` mode's durability step without a thread of its own: the WAL fdatasync runs on libuv's
// pool, checkpoints on a thread started only when one is due and stopped once idle, and any
// failure of either stops the store before anything more is confirmed.

import { copyFileSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SQLITE_FILE, openSqliteStore } from '../../../sync-server/persistence/sqlite';
import { COMMIT_WAL_BYTES } from '../../../sync-server/persistence/sqlite-checkpointer';
import {
	startWalSyncer,
	type SyncTarget,
	type WalSyncer
} from '../../../sync-server/persistence/sqlite-durability';
import { startInlineSqliteWriter } from '../../../sync-server/persistence/sqlite-inline-writer';
import { openStockflowDatabase } from '../../../sync-server/persistence/sqlite-open';
import { SYNC_STEP_2 } from '../../../src/lib/sync/protocol';
import { openRawOrThrow, syncFrame, waitFor } from '../fixtures/clients';
import { startTestRelay, tempDir, token } from '../fixtures/relay';
import { useCleanups } from '../fixtures/cleanups';

const { cleanups } = useCleanups();
const room = { workspace: 'acme', doc: 'ledger-2026-11' };
const update = (id: string): Uint8Array => {
	const doc = new Y.Doc();
	doc.getArray('movements').push([{ id }]);
	return Y.encodeStateAsUpdate(doc);
};

/** Rows the database file holds on its own (as a copy without its WAL would see them). */
function rowsInDatabaseFile(dir: string): number {
	const copy = tempDir('stockflow-copy-');
	cleanups.push(() => copy.remove());
	copyFileSync(join(dir, SQLITE_FILE), join(copy.path, SQLITE_FILE));
	const db = new Database(join(copy.path, SQLITE_FILE), { readonly: true });
	try {
		return (db.prepare('SELECT COUNT(*) AS n FROM updates').get() as { n: number }).n;
	} finally {
		db.close();
	}
}

/** The relay's connection and writer, with a syncer of the given checkpoint policy. */
function openSplit(policy: Parameters<typeof startWalSyncer>[1]) {
	const dir = tempDir('stockflow-split-');
	const file = join(dir.path, SQLITE_FILE);
	const db = openStockflowDatabase(file);
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = NORMAL');
	db.pragma('wal_autocheckpoint = 0');
	const syncer: WalSyncer = startWalSyncer(file, policy);
	const writer = startInlineSqliteWriter(db, (_rows, bytes) => syncer.committed(bytes));
	cleanups.push(async () => {
		await writer.close();
		await syncer.close();
		db.close();
		dir.remove();
	});
	const append = (id: string): Promise<number> =>
		writer.append({ workspace: room.workspace, doc: room.doc, data: update(id) });
	return { dir: dir.path, syncer, append };
}

describe('SQLite split mode: WAL sync without a thread, checkpoints on a lazy one', () => {
	it('starts the checkpoint thread only once the WAL is due, folds it, and stops it when idle', async () => {
		// Due after 5 small commits (each counts ~3 WAL pages plus its data).
		const { dir, syncer, append } = openSplit({
			checkpoint: { walBytes: 5 * COMMIT_WAL_BYTES, maxAgeMs: 60_000, idleStopMs: 50 }
		});
		await syncer.ready();
		for (let i = 0; i < 4; i++) await append(`m${i}`);
		await syncer.durable();
		// Synced (durable() resolved) with no checkpoint: no thread, rows only in the WAL.
		expect(syncer.checkpointer.running()).toBe(false);
		expect(rowsInDatabaseFile(dir)).toBe(0);

		await append('m4');
		expect(syncer.checkpointer.running()).toBe(true);
		await syncer.checkpointer.settled();
		expect(rowsInDatabaseFile(dir)).toBe(5);
		await waitFor(() => !syncer.checkpointer.running(), 'the idle checkpoint thread to stop');

		// The next due checkpoint starts a new thread.
		for (let i = 5; i < 10; i++) await append(`m${i}`);
		expect(syncer.checkpointer.running()).toBe(true);
		await syncer.checkpointer.settled();
		expect(rowsInDatabaseFile(dir)).toBe(10);
		await waitFor(() => !syncer.checkpointer.running(), 'the idle checkpoint thread to stop');
	});

	it('folds a quiet WAL once its oldest commit is maxAgeMs old', async () => {
		const { dir, syncer, append } = openSplit({
			checkpoint: { walBytes: 1e9, maxAgeMs: 400, idleStopMs: 50 }
		});
		const committedAt = Date.now();
		await append('m0');
		expect(syncer.checkpointer.running()).toBe(false);
		await syncer.durable();
		await waitFor(() => rowsInDatabaseFile(dir) === 1, 'the checkpoint after 400 ms');
		expect(Date.now() - committedAt).toBeGreaterThanOrEqual(400);
		await waitFor(() => !syncer.checkpointer.running(), 'the idle checkpoint thread to stop');
	});

	it('checkpoints again within catchUpMs while a reader kept the WAL from starting over', async () => {
		const { dir, syncer, append } = openSplit({
			checkpoint: {
				walBytes: 4 * COMMIT_WAL_BYTES,
				maxAgeMs: 60_000,
				catchUpMs: 50,
				idleStopMs: 30_000
			}
		});
		await syncer.ready();
		// Another process reading meanwhile (a backup, `stockflow report`): its snapshot keeps
		// checkpoints from copying what came after it, so the WAL cannot start over.
		const reader = new Database(join(dir, SQLITE_FILE), { readonly: true });
		cleanups.push(() => void reader.close());
		await append('m0');
		reader.exec('BEGIN');
		reader.prepare('SELECT COUNT(*) FROM updates').get();
		// Two checkpoints fall due (every 4 commits); the second finds the first one's frames too.
		for (let i = 1; i < 4; i++) await append(`m${i}`);
		await syncer.checkpointer.settled();
		for (let i = 4; i < 8; i++) await append(`m${i}`);
		await syncer.checkpointer.settled();
		expect(rowsInDatabaseFile(dir)).toBeLessThan(8);
		reader.exec('COMMIT');
		// One small commit later (far below walBytes, a minute before maxAgeMs), all is folded.
		await append('m8');
		await waitFor(() => rowsInDatabaseFile(dir) === 9, 'the catch-up checkpoint');
	});

	it('surfaces a failed WAL fsync: nothing waiting is confirmed and no later write is taken', async () => {
		const dir = tempDir('stockflow-split-');
		cleanups.push(() => dir.remove());
		let diskFails = false;
		const fsyncs: SyncTarget[] = [];
		const store = openSqliteStore({
			dataDir: dir.path,
			synchronous: 'split',
			async fsync(handle: FileHandle, target: SyncTarget) {
				fsyncs.push(target);
				if (diskFails) throw Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' });
				await (target === 'wal' ? handle.datasync() : handle.sync());
			}
		});
		cleanups.push(() => store.close().catch(() => undefined));
		await store.ready();
		await store.append(room, update('m0'));
		await store.durable();
		expect(fsyncs).toContain('wal');

		diskFails = true;
		await store.append(room, update('m1'));
		await expect(store.durable()).rejects.toThrow(/WAL sync failed: EIO/);
		await expect(store.append(room, update('m2'))).rejects.toThrow(/EIO/);
		await expect(store.durable()).rejects.toThrow(/EIO/);
	});

	it('closes a writer with 1011 and never confirms its update when the WAL fsync fails', async () => {
		const dir = tempDir('stockflow-split-');
		cleanups.push(() => dir.remove());
		let diskFails = false;
		const store = openSqliteStore({
			dataDir: dir.path,
			synchronous: 'split',
			async fsync(handle: FileHandle, target: SyncTarget) {
				if (diskFails) throw new Error('EIO: i/o error, fdatasync');
				await (target === 'wal' ? handle.datasync() : handle.sync());
			}
		});
		const relay = await startTestRelay({ dataDir: dir.path, store });
		cleanups.push(() => relay.close());
		const raw = await openRawOrThrow(
			`${relay.ws}/sync/acme/catalog?token=${await token('acme', 'admin')}`
		);
		cleanups.push(() => raw.ws.close());
		diskFails = true;
		const local = new Y.Doc();
		local.getMap('items').set('x', 1);
		raw.send(syncFrame(SYNC_STEP_2, Y.encodeStateAsUpdate(local)));
		let confirmed = false;
		void raw.queryStateVector().then(() => (confirmed = true));
		// An answer would have arrived before the close.
		expect((await raw.closed).code).toBe(1011);
		expect(confirmed).toBe(false);
	});

	it('stops confirming when a checkpoint fails (the disk failed under SQLite)', async () => {
		const { syncer, append } = openSplit({
			checkpoint: { walBytes: 2 * COMMIT_WAL_BYTES, maxAgeMs: 60_000, idleStopMs: 50 },
			checkpointWorker: new URL('../fixtures/failing-checkpoint.worker.js', import.meta.url)
		});
		await syncer.ready();
		await append('m0');
		await syncer.durable();
		await append('m1');
		await syncer.checkpointer.settled();
		expect(syncer.failure()?.message).toMatch(/WAL checkpoint failed: disk I\/O error/);
		// A commit after it is never confirmed: the page cache may no longer match the disk.
		await append('m2');
		await expect(syncer.durable()).rejects.toThrow(/disk I\/O error/);
	});
});
