// The SQLite writer thread: commits batches of updates with synchronous=FULL. An fsync takes
// milliseconds (tens on a busy disk); on the relay's thread it would stall every room, every
// forward and every handshake for that long. Here it stalls only this thread, and the batch
// that queues up meanwhile becomes the next transaction (group commit).
// Plain JavaScript: a worker thread does not inherit the tsx loader of the CLI.

import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

/** @typedef {{ workspace: string, doc: string, data: Uint8Array }} PendingRow */
/** @typedef {{ id: number, rows: PendingRow[] } | { id: number, close: true }} Request */

const port = parentPort;
if (!port) throw new Error('sqlite-writer.worker.js must run as a worker thread');

const db = new Database(String(workerData.file));
db.pragma('journal_mode = WAL');
// See sqlite.ts: FULL fsyncs every commit, because "stored" (message 100) should survive power
// loss; NORMAL (opt-in) survives a crashed or killed process but not a power cut.
db.pragma(workerData.synchronous === 'normal' ? 'synchronous = NORMAL' : 'synchronous = FULL');
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
		try {
			port.postMessage({ id: request.id, seqs: insertAll(request.rows) });
		} catch (err) {
			port.postMessage({ id: request.id, error: err instanceof Error ? err.message : String(err) });
		}
	}
);
