// Group commit for the Postgres store: one batch in flight at a time, and everything appended
// while it is in flight becomes the next batch (one multi-row INSERT, one round trip, one WAL
// flush). The slower the database, the bigger the batch. Other writes (compaction's swap) run
// between batches through `exclusive`, so the store's row counts see one writer.

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
	readonly row: BatchRow;
	resolve(seq: number): void;
	reject(err: unknown): void;
}

/**
 * `commit` stores the rows of one batch and returns their seqs in row order. Batches hold at
 * most `maxRows` rows (a statement takes at most 65,535 parameters).
 */
export function startPostgresWriter(
	commit: (rows: readonly BatchRow[]) => Promise<number[]>,
	maxRows = 2000
): PostgresWriter {
	let queue: Waiting[] = [];
	let tail: Promise<void> = Promise.resolve();
	let batchQueued = false;

	function queueBatch(): void {
		if (batchQueued) return;
		batchQueued = true;
		// Runs once the batch in flight (if any) settled; takes every row waiting by then.
		tail = tail.then(async () => {
			batchQueued = false;
			const batch = queue.slice(0, maxRows);
			queue = queue.slice(batch.length);
			if (queue.length > 0) queueBatch();
			try {
				const seqs = await commit(batch.map((w) => w.row));
				if (seqs.length !== batch.length) {
					throw new Error(`batch stored ${seqs.length} rows of ${batch.length}`);
				}
				batch.forEach((w, i) => w.resolve(seqs[i] ?? 0));
			} catch (err) {
				for (const w of batch) w.reject(err);
			}
		});
	}

	return {
		append(row) {
			return new Promise<number>((resolve, reject) => {
				queue.push({ row, resolve, reject });
				queueBatch();
			});
		},
		exclusive<T>(task: () => Promise<T>): Promise<T> {
			const result = tail.then(task);
			tail = result.then(
				() => undefined,
				() => undefined
			);
			return result;
		},
		async drain() {
			let seen: Promise<void> | null = null;
			while (seen !== tail) {
				seen = tail;
				await seen;
			}
		}
	};
}
