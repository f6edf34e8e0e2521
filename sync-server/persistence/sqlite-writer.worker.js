// The SQLite writer thread: commits batches of updates. The relay uses it in `full` mode, where
// every commit fsyncs (milliseconds, tens on a busy disk): on the relay's thread that would
// stall every room, forward and handshake. Here it stalls only this thread, and the batch that
// queues up meanwhile becomes the next transaction (group commit). `split` and `normal` commits
// do no fsync and skip the thread hops (sqlite-inline-writer.ts); this thread still takes them.
// Plain JavaScript: a worker thread does not inherit the tsx loader of the CLI.

import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

/** @typedef {{ workspace: string, doc: string, data: Uint8Array }} PendingRow */
/** @typedef {{ id: number, rows: PendingRow[] } | { id: number, close: true } | { id: number, ping: true }} Request */

const port = parentPort;
if (!port) throw new Error('sqlite-writer.worker.js must run as a worker thread');

const db = new Database(String(workerData.file));
db.pragma('journal_mode = WAL');
// See sqlite.ts. `full`: every commit is fsynced before it returns. `split` and `normal`: a
// commit returns once it is in the WAL file (page cache), which survives a crashed or killed
// process; in `split` the WAL is fsynced before message 100 confirms it, and checkpoints run on
// a thread of their own (a NORMAL checkpoint fsyncs twice, which would stall commits here).
const mode = String(workerData.synchronous);
db.pragma(mode === 'full' ? 'synchronous = FULL' : 'synchronous = NORMAL');
if (mode === 'split') db.pragma('wal_autocheckpoint = 0');
db.pragma('busy_timeout = 5000');
const insert = db.prepare(
	'INSERT INTO updates (workspace, doc, snapshot, data) VALUES (?, ?, 0, ?)'
);
const insertAll = db.transaction(
	/** @param {PendingRow[]} rows */
	(rows) =>
		rows.map((row) =>
			Number(insert.run(row.workspace, row.doc, Buffer.from(row.data)).lastInsertRowid)
		)
);

port.on(
	'message',
	/** @param {Request} request */
	(request) => {
		if ('close' in request) {
			db.close();
			port.postMessage({ id: request.id, seqs: [] });
			return;
		}
		if ('ping' in request) {
			port.postMessage({ id: request.id, seqs: [] });
			return;
		}
		try {
			port.postMessage({ id: request.id, seqs: insertAll(request.rows) });
		} catch (err) {
			port.postMessage({ id: request.id, error: err instanceof Error ? err.message : String(err) });
		}
	}
);
