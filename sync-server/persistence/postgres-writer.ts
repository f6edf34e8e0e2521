// Group commit for the Postgres store. Appends issued together become one batch (one multi-row
// INSERT, one round trip, one WAL flush). Up to `maxInFlight` batches are in flight at once, each
// on its own pooled connection, so an append that arrives while a batch commits does not wait for
// that batch's round trip before its own starts; a room's rows are in at most one batch in flight,
// so its rows commit, and draw their seqs, in the order they were appended. Other writes
// (compaction's swap) run between batches through `exclusive`, so the store's row counts see one
// writer.

export interface BatchRow {
	readonly workspace: string;
	readonly doc: string;
	readonly data: Buffer;
}

export interface PostgresWriter {
	/** Resolves with the row's seq once its batch committed; rejects if the batch failed. */
	append(row: BatchRow): Promise<number>;
	/** Runs `task` after the batches issued before it and before later ones. */
	exclusive<T>(task: () => Promise<T>): Promise<T>;
	/** Resolves once everything issued so far has settled. */
	drain(): Promise<void>;
}

interface Waiting {
	readonly kind: 'row';
	readonly room: string;
	readonly row: BatchRow;
	resolve(seq: number): void;
	reject(err: unknown): void;
}

interface Exclusive {
	readonly kind: 'exclusive';
	run(): Promise<void>;
}

/**
 * `commit` stores the rows of one batch and returns their seqs in row order. Batches hold at
 * most `maxRows` rows (a statement takes at most 65,535 parameters).
 */
export function startPostgresWriter(
	commit: (rows: readonly BatchRow[]) => Promise<number[]>,
	options: { maxRows?: number; maxInFlight?: number } = {}
): PostgresWriter {
	const maxRows = options.maxRows ?? 2000;
	const maxInFlight = options.maxInFlight ?? 2;
	let queue: (Waiting | Exclusive)[] = [];
	/** Rooms with rows in a batch in flight. */
	const busy = new Set<string>();
	let inFlight = 0;
	let exclusiveRunning = false;
	let pumpQueued = false;
	const pending = new Set<Promise<unknown>>();

	function track<T>(promise: Promise<T>): Promise<T> {
		pending.add(promise);
		const forget = (): void => {
			pending.delete(promise);
		};
		promise.then(forget, forget);
		return promise;
	}

	/** On the next microtask: appends issued in the same turn go together. */
	function schedule(): void {
		if (pumpQueued) return;
		pumpQueued = true;
		queueMicrotask(() => {
			pumpQueued = false;
			pump();
		});
	}

	function pump(): void {
		while (!exclusiveRunning && queue.length > 0) {
			const head = queue[0];
			if (head?.kind === 'exclusive') {
				if (inFlight > 0) return;
				queue.shift();
				exclusiveRunning = true;
				void head.run().finally(() => {
					exclusiveRunning = false;
					pump();
				});
				return;
			}
			if (inFlight >= maxInFlight) return;
			// Rows up to the next exclusive task, skipping rooms in flight (they wait their turn).
			const batch: Waiting[] = [];
			const rest: (Waiting | Exclusive)[] = [];
			const taken = new Set<string>();
			let barrier = false;
			for (const item of queue) {
				if (barrier || item.kind === 'exclusive') {
					barrier = true;
					rest.push(item);
				} else if (batch.length < maxRows && !busy.has(item.room)) {
					batch.push(item);
					taken.add(item.room);
				} else {
					rest.push(item);
				}
			}
			if (batch.length === 0) return;
			queue = rest;
			for (const room of taken) busy.add(room);
			inFlight += 1;
			void commitBatch(batch).finally(() => {
				inFlight -= 1;
				for (const room of taken) busy.delete(room);
				pump();
			});
		}
	}

	async function commitBatch(batch: Waiting[]): Promise<void> {
		try {
			const seqs = await commit(batch.map((w) => w.row));
			if (seqs.length !== batch.length) {
				throw new Error(`batch stored ${seqs.length} rows of ${batch.length}`);
			}
			batch.forEach((w, i) => w.resolve(seqs[i] ?? 0));
		} catch (err) {
			for (const w of batch) w.reject(err);
		}
	}

	return {
		append(row) {
			return track(
				new Promise<number>((resolve, reject) => {
					queue.push({ kind: 'row', room: `${row.workspace}/${row.doc}`, row, resolve, reject });
					schedule();
				})
			);
		},
		exclusive<T>(task: () => Promise<T>): Promise<T> {
			return track(
				new Promise<T>((resolve, reject) => {
					queue.push({
						kind: 'exclusive',
						run: () => Promise.resolve().then(task).then(resolve, reject)
					});
					schedule();
				})
			);
		},
		async drain() {
			await Promise.allSettled([...pending]);
		}
	};
}
