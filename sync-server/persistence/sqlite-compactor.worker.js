// The compaction thread: reads a room's rows and merges them into one snapshot. Decoding and
// merging a room takes tens of milliseconds for a few thousand movements and seconds for a
// hundred thousand; on the relay's thread that would stall every room for as long. This thread
// only reads: the relay's thread swaps the rows for the snapshot in one short transaction
// (sqlite-compactor.ts), so appends never wait for it.
// Plain JavaScript: a worker thread does not inherit the tsx loader of the CLI.

import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import * as Y from 'yjs';

/** @typedef {{ id: number, workspace: string, doc: string } | { id: number, close: true }} Request */

const port = parentPort;
if (!port) throw new Error('sqlite-compactor.worker.js must run as a worker thread');

const db = new Database(String(workerData.file), { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
const maxSeq = db.prepare('SELECT MAX(seq) AS m FROM updates WHERE workspace = ? AND doc = ?');
const selectUpTo = db.prepare(
	'SELECT seq, data FROM updates WHERE workspace = ? AND doc = ? AND seq <= ? ORDER BY snapshot DESC, seq ASC'
);

/** @param {{ data: Buffer }} row */
function decodes(row) {
	try {
		Y.decodeUpdate(row.data);
		return true;
	} catch {
		return false;
	}
}

/**
 * One update equal to every readable row up to the room's current highest seq (`bound`: rows
 * appended after it keep their own rows). Rows Yjs cannot read are left where they are.
 * @param {string} workspace
 * @param {string} doc
 */
function plan(workspace, doc) {
	// One read transaction: the bound and the rows are of the same instant.
	return db.transaction(() => {
		const bound = maxSeq.get(workspace, doc)?.m ?? 0;
		/** @type {{ seq: number, data: Buffer }[]} */
		const rows = selectUpTo.all(workspace, doc, bound);
		if (rows.length <= 1) return null;
		/** @type {Uint8Array} */
		let snapshot;
		let merged = rows;
		try {
			// The usual case decodes each row once: inside the merge.
			snapshot = Y.mergeUpdates(rows.map((row) => new Uint8Array(row.data)));
		} catch {
			merged = rows.filter(decodes);
			if (merged.length <= 1) return null;
			snapshot = Y.mergeUpdates(merged.map((row) => new Uint8Array(row.data)));
		}
		return {
			bound,
			rowsRead: rows.length,
			seqs: merged.map((row) => row.seq),
			snapshot
		};
	})();
}

port.on(
	'message',
	/** @param {Request} request */
	(request) => {
		if ('close' in request) {
			db.close();
			port.postMessage({ id: request.id, plan: null });
			return;
		}
		try {
			const result = plan(request.workspace, request.doc);
			port.postMessage({ id: request.id, plan: result }, result ? [result.snapshot.buffer] : []);
		} catch (err) {
			port.postMessage({ id: request.id, error: err instanceof Error ? err.message : String(err) });
		}
	}
);
