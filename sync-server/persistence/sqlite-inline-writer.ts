// The SQLite writer of `split` and `normal` modes: commits on the relay's own thread. Their
// commits do no fsync (WAL with synchronous=NORMAL: a commit is a write() into the WAL file in
// the OS page cache, tens of microseconds), so handing them to a thread would cost more than the
// commit itself: two thread hops per update, a millisecond and much longer tails when the
// relay shares its cores. `full` fsyncs every commit and keeps its thread (sqlite-writer.ts).
// Group commit: appends issued together (in one synchronous run of code) wait in `pending` and
// go as one transaction from a microtask queued by the first; each append resolves only after
// that transaction committed. A microtask, not a later event-loop phase: the relay forwards an
// update only once it is committed, and at a few writes per second a setImmediate hop was a
// tenth of the relay's added latency. A transaction costs ~25 µs here, so frames that arrive in
// separate I/O callbacks committing separately costs little even at hundreds of writes a second.

import type Database from 'better-sqlite3';
import type { SqliteWriter, WriterRow } from './sqlite-writer';

interface Queued extends WriterRow {
	resolve(seq: number): void;
	reject(err: Error): void;
}

/** Appends through `db`, the relay thread's connection (reads and compaction share it). */
export function startInlineSqliteWriter(
	db: Database.Database,
	onCommit?: (rows: number, bytes: number) => void
): SqliteWriter {
	const insert = db.prepare<[string, string, Uint8Array]>(
		'INSERT INTO updates (workspace, doc, snapshot, data) VALUES (?, ?, 0, ?)'
	);
	const insertOne = (row: Queued): number =>
		Number(insert.run(row.workspace, row.doc, row.data).lastInsertRowid);
	const insertAll = db.transaction((rows: readonly Queued[]) => rows.map(insertOne));
	let pending: Queued[] = [];
	let closed = false;

	/** Commits everything pending as one transaction, then settles its appends. */
	function commit(): void {
		if (pending.length === 0) return;
		const batch = pending;
		pending = [];
		let seqs: number[];
		try {
			// A lone row commits on its own (SQLite's autocommit): the same one transaction,
			// without BEGIN and COMMIT as statements of their own (~10 µs of ~100 here).
			const only = batch.length === 1 ? batch[0] : undefined;
			seqs = only ? [insertOne(only)] : insertAll(batch);
		} catch (err) {
			const error = err instanceof Error ? err : new Error(String(err));
			for (const row of batch) row.reject(error);
			return;
		}
		// Before the appends resolve: a durable() after any of them must cover this commit.
		onCommit?.(
			batch.length,
			batch.reduce((sum, row) => sum + row.data.byteLength, 0)
		);
		batch.forEach((row, i) => row.resolve(seqs[i] ?? 0));
	}

	return {
		ready: () => Promise.resolve(),
		append(row) {
			if (closed) return Promise.reject(new Error('SQLite writer closed'));
			return new Promise((resolve, reject) => {
				// A copy: the caller's bytes may be a view into a buffer it reuses before the commit.
				pending.push({
					workspace: row.workspace,
					doc: row.doc,
					data: row.data.slice(),
					resolve,
					reject
				});
				if (pending.length === 1) queueMicrotask(commit);
			});
		},
		drain() {
			commit();
			return Promise.resolve();
		},
		async close() {
			commit();
			closed = true;
		}
	};
}
