// Main-thread side of the compaction thread (sqlite-compactor.worker.js). The thread reads and
// merges a room's rows; `plan` resolves with the snapshot, which the store then swaps in on the
// relay's thread (deleting rows and inserting one is short, and keeps one writer per file).
// The thread starts at the first compaction (a relay that never compacts never starts it),
// again after a failure, and stops after a minute without compactions (its isolate and SQLite
// connection are ~10 MB that a quiet relay gives back).

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
	/** Whether the thread is up (it starts with a plan and stops once idle). */
	running(): boolean;
	close(): Promise<void>;
}

/** The thread stops after this long without a plan to make. */
const IDLE_STOP_MS = 60_000;

export function startSqliteCompactor(
	file: string,
	options: { idleStopMs?: number } = {}
): SqliteCompactor {
	const idleStopMs = options.idleStopMs ?? IDLE_STOP_MS;
	let worker: Worker | null = null;
	let idleTimer: NodeJS.Timeout | null = null;
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
			// A thread stopped on purpose (idle, closed) fails nothing: its plans were answered.
			if (worker !== started) return;
			worker = null;
			failAll(message);
		};
		started.on('error', (err) => gone(err.message));
		started.on('exit', (code) => gone(`SQLite compaction thread exited (${code})`));
		started.on('message', (raw: unknown) => {
			const reply = Reply.safeParse(raw);
			if (!reply.success) return;
			waiting.get(reply.data.id)?.(reply.data);
			waiting.delete(reply.data.id);
			if (closed || waiting.size > 0 || worker !== started) return;
			// Idle, the thread must not keep the process alive, and stops after a while.
			started.unref();
			idleTimer = setTimeout(() => stopIdle(started), idleStopMs);
			idleTimer.unref();
		});
		worker = started;
		return started;
	}

	function stopIdle(idle: Worker): void {
		idleTimer = null;
		if (worker !== idle || waiting.size > 0) return;
		worker = null;
		// Closing its connection first; a plan asked for meanwhile starts a new thread.
		idle.postMessage({ id: 0, close: true });
		idle.once('message', () => void idle.terminate());
	}

	function request(body: object): Promise<Reply> {
		const id = nextId++;
		if (idleTimer) clearTimeout(idleTimer);
		idleTimer = null;
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
		running: () => worker !== null,
		async close() {
			closed = true;
			if (idleTimer) clearTimeout(idleTimer);
			idleTimer = null;
			const running = worker;
			if (!running) return;
			await request({ close: true });
			worker = null;
			await running.terminate();
		}
	};
}
