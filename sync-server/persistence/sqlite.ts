// Embedded persistence: one SQLite file `${dataDir}/stockflow.sqlite` (better-sqlite3, WAL).
// Rows are raw Yjs updates; compaction replaces a room's rows with one merged snapshot row.
// Appends are group-committed: appends issued together (or, on `full`'s writer thread, those
// of one fsync) go as one transaction, and each append resolves only after its
// transaction committed. In `split` mode (the default) an fdatasync of the WAL then covers every
// commit before it (see sqlite-durability.ts), which is what `durable()` waits for.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { AppendResult, CompactResult, PersistencePort, RoomKey, StoredUpdates } from './port';
import { roomId } from './port';
import { openStockflowDatabase } from './sqlite-open';
import type { CheckpointPolicy } from './sqlite-checkpointer';
import { startWalSyncer, type WalSyncer, type WalSyncerOptions } from './sqlite-durability';
import { startInlineSqliteWriter } from './sqlite-inline-writer';
import {
	startSqliteCompactor,
	type CompactionPlan,
	type SqliteCompactor
} from './sqlite-compactor';
import { startSqliteWriter, type SqliteSynchronous, type SqliteWriter } from './sqlite-writer';

export const SQLITE_FILE = 'stockflow.sqlite';

export interface SqliteStoreOptions {
	dataDir: string;
	/** Open an existing file without writing (CLI reports next to a running relay). */
	readonly?: boolean;
	/**
	 * `split` (default): an append resolves once committed to the WAL (survives a crashed or
	 * killed process), `durable()` once the WAL is fsynced (survives power loss). `full`: every
	 * commit is fsynced before its append resolves. `normal`: no fsync except at checkpoints;
	 * power loss may lose the last commits.
	 */
	synchronous?: SqliteSynchronous;
	/** Called after each group commit with the number of updates it stored (metrics). */
	onCommit?: (updates: number) => void;
	/** Called after each WAL sync of `split` mode (metrics). */
	onSync?: () => void;
	/** Test hook for `split` mode: awaited before each WAL sync (a slow disk, a held fsync). */
	syncGate?: () => Promise<void>;
	/** Test hook for `split` mode: the fsync itself (a failing disk). */
	fsync?: WalSyncerOptions['fsync'];
	/** `split` mode: when the WAL is folded into the database file (tests shorten it). */
	checkpoint?: Partial<CheckpointPolicy>;
}

interface Row {
	seq: number;
	data: Buffer;
}

export function sqliteFilePath(dataDir: string): string {
	return join(dataDir, SQLITE_FILE);
}

