// Embedded persistence: one SQLite file `${dataDir}/stockflow.sqlite` (better-sqlite3, WAL).
// Rows are raw Yjs updates; compaction replaces a room's rows with one merged snapshot row.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import type { AppendResult, CompactResult, PersistencePort, RoomKey, StoredUpdates } from './port';
import { mergeStored } from './merge';

export const SQLITE_FILE = 'stockflow.sqlite';

export interface SqliteStoreOptions {
	dataDir: string;
	/** Open an existing file without writing (CLI reports next to a running relay). */
	readonly?: boolean;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS updates (
	seq INTEGER PRIMARY KEY AUTOINCREMENT,
	workspace TEXT NOT NULL,
	doc TEXT NOT NULL,
	snapshot INTEGER NOT NULL DEFAULT 0,
	data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_room ON updates (workspace, doc, seq);
`;

interface Row {
	seq: number;
	data: Buffer;
}

export function sqliteFilePath(dataDir: string): string {
	return join(dataDir, SQLITE_FILE);
}

export function openSqliteStore(options: SqliteStoreOptions): PersistencePort {
	const file = sqliteFilePath(options.dataDir);
	let db: Database.Database;
	if (options.readonly) {
		db = new Database(file, { readonly: true, fileMustExist: true });
	} else {
		mkdirSync(options.dataDir, { recursive: true });
		db = new Database(file);
		db.pragma('journal_mode = WAL');
		// FULL, not NORMAL: in WAL mode NORMAL already survives kill -9 (a committed
		// transaction sits in the WAL file in the OS page cache, which outlives the process),
		// but it may lose the last commits on power loss or a kernel crash. The relay tells
		// clients "stored" (message 100) right after append, and clients may then consider
		// their change confirmed, so each commit is fsynced. Inventory writes are a few per
		// second, and the CLI demo sends a month of movements as one update, so the fsync per
		// commit costs little.
		db.pragma('synchronous = FULL');
		db.exec(SCHEMA);
	}
	// The CLI may read or write while the relay holds the file: wait instead of failing.
	db.pragma('busy_timeout = 5000');

	const selectRoom = db.prepare<[string, string], Row>(
		'SELECT seq, data FROM updates WHERE workspace = ? AND doc = ? ORDER BY snapshot DESC, seq ASC'
	);
	const countRoom = db.prepare<[string, string], { n: number }>(
		'SELECT COUNT(*) AS n FROM updates WHERE workspace = ? AND doc = ?'
	);
	const maxSeq = db.prepare<[string, string], { m: number | null }>(
		'SELECT MAX(seq) AS m FROM updates WHERE workspace = ? AND doc = ?'
	);
	const listDocs = db.prepare<[string], { doc: string }>(
		'SELECT DISTINCT doc FROM updates WHERE workspace = ? ORDER BY doc'
	);
	const insert = options.readonly
		? null
		: db.prepare<[string, string, number, Buffer]>(
				'INSERT INTO updates (workspace, doc, snapshot, data) VALUES (?, ?, ?, ?)'
			);
	const insertAt = options.readonly
		? null
		: db.prepare<[number, string, string, Buffer]>(
				'INSERT INTO updates (seq, workspace, doc, snapshot, data) VALUES (?, ?, ?, 1, ?)'
			);
	const selectUpTo = db.prepare<[string, string, number], Row>(
		'SELECT seq, data FROM updates WHERE workspace = ? AND doc = ? AND seq <= ? ORDER BY snapshot DESC, seq ASC'
	);
	const deleteSeq = options.readonly
		? null
		: db.prepare<[number]>('DELETE FROM updates WHERE seq = ?');

	let closed = false;
	function writable(): void {
		if (closed) throw new Error('SQLite store is closed');
		if (options.readonly) throw new Error('SQLite store is read-only');
	}

	const compactTx = db.transaction((room: RoomKey): CompactResult => {
		// Bound first: rows appended after this point (another process, or a later call) keep
		// their own rows and are merged by a later compaction.
		const bound = maxSeq.get(room.workspace, room.doc)?.m ?? 0;
		const rows = selectUpTo.all(room.workspace, room.doc, bound);
		if (rows.length <= 1) return { merged: 0, snapshotBytes: 0 };
		const decodable: Row[] = [];
		for (const row of rows) {
			try {
				Y.decodeUpdate(row.data);
				decodable.push(row);
			} catch {
				// A row Yjs cannot read stays where it is; the loader skips it.
			}
		}
		if (decodable.length <= 1) return { merged: 0, snapshotBytes: 0 };
		const snapshot = mergeStored(decodable.map((row) => new Uint8Array(row.data)));
		const top = Math.max(...decodable.map((row) => row.seq));
		for (const row of decodable) deleteSeq?.run(row.seq);
		insertAt?.run(top, room.workspace, room.doc, Buffer.from(snapshot));
		return { merged: decodable.length, snapshotBytes: snapshot.byteLength };
	});

	return {
		async load(room: RoomKey): Promise<StoredUpdates> {
			if (closed) throw new Error('SQLite store is closed');
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
			const info = insert?.run(room.workspace, room.doc, 0, Buffer.from(update));
			const seq = Number(info?.lastInsertRowid ?? 0);
			const storedRows = countRoom.get(room.workspace, room.doc)?.n ?? 0;
			return { seq, storedRows };
		},
		async compact(room: RoomKey): Promise<CompactResult> {
			writable();
			return compactTx(room);
		},
		async count(room: RoomKey): Promise<number> {
			if (closed) throw new Error('SQLite store is closed');
			return countRoom.get(room.workspace, room.doc)?.n ?? 0;
		},
		async listDocs(workspace: string): Promise<string[]> {
			if (closed) throw new Error('SQLite store is closed');
			return listDocs.all(workspace).map((row) => row.doc);
		},
		async close(): Promise<void> {
			if (closed) return;
			closed = true;
			if (!options.readonly) db.pragma('wal_checkpoint(TRUNCATE)');
			db.close();
		}
	};
}
