// When the WAL is folded into the database file (`split` mode), and on which thread. A
// checkpoint blocks its thread for the copy and two fsyncs, so it runs on a thread of its own
// (sqlite-checkpoint.worker.js), started only when a checkpoint is due and stopped once idle:
// between checkpoints a relay holds no second isolate. What is due is a matter of WAL size, not
// of durability: commits are made power-safe by the WAL fsync (sqlite-durability.ts), and a
// checkpoint is SQLite's own, in its own safe order (docs/DECISIONS.md, "Relay durability").

import { z } from 'zod';
import { createLazyWorker } from '../lazy-worker';

export interface CheckpointPolicy {
	/** Estimated WAL growth since the last checkpoint that makes the next one due. */
	walBytes: number;
	/** A commit is folded into the database file at most this long after it was made. */
	maxAgeMs: number;
	/**
	 * A checkpoint that found the WAL above `walBytes` and well above what was written since
	 * the last one (SQLite did not start it over: writes kept coming while that one ran) makes
	 * the next one due this long after a commit, until it does.
	 */
	catchUpMs: number;
	/** The thread stops after this long without a checkpoint to run. */
	idleStopMs: number;
}

/** WAL bytes a one-row commit adds besides its data: ~3 frames (table, index, sequence). */
export const COMMIT_WAL_BYTES = 3 * (4096 + 24);

export const DEFAULT_CHECKPOINT_POLICY: CheckpointPolicy = {
	// ~2,500 small commits: SQLite's own default is 4 MB, but each checkpoint here starts a
	// thread; 32 MiB of WAL costs ~30 ms of recovery after a crash and nothing while running.
	walBytes: 32 * 1024 * 1024,
	maxAgeMs: 60_000,
	// Below idleStopMs: a catch-up checkpoint reuses the thread.
	catchUpMs: 500,
	idleStopMs: 1000
};

const Reply = z.object({
	id: z.number(),
	walBytes: z.number().optional(),
	error: z.string().optional()
});

export interface WalCheckpointer {
	/** A commit of about `bytes` of data reached the WAL: counted toward the next checkpoint. */
	committed(bytes: number): void;
	/** Whether the checkpoint thread is up (it starts when one is due and stops once idle). */
	running(): boolean;
	/** Resolves once no checkpoint is running (tests, close). */
	settled(): Promise<void>;
	/** Waits for a running checkpoint, then stops the thread; nothing is scheduled after. */
	close(): Promise<void>;
}

export interface WalCheckpointerOptions {
	policy?: Partial<CheckpointPolicy>;
	/** A checkpoint failed (the disk, or its thread died): the caller stops the store. */
	onFailure(err: Error): void;
	/** Called after each checkpoint with the WAL's size in bytes when it ran. */
	onCheckpoint?: (walBytes: number) => void;
	/** Test hook: another thread script (a failing disk). */
	workerUrl?: URL;
}

export function startWalCheckpointer(
	file: string,
	options: WalCheckpointerOptions
): WalCheckpointer {
	const policy = { ...DEFAULT_CHECKPOINT_POLICY, ...options.policy };
	const url = options.workerUrl ?? new URL('./sqlite-checkpoint.worker.js', import.meta.url);
	const worker = createLazyWorker(url, {
		workerData: { file },
		idleStopMs: policy.idleStopMs,
		name: 'SQLite checkpoint thread'
	});
	let pendingBytes = 0;
	let firstPendingAt: number | null = null;
	let catchUp = false;
	let inFlight: Promise<void> | null = null;
	let timer: NodeJS.Timeout | null = null;
	let closed = false;

	function schedule(): void {
		if (closed || inFlight || firstPendingAt === null) return;
		if (pendingBytes >= policy.walBytes) {
			run();
			return;
		}
		if (timer) return;
		const wait = (catchUp ? policy.catchUpMs : policy.maxAgeMs) - (Date.now() - firstPendingAt);
		timer = setTimeout(run, Math.max(0, wait));
		// A pending checkpoint never keeps the process alive; the store's close runs none.
		timer.unref();
	}

	function run(): void {
		if (timer) clearTimeout(timer);
		timer = null;
		if (closed || inFlight) return;
		const written = pendingBytes;
		pendingBytes = 0;
		firstPendingAt = null;
		inFlight = worker
			.request({ checkpoint: true })
			.then((raw) => {
				const reply = Reply.parse(raw);
				if (reply.error) throw new Error(`WAL checkpoint failed: ${reply.error}`);
				const walBytes = reply.walBytes ?? 0;
				// Much more in the WAL than was written since the last checkpoint (the estimate is
				// within ~10%): it holds older frames too, so it did not start over after that one.
				catchUp = walBytes > policy.walBytes && walBytes > 1.5 * written;
				options.onCheckpoint?.(walBytes);
			})
			.catch((err: unknown) => {
				// Nothing more is scheduled: the store stops taking writes.
				closed = true;
				options.onFailure(err instanceof Error ? err : new Error(String(err)));
			})
			.finally(() => {
				inFlight = null;
				schedule();
			});
	}

	return {
		committed(bytes) {
			if (closed) return;
			pendingBytes += COMMIT_WAL_BYTES + bytes;
			firstPendingAt ??= Date.now();
			schedule();
		},
		running: () => worker.running(),
		settled: async () => {
			await inFlight;
		},
		async close() {
			closed = true;
			if (timer) clearTimeout(timer);
			timer = null;
			await inFlight;
			await worker.close();
		}
	};
}
