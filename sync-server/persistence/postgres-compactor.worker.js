// The Postgres store's compaction thread: reads a room's rows and merges them into one
// snapshot, off the relay's thread (merging a hundred thousand movements takes seconds). It
// only reads; the relay's thread swaps the rows for the snapshot in one short transaction
// (postgres-compactor.ts), so appends never wait for the merge.
// Plain JavaScript: a worker thread does not inherit the tsx loader of the CLI.

import { parentPort, workerData } from 'node:worker_threads';
import pg from 'pg';
import * as Y from 'yjs';

/** @typedef {{ id: number, workspace: string, doc: string } | { id: number, close: true }} Request */

const port = parentPort;
if (!port) throw new Error('postgres-compactor.worker.js must run as a worker thread');

const table = String(workerData.table);
/** @type {pg.Client | null} */
let client = null;

async function connection() {
	if (client) return client;
	const fresh = new pg.Client({ connectionString: String(workerData.url) });
	// A dropped connection fails the plan in progress; the next plan connects again.
	fresh.on('error', () => {
		if (client === fresh) client = null;
	});
	await fresh.connect();
	client = fresh;
	return fresh;
}

/** @param {Uint8Array} data */
function decodes(data) {
	try {
		Y.decodeUpdate(data);
		return true;
	} catch {
		return false;
	}
}

/**
 * One update equal to every readable row of the room when read (`bound`: rows appended later
 * keep their own rows). Rows Yjs cannot read are left where they are.
 * @param {string} workspace
 * @param {string} doc
 */
async function plan(workspace, doc) {
	const db = await connection();
	// One statement sees one snapshot of the table: the bound and the rows are of one instant.
	const result = await db.query(
		`SELECT seq::text AS seq, data FROM ${table} WHERE workspace = $1 AND doc = $2 ORDER BY snapshot DESC, seq ASC`,
		[workspace, doc]
	);
	/** @type {{ seq: number, data: Uint8Array }[]} */
	const rows = result.rows.map((row) => ({ seq: Number(row.seq), data: new Uint8Array(row.data) }));
	if (rows.length <= 1) return null;
	const bound = rows.reduce((max, row) => Math.max(max, row.seq), 0);
	let merged = rows;
	/** @type {Uint8Array} */
	let snapshot;
	try {
		// The usual case decodes each row once: inside the merge.
		snapshot = Y.mergeUpdates(rows.map((row) => row.data));
	} catch {
		merged = rows.filter((row) => decodes(row.data));
		if (merged.length <= 1) return null;
		snapshot = Y.mergeUpdates(merged.map((row) => row.data));
	}
	return { bound, rowsRead: rows.length, seqs: merged.map((row) => row.seq), snapshot };
}

port.on(
	'message',
	/** @param {Request} request */
	(request) => {
		if ('close' in request) {
			const closing = client;
			client = null;
			void (closing ? closing.end() : Promise.resolve())
				.catch(() => undefined)
				.then(() => port.postMessage({ id: request.id, plan: null }));
			return;
		}
		plan(request.workspace, request.doc).then(
			(result) =>
				port.postMessage({ id: request.id, plan: result }, result ? [result.snapshot.buffer] : []),
			(err) =>
				port.postMessage({
					id: request.id,
					error: err instanceof Error ? err.message : String(err)
				})
		);
	}
);
