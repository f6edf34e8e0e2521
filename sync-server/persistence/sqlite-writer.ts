// Main-thread side of the SQLite writer thread (sqlite-writer.worker.js) of `full` mode, whose
// every commit fsyncs: one batch in flight at a time; everything appended while it commits
// waits in `pending` and goes as the next transaction. That is group commit with no timer: the
// busier the relay, the bigger the batch, and an idle relay commits a lone update at once.
// `split` and `normal` commit without fsync, on the relay's thread (sqlite-inline-writer.ts).

import { Worker } from 'node:worker_threads';
import { z } from 'zod';

export interface WriterRow {
	workspace: string;
	doc: string;
	data: Uint8Array;
}

interface Queued extends WriterRow {
	resolve(seq: number): void;
	reject(err: Error): void;
}

const Reply = z.object({
	id: z.number(),
	seqs: z.array(z.number()).optional(),
	error: z.string().optional()
});

/** Appends rows with group commit; the threaded and the inline writer are interchangeable. */
export interface SqliteWriter {
	/** Resolves once the writer can commit without a start-up delay (rejects if it cannot). */
	ready(): Promise<void>;
	/** Resolves with the row's seq once its transaction committed; copies `row.data` first. */
	append(row: WriterRow): Promise<number>;
	/** Resolves once everything appended so far is committed (or failed). */
	drain(): Promise<void>;
	close(): Promise<void>;
}

/**
 * When a commit returns and what it survives (STOCKFLOW_SQLITE_SYNC). `full`: fsynced before it
 * returns (power loss). `split`: in the WAL (page cache) when it returns (crash, `kill -9`), and
 * fsynced (sqlite-durability.ts) before `durable()` resolves. `normal`: like `split` without
 * the durability step (power loss may take the last commits, even confirmed ones).
 */
export type SqliteSynchronous = 'full' | 'split' | 'normal';

export const SQLITE_SYNCHRONOUS_MODES: readonly SqliteSynchronous[] = ['full', 'split', 'normal'];

export function startSqliteWriter(
	file: string,
	synchronous: SqliteSynchronous,
	onCommit?: (rows: number) => void
): SqliteWriter {
	const worker = new Worker(new URL('./sqlite-writer.worker.js', import.meta.url), {
		workerData: { file, synchronous }
	});
	// The relay must not keep running with a dead writer: every later append fails loudly.
	let broken: Error | null = null;
	const waiting = new Map<number, (reply: z.infer<typeof Reply>) => void>();
	let nextId = 1;
	let pending: Queued[] = [];
	let inFlight: Promise<void> | null = null;
	const drained: (() => void)[] = [];

	function fail(err: Error): void {
		broken ??= err;
		for (const settle of waiting.values()) settle({ id: 0, error: err.message });
		waiting.clear();
	}
	worker.on('error', fail);
	worker.on('exit', (code) => fail(new Error(`SQLite writer exited (${code})`)));
	worker.on('message', (raw: unknown) => {
		const reply = Reply.safeParse(raw);
		if (!reply.success) return;
		waiting.get(reply.data.id)?.(reply.data);
		waiting.delete(reply.data.id);
	});

	function request(body: object): Promise<z.infer<typeof Reply>> {
		if (broken) return Promise.resolve({ id: 0, error: broken.message });
		const id = nextId++;
		return new Promise((resolve) => {
			waiting.set(id, resolve);
			worker.postMessage({ id, ...body });
		});
	}

	// The worker answers messages only after its start-up code ran: the first answer means ready.
	const started = request({ ping: true }).then((reply) => {
		if (reply.error) throw new Error(reply.error);
	});
	started.catch(() => undefined); // reported by ready() and by every append

	function pump(): void {
		if (inFlight || pending.length === 0) {
			if (!inFlight) for (const done of drained.splice(0)) done();
			return;
		}
		const batch = pending;
		pending = [];
		const rows = batch.map(({ workspace, doc, data }) => ({ workspace, doc, data }));
		inFlight = request({ rows }).then((reply) => {
			inFlight = null;
			if (reply.seqs && reply.seqs.length === batch.length) {
				onCommit?.(batch.length);
				batch.forEach((q, i) => q.resolve(reply.seqs?.[i] ?? 0));
			} else {
				const err = new Error(reply.error ?? 'SQLite writer failed');
				for (const q of batch) q.reject(err);
			}
			pump();
		});
	}

	return {
		ready: () => started,
		append(row) {
			return new Promise((resolve, reject) => {
				// slice(): post only these bytes, not the (possibly pooled) buffer behind a view.
				pending.push({ ...row, data: row.data.slice(), resolve, reject });
				// Everything appended in this turn joins the batch before it leaves.
				if (pending.length === 1 && !inFlight) setImmediate(pump);
			});
		},
		drain() {
			if (!inFlight && pending.length === 0) return Promise.resolve();
			return new Promise((resolve) => {
				drained.push(resolve);
				if (!inFlight) pump();
			});
		},
		async close() {
			await this.drain();
			if (!broken) await request({ close: true });
			broken ??= new Error('SQLite writer closed');
			await worker.terminate();
		}
	};
}
