// Main-thread side of the Postgres compaction thread (postgres-compactor.worker.js): the thread
// reads and merges a room's rows on its own connection; `plan` resolves with the snapshot, which
// the store swaps in (postgres.ts). Started at the first compaction, stopped after a minute
// without one (see lazy-worker.ts).

import { z } from 'zod';
import { createLazyWorker } from '../lazy-worker';
import type { RoomKey } from './port';
import type { CompactionPlan } from './sqlite-compactor';

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

export interface PostgresCompactor {
	/** The room's rows merged, or null when there is nothing to fold (one row or none). */
	plan(room: RoomKey): Promise<CompactionPlan | null>;
	close(): Promise<void>;
}

const IDLE_STOP_MS = 60_000;

export function startPostgresCompactor(url: string, table: string): PostgresCompactor {
	const worker = createLazyWorker(new URL('./postgres-compactor.worker.js', import.meta.url), {
		workerData: { url, table },
		idleStopMs: IDLE_STOP_MS,
		name: 'Postgres compaction thread'
	});
	return {
		async plan(room) {
			const reply = Reply.parse(await worker.request({ workspace: room.workspace, doc: room.doc }));
			if (reply.error) throw new Error(`compaction failed: ${reply.error}`);
			return reply.plan ?? null;
		},
		close: () => worker.close()
	};
}
