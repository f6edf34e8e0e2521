// The checkpoint thread of STOCKFLOW_SQLITE_SYNC=split: folds the WAL into the database file.
// Started by sqlite-checkpointer.ts only when a checkpoint is due and stopped once idle (an
// isolate is ~6–10 MB that a relay between checkpoints does not hold). A checkpoint is a
// better-sqlite3 call that blocks its thread for the copy and two fsyncs, so it never runs on
// the relay's thread.
// Plain JavaScript: a worker thread does not inherit the tsx loader of the CLI.

import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

/** @typedef {{ id: number, checkpoint: true } | { id: number, close: true }} Request */

const port = parentPort;
if (!port) throw new Error('sqlite-checkpoint.worker.js must run as a worker thread');

const db = new Database(String(workerData.file), { fileMustExist: true });
// NORMAL is what makes a checkpoint safe against power loss, in SQLite's own order: it fsyncs
// the WAL before copying frames into the database file, and the database file before it marks
// them copied; only then may a writer start the WAL over and overwrite them.
db.pragma('synchronous = NORMAL');
db.pragma('busy_timeout = 5000');
// This connection never commits, but SQLite's automatic checkpoints stay off here too.
db.pragma('wal_autocheckpoint = 0');
const pageSize = Number(db.pragma('page_size', { simple: true }));

port.on(
	'message',
	/** @param {Request} request */
	(request) => {
		if ('close' in request) {
			db.close();
			port.postMessage({ id: request.id });
			return;
		}
		try {
			// PASSIVE never waits for the writer or readers (the relay's thread commits meanwhile);
			// frames it cannot fold yet wait for the next checkpoint.
			const [row] = /** @type {{ busy: number, log: number, checkpointed: number }[]} */ (
				db.pragma('wal_checkpoint(PASSIVE)')
			);
			// `log`: frames in the WAL since it last started over (24-byte header each).
			port.postMessage({ id: request.id, walBytes: Math.max(0, row?.log ?? 0) * (pageSize + 24) });
		} catch (err) {
			port.postMessage({ id: request.id, error: err instanceof Error ? err.message : String(err) });
		}
	}
);
