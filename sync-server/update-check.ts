// Whether a client's update is a well-formed Yjs update, checked before it is stored: bytes
// that are not one never reach the disk. A live edit (hundreds of bytes) is decoded right here,
// in tens of microseconds. A device back after days offline sends its catch-up as one sync
// step 2 of megabytes, and decoding that costs about what applying it does (170 ms for 100,000
// movements): on the relay's thread, every room would wait that long before the room's own
// apply. Updates from `threadMinBytes` on are decoded on a worker thread instead (started when
// first needed, stopped when idle: lazy-worker.ts) while the other rooms go on; the sending
// connection waits for the answer, so its frames stay in order.

import * as Y from 'yjs';
import { z } from 'zod';
import { createLazyWorker } from './lazy-worker';

/** A client update's structs and delete set (`Y.decodeUpdate`). */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

export interface UpdateChecker {
	/**
	 * Resolves if `update` decodes as a Yjs update, with the decoded update when it was decoded
	 * here (null when the thread checked it); rejects with the decoder's reason if not.
	 */
	check(update: Uint8Array): Promise<DecodedUpdate | null>;
	/** Whether the thread is up (tests). */
	running(): boolean;
	close(): Promise<void>;
}

export interface UpdateCheckerOptions {
	/** Updates of at least this many bytes are decoded on the thread (about 7 ms inline). */
	threadMinBytes?: number;
	idleStopMs?: number;
}

export const THREAD_MIN_BYTES = 256 * 1024;

const Reply = z.object({ id: z.number(), error: z.string().optional() });

export function createUpdateChecker(options: UpdateCheckerOptions = {}): UpdateChecker {
	const threadMinBytes = options.threadMinBytes ?? THREAD_MIN_BYTES;
	const worker = createLazyWorker(new URL('./update-check.worker.js', import.meta.url), {
		// Sooner than the compaction thread: after a megabyte check its heap holds the decoded
		// structs (a hundred MB for 100,000 movements) until it is collected or stopped.
		idleStopMs: options.idleStopMs ?? 10_000,
		name: 'update check thread'
	});
	return {
		async check(update) {
			if (update.byteLength < threadMinBytes) return Y.decodeUpdate(update);
			// A copy moves to the thread: `update` is a view into the connection's frame.
			const copy = update.slice();
			let reply: z.infer<typeof Reply>;
			try {
				reply = Reply.parse(await worker.request({ update: copy }, [copy.buffer]));
			} catch {
				// The thread failed, not the update: check it here (the next one starts a thread).
				return Y.decodeUpdate(update);
			}
			if (reply.error !== undefined) throw new Error(reply.error);
			return null;
		},
		running: () => worker.running(),
		close: () => worker.close()
	};
}
