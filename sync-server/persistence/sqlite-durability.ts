// Main-thread side of the durability thread (sqlite-durability.worker.js), used in `split`
// mode: commits are counted as the writer reports them, one WAL sync is in flight at a time and
// covers every commit counted before it was sent (group sync), and `durable()` waits for the
// sync that covers everything committed so far. A sync starts at once when someone waits for
// one (message 100), else within SYNC_DELAY_MS of a commit: nothing unconfirmed depends on it,
// and grouping keeps a busy relay from syncing after every commit.

import { Worker } from 'node:worker_threads';
import { z } from 'zod';

/** Longest a commit stays unsynced when nobody waits for it. */
const SYNC_DELAY_MS = 200;

const Reply = z.object({ id: z.number(), error: z.string().optional() });
type Reply = z.infer<typeof Reply>;

export interface WalSyncer {
	/** Resolves once the thread started and synced what an earlier run left (rejects if not). */
	ready(): Promise<void>;
	/** A transaction was committed: the next sync must cover it. Call before its appends resolve. */
	committed(): void;
	/** Resolves once every transaction committed before this call survives power loss. */
	durable(): Promise<void>;
	/** The sync failure that stopped this syncer, if any: the disk can no longer be trusted. */
	failure(): Error | null;
	/** Syncs what was committed, then stops the thread. */
	close(): Promise<void>;
}

export interface WalSyncerOptions {
	/** Called after each completed sync (metrics). */
	onSync?: () => void;
	/**
	 * Test hook: awaited before each sync, like a slow disk. A test can hold the durability
	 * step (no fsync happens meanwhile) while commits and forwards go on.
	 */
	syncGate?: () => Promise<void>;
}

export function startWalSyncer(file: string, options: WalSyncerOptions = {}): WalSyncer {
	const worker = new Worker(new URL('./sqlite-durability.worker.js', import.meta.url), {
		workerData: { file }
	});
	let broken: Error | null = null;
	let closing: Promise<void> | null = null;
	// Commits counted so far and how many of them a finished sync covers. Commit 1 is what an
	// earlier run may have left unsynced in the WAL: nothing is confirmed before the first sync.
	let commits = 1;
	let synced = 0;
	let syncing = false;
	let delayed: NodeJS.Timeout | null = null;
	const waiters: { upTo: number; resolve(): void; reject(err: Error): void }[] = [];
	const replies = new Map<number, (reply: Reply) => void>();
	let nextId = 1;

	function fail(err: Error): void {
		broken ??= err;
		for (const waiter of waiters.splice(0)) waiter.reject(broken);
		for (const settle of replies.values()) settle({ id: 0, error: broken.message });
		replies.clear();
	}
	worker.on('error', fail);
	worker.on('exit', (code) => fail(new Error(`SQLite durability thread exited (${code})`)));
	worker.on('message', (raw: unknown) => {
		const reply = Reply.safeParse(raw);
		if (!reply.success) return;
		// Id 0: a failure outside any request (a checkpoint).
		if (reply.data.id === 0) {
			fail(new Error(reply.data.error ?? 'SQLite durability thread failed'));
			return;
		}
		replies.get(reply.data.id)?.(reply.data);
		replies.delete(reply.data.id);
	});

	function request(body: object): Promise<Reply> {
		if (broken) return Promise.resolve({ id: 0, error: broken.message });
		const id = nextId++;
		return new Promise((resolve) => {
			replies.set(id, resolve);
			worker.postMessage({ id, ...body });
		});
	}

	// The worker answers only after its start-up sync: the first answer means ready.
	const started = request({ ping: true }).then((reply) => {
		if (reply.error) throw new Error(reply.error);
	});
	started.catch(() => undefined); // reported by ready() and by durable()

	function pump(): void {
		if (syncing || broken || synced >= commits) return;
		if (waiters.length === 0) {
			delayed ??= setTimeout(() => {
				delayed = null;
				startSync();
			}, SYNC_DELAY_MS);
			return;
		}
		startSync();
	}

	function startSync(): void {
		if (syncing || broken || synced >= commits) return;
		if (delayed) clearTimeout(delayed);
		delayed = null;
		syncing = true;
		void Promise.resolve(options.syncGate?.())
			.then(async () => {
				// The sync starts now: it covers every commit counted until now.
				const upTo = commits;
				const reply = await request({ sync: true });
				if (reply.error) throw new Error(`WAL sync failed: ${reply.error}`);
				synced = upTo;
				options.onSync?.();
				while (waiters[0] && waiters[0].upTo <= synced) waiters.shift()?.resolve();
			})
			.catch((err: unknown) => fail(err instanceof Error ? err : new Error(String(err))))
			.finally(() => {
				syncing = false;
				pump();
			});
	}
	pump();

	function durable(): Promise<void> {
		if (broken) return Promise.reject(broken);
		if (synced >= commits) return Promise.resolve();
		return new Promise((resolve, reject) => {
			waiters.push({ upTo: commits, resolve, reject });
			pump();
		});
	}

	return {
		ready: () => started,
		committed() {
			commits += 1;
			pump();
		},
		durable,
		failure: () => broken,
		close() {
			closing ??= (async () => {
				await durable().catch(() => undefined);
				if (!broken) await request({ close: true });
				broken ??= new Error('SQLite durability thread closed');
				await worker.terminate();
			})();
			return closing;
		}
	};
}