export function openSqliteStore(options: SqliteStoreOptions): PersistencePort {
	const file = sqliteFilePath(options.dataDir);
	if (!options.readonly) mkdirSync(options.dataDir, { recursive: true });
	// Refuses (StoreOpenError) a file that is not a Stockflow database; never recreates it.
	const db: Database.Database = openStockflowDatabase(file, {
		readonly: options.readonly,
		check: !options.readonly
	});
	const mode: SqliteSynchronous = options.synchronous ?? 'split';
	if (!options.readonly) {
		db.pragma('journal_mode = WAL');
		// This connection compacts, and appends too except in `full`. In WAL mode a NORMAL commit
		// survives kill -9 (it sits in the WAL file in the OS page cache, which outlives the
		// process) but not a power cut, and does no fsync: cheap enough for the relay's thread.
		// `split` leaves fsyncs to libuv's pool and checkpoints to a thread (an fsync here would
		// stall every room for its duration). `normal` keeps SQLite's automatic checkpoints (each
		// fsyncs, here, every few MB of WAL). `full` commits compactions with FULL; its appends
		// commit with FULL on the writer thread.
		db.pragma(mode === 'full' ? 'synchronous = FULL' : 'synchronous = NORMAL');
		if (mode === 'split') db.pragma('wal_autocheckpoint = 0');
	}
	// The CLI may read or write while the relay holds the file: wait instead of failing.
	db.pragma('busy_timeout = 5000');

	const selectRoom = db.prepare<[string, string], Row>(
		'SELECT seq, data FROM updates WHERE workspace = ? AND doc = ? ORDER BY snapshot DESC, seq ASC'
	);
	const countRoom = db.prepare<[string, string], { n: number }>(
		'SELECT COUNT(*) AS n FROM updates WHERE workspace = ? AND doc = ?'
	);
	const listDocs = db.prepare<[string], { doc: string }>(
		'SELECT DISTINCT doc FROM updates WHERE workspace = ? ORDER BY doc'
	);
	const insertAt = options.readonly
		? null
		: db.prepare<[number, string, string, Buffer]>(
				'INSERT INTO updates (seq, workspace, doc, snapshot, data) VALUES (?, ?, ?, 1, ?)'
			);
	const countUpTo = db.prepare<[string, string, number], { n: number }>(
		'SELECT COUNT(*) AS n FROM updates WHERE workspace = ? AND doc = ? AND seq <= ?'
	);
	const deleteSeq = options.readonly
		? null
		: db.prepare<[number]>('DELETE FROM updates WHERE seq = ?');

	let closed = false;
	function writable(): void {
		if (closed) throw new Error('SQLite store is closed');
		if (options.readonly) throw new Error('SQLite store is read-only');
	}

	// Row counts per room, read once and then kept up to date here, so an append does not
	// COUNT(*) a room with 100,000 rows. Only this process writes while the relay runs.
	const counts = new Map<string, number>();
	function rowsOf(room: RoomKey): number {
		const id = roomId(room);
		let n = counts.get(id);
		if (n === undefined) {
			n = countRoom.get(room.workspace, room.doc)?.n ?? 0;
			counts.set(id, n);
		}
		return n;
	}

	// `split`: appends commit without fsync; the syncer's WAL fsync makes commits durable.
	const syncer: WalSyncer | null =
		options.readonly || mode !== 'split'
			? null
			: startWalSyncer(file, {
					onSync: options.onSync,
					syncGate: options.syncGate,
					fsync: options.fsync,
					checkpoint: options.checkpoint
				});
	const onCommit = (rows: number, bytes = 0): void => {
		// Counted before the batch's appends resolve: a durable() after any of them covers it.
		syncer?.committed(bytes);
		options.onCommit?.(rows);
	};
	// `full` appends on the writer thread (its fsync must not stall the relay); WAL lets reads
	// and compaction on this connection run next to the writer's transactions. `split` and
	// `normal` append on this connection: their commits do no fsync.
	const writer: SqliteWriter | null = options.readonly
		? null
		: mode === 'full'
			? startSqliteWriter(file, mode, onCommit)
			: startInlineSqliteWriter(db, onCommit);

	// Reading and merging run on the compaction thread; the swap is this short transaction.
	const compactor: SqliteCompactor | null = options.readonly ? null : startSqliteCompactor(file);
	const swapTx = db.transaction((room: RoomKey, plan: CompactionPlan): CompactResult => {
		// Rows up to the bound change only by compaction (appends get higher seqs): if another
		// process compacted them meanwhile, this plan is stale and the next one will do.
		if (countUpTo.get(room.workspace, room.doc, plan.bound)?.n !== plan.rowsRead) {
			return { merged: 0, snapshotBytes: 0 };
		}
		// Not Math.max(...seqs): a room that was never compacted may have 100,000 rows.
		const top = plan.seqs.reduce((max, seq) => Math.max(max, seq), 0);
		for (const seq of plan.seqs) deleteSeq?.run(seq);
		insertAt?.run(top, room.workspace, room.doc, Buffer.from(plan.snapshot));
		counts.delete(roomId(room));
		return { merged: plan.seqs.length, snapshotBytes: plan.snapshot.byteLength };
	});

	return {
		async ready(): Promise<void> {
			await Promise.all([writer?.ready(), syncer?.ready()]);
		},
		async load(room: RoomKey): Promise<StoredUpdates> {
			if (closed) throw new Error('SQLite store is closed');
			await writer?.drain();
			const rows = selectRoom.all(room.workspace, room.doc);
			let lastSeq = 0;
			const updates = rows.map((row) => {
				lastSeq = Math.max(lastSeq, row.seq);
				return new Uint8Array(row.data);
			});
			return { updates, lastSeq };
		},
		async append(room: RoomKey, update: Uint8Array): Promise<AppendResult> {
			writable();
			if (!writer) throw new Error('SQLite store is read-only');
			// After a failed fsync the page cache may no longer match the disk: store nothing more.
			const failure = syncer?.failure();
			if (failure) throw failure;
			// Read the count before this row can be committed, so it never includes it.
			rowsOf(room);
			const seq = await writer.append({ workspace: room.workspace, doc: room.doc, data: update });
			const storedRows = rowsOf(room) + 1;
			counts.set(roomId(room), storedRows);
			return { seq, storedRows };
		},
		async durable(): Promise<void> {
			if (closed) throw new Error('SQLite store is closed');
			// `full` fsyncs each commit before its append resolves; `normal` promises no more.
			await syncer?.durable();
		},
		async compact(room: RoomKey): Promise<CompactResult> {
			writable();
			// What was appended so far is committed, so the thread reads it.
			await writer?.drain();
			const plan = await compactor?.plan(room);
			if (!plan) return { merged: 0, snapshotBytes: 0 };
			writable();
			const result = swapTx(room, plan);
			// The swap grew the WAL too: it counts toward the next checkpoint.
			if (result.merged > 0) syncer?.committed(result.snapshotBytes);
			return result;
		},
		async count(room: RoomKey): Promise<number> {
			if (closed) throw new Error('SQLite store is closed');
			await writer?.drain();
			return countRoom.get(room.workspace, room.doc)?.n ?? 0;
		},
		async listDocs(workspace: string): Promise<string[]> {
			if (closed) throw new Error('SQLite store is closed');
			await writer?.drain();
			return listDocs.all(workspace).map((row) => row.doc);
		},
		async close(): Promise<void> {
			if (closed) return;
			closed = true;
			await compactor?.close();
			await writer?.close();
			await syncer?.close();
			if (!options.readonly) db.pragma('wal_checkpoint(TRUNCATE)');
			db.close();
		}
	};
}
