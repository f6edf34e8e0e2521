// Main-thread side of the compaction thread (sqlite-compactor.worker.js). The thread reads and
// merges a room's rows; `plan` resolves with the snapshot, which the store then swaps in on the
// relay's thread (deleting rows and inserting one is short, and keeps one writer per file).
// The thread starts at the first compaction (a relay that never compacts never starts it) and
// again after a failure.

import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import type { RoomKey } from './port';

export interface CompactionPlan {
	/** The room's highest seq when the rows were read: later rows are not part of it. */
	readonly bound: number;
	/** Rows up to `bound` when read (readable or not): a swap checks they are still there. */
	readonly rowsRead: number;
	/** Rows folded into the snapshot; unreadable rows stay where they are. */
	readonly seqs: readonly number[];
	readonly snapshot: Uint8Array;
}

const Reply = z.object({
	id: z.number(),
	plan: z
		.object({
			bound: z.number(),
			rowsRead: z.number(),
			seqs: z.array(z.number()),
			snapshot: z.instanceof(Uint8Array)
		})
		.nullable()
		.optional(),
	error: z.string().optional()
});
type Reply = z.infer<typeof Reply>;

export interface SqliteCompactor {
	/** The room's rows merged, or null when there is nothing to fold (one row or none). */
	plan(room: RoomKey): Promise<CompactionPlan | null>;
	close(): Promise<void>;
}

export function startSqliteCompactor(file: string): SqliteCompactor {
	let worker: Worker | null = null;
	const waiting = new Map<number, (reply: Reply) => void>();
	let nextId = 1;
	let closed = false;

	function failAll(message: string): void {
		for (const settle of waiting.values()) settle({ id: 0, error: message });
		waiting.clear();
	}

	function thread(): Worker {
		if (worker) return worker;
		const started = new Worker(new URL('./sqlite-compactor.worker.js', import.meta.url), {
			workerData: { file }
		});
		// Compaction is an optimisation: a thread that failed fails its compactions (logged by
		// the caller) and the next compaction starts a new one.
		const gone = (message: string): void => {
			if (worker === started) worker = null;
			failAll(message);
		};
		started.on('error', (err) => gone(err.message));
		started.on('exit', (code) => gone(`SQLite compaction thread exited (${code})`));
		started.on('message', (raw: unknown) => {
			const reply = Reply.safeParse(raw);
			if (!reply.success) return;
			waiting.get(reply.data.id)?.(reply.data);
			waiting.delete(reply.data.id);
			// Idle, the thread must not keep the process alive.
			if (waiting.size === 0) started.unref();
		});
		worker = started;
		return started;
	}

	function request(body: object): Promise<Reply> {
		const id = nextId++;
		return new Promise((resolve) => {
			waiting.set(id, resolve);
			const running = thread();
			running.ref();
			running.postMessage({ id, ...body });
		});
	}

	return {
		async plan(room) {
			if (closed) throw new Error('SQLite compactor closed');
			const reply = await request({ workspace: room.workspace, doc: room.doc });
			if (reply.error) throw new Error(`compaction failed: ${reply.error}`);
			return reply.plan ?? null;
		},
		async close() {
			closed = true;
			const running = worker;
			if (!running) return;
			await request({ close: true });
			await running.terminate();
			worker = null;
		}
	};
}
