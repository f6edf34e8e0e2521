// The durability step of `split` mode: commits are counted as the writer reports them, one WAL
// sync is in flight at a time and covers every commit counted before it started (group sync),
// and `durable()` waits for the sync that covers everything committed so far. A sync starts at
// once when someone waits for one (message 100), else within SYNC_DELAY_MS of a commit: nothing
// unconfirmed depends on it, and grouping keeps a busy relay from syncing after every commit.
// The sync is an fdatasync on libuv's thread pool (no isolate of its own); checkpoints run on a
// thread started only when one is due (sqlite-checkpointer.ts). The order that makes this safe
// against power loss is written out in docs/DECISIONS.md ("Relay durability").

import { open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
	startWalCheckpointer,
	type CheckpointPolicy,
	type WalCheckpointer
} from './sqlite-checkpointer';

/** Longest a commit stays unsynced when nobody waits for it. */
const SYNC_DELAY_MS = 200;

export interface WalSyncer {
	/** Resolves once what an earlier run left is synced (rejects if it cannot be). */
	ready(): Promise<void>;
	/**
	 * A transaction with about `bytes` of data was committed: the next sync must cover it.
	 * Call before its appends resolve.
	 */
	committed(bytes?: number): void;
	/** Resolves once every transaction committed before this call survives power loss. */
	durable(): Promise<void>;
	/** The failure that stopped this syncer, if any: the disk can no longer be trusted. */
	failure(): Error | null;
	/** The checkpoint thread (tests: it runs only while a checkpoint is due). */
	readonly checkpointer: WalCheckpointer;
	/** Syncs what was committed, then stops the checkpoint thread. */
	close(): Promise<void>;
}

/** Which file a sync is for: the WAL (fdatasync), the database file or its directory (fsync). */
export type SyncTarget = 'wal' | 'database' | 'directory';

export interface WalSyncerOptions {
	/** Called after each completed sync (metrics). */
	onSync?: () => void;
	/**
	 * Test hook: awaited before each sync, like a slow disk. A test can hold the durability
	 * step (no fsync happens meanwhile) while commits and forwards go on.
	 */
	syncGate?: () => Promise<void>;
	/** Test hook: the fsync itself (a failing disk). Default: fdatasync for the WAL, else fsync. */
	fsync?: (handle: FileHandle, target: SyncTarget) => Promise<void>;
	/** When checkpoints are due (tests shorten it). */
	checkpoint?: Partial<CheckpointPolicy>;
	/** Test hook: the checkpoint thread's script (a failing disk). */
	checkpointWorker?: URL;
}

const defaultFsync = (handle: FileHandle, target: SyncTarget): Promise<void> =>
	target === 'wal' ? handle.datasync() : handle.sync();

const isMissing = (err: unknown): boolean =>
	typeof err === 'object' && err !== null && 'code' in err && err.code === 'ENOENT';

export function startWalSyncer(file: string, options: WalSyncerOptions = {}): WalSyncer {
	const fsync = options.fsync ?? defaultFsync;
	const wal = `${file}-wal`;
	let broken: Error | null = null;
	let closing: Promise<void> | null = null;
	// Commits counted so far and how many of them a finished sync covers. Commit 1 is what an
	// earlier run may have left unsynced in the WAL: nothing is confirmed before the first sync.
	let commits = 1;
	let synced = 0;
	let syncing = false;
	let delayed: NodeJS.Timeout | null = null;
	const waiters: { upTo: number; resolve(): void; reject(err: Error): void }[] = [];
	/** Inode of the WAL file when its directory entry was last synced. */
	let walInode = -1;

	function fail(err: Error): void {
		broken ??= err;
		for (const waiter of waiters.splice(0)) waiter.reject(broken);
	}

	const checkpointer = startWalCheckpointer(file, {
		policy: options.checkpoint,
		onFailure: fail,
		workerUrl: options.checkpointWorker
	});

	/** fsync of a path opened read-only (Linux syncs any descriptor of a regular file or dir). */
	async function syncPath(path: string, target: SyncTarget): Promise<void> {
		const handle = await open(path, 'r');
		try {
			await fsync(handle, target);
		} finally {
			await handle.close();
		}
	}

	/**
	 * Makes every commit written before this call durable. A fresh descriptor each time: SQLite
	 * reuses the WAL file from its start after a checkpoint (same inode; what it overwrites was
	 * checkpointed and synced into the database first) and deletes it when the last connection
	 * closes, so a kept descriptor could sync a file nobody writes to any more.
	 */
	async function syncWal(): Promise<void> {
		let handle: FileHandle;
		try {
			handle = await open(wal, 'r');
		} catch (err) {
			// No WAL file: everything is in the database file (the last close checkpointed it).
			if (isMissing(err)) return syncPath(file, 'database');
			throw err;
		}
		let inode: number;
		try {
			await fsync(handle, 'wal');
			inode = (await handle.stat()).ino;
		} finally {
			await handle.close();
		}
		// A new WAL file is only durable once its directory entry is.
		if (inode !== walInode) {
			await syncPath(dirname(file), 'directory');
			walInode = inode;
		}
	}

	// What an earlier run left in the WAL (maybe killed before its last sync) and in the
	// database file (maybe killed inside a checkpoint) becomes durable before this run confirms
	// anything: this covers commit 1.
	const started = (async () => {
		await syncWal();
		await syncPath(file, 'database');
		synced = Math.max(synced, 1);
	})();
	started.catch((err: unknown) => fail(err instanceof Error ? err : new Error(String(err))));

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
		void started
			.then(() => options.syncGate?.())
			.then(async () => {
				// The sync starts now: it covers every commit counted until now.
				const upTo = commits;
				try {
					await syncWal();
				} catch (err) {
					throw new Error(`WAL sync failed: ${err instanceof Error ? err.message : String(err)}`);
				}
				synced = Math.max(synced, upTo);
				options.onSync?.();
				while (waiters[0] && waiters[0].upTo <= synced) waiters.shift()?.resolve();
			})
			.catch((err: unknown) => fail(err instanceof Error ? err : new Error(String(err))))
			.finally(() => {
				syncing = false;
				pump();
			});
	}

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
		committed(bytes = 0) {
			commits += 1;
			checkpointer.committed(bytes);
			pump();
		},
		durable,
		failure: () => broken,
		checkpointer,
		close() {
			closing ??= (async () => {
				await durable().catch(() => undefined);
				if (delayed) clearTimeout(delayed);
				delayed = null;
				broken ??= new Error('SQLite durability step closed');
				await checkpointer.close();
			})();
			return closing;
		}
	};
}
