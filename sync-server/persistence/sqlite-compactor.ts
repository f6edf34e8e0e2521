// Main-thread side of the compaction thread (sqlite-compactor.worker.js). The thread reads and
// merges a room's rows; `plan` resolves with the snapshot, which the store then swaps in on the
// relay's thread (deleting rows and inserting one is short, and keeps one writer per file).
// The thread starts at the first compaction (a relay that never compacts never starts it),
// again after a failure, and stops after a minute without compactions (its isolate and SQLite
// connection are ~10 MB that a quiet relay gives back): see lazy-worker.ts.

import { z } from 'zod';
import { createLazyWorker } from '../lazy-worker';
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
	// Compaction is an optimisation: a thread that failed fails its compactions (logged by the
	// caller) and the next compaction starts a new one.
	const worker = createLazyWorker(new URL('./sqlite-compactor.worker.js', import.meta.url), {
		workerData: { file },
		idleStopMs: options.idleStopMs ?? IDLE_STOP_MS,
		name: 'SQLite compaction thread'
	});
	return {
		async plan(room) {
			const reply = Reply.parse(await worker.request({ workspace: room.workspace, doc: room.doc }));
			if (reply.error) throw new Error(`compaction failed: ${reply.error}`);
			return reply.plan ?? null;
		},
		running: () => worker.running(),
		close: () => worker.close()
	};
}
