// Serialises writes to the projection database. Changes are batched per task (many remote
// movements arriving together become one Dexie transaction) and applied in order. A batch
// either lands completely, checkpoint included, or not at all, so the stored checkpoint always
// describes exactly what the stored rows contain.

import type {
	BalanceRow,
	ItemSearchRow,
	MetaRow,
	MovementRow,
	ProjectionDb
} from './projection-db';
import { PROJECTION_SCHEMA_VERSION, SCHEMA_META_KEY } from './projection-db';

export interface WriteBatch {
	/** Rewrite from scratch: clear every table first (a full rebuild). */
	clearAll: boolean;
	movements: MovementRow[];
	balances: Map<string, BalanceRow>;
	checkpoints: Map<string, MetaRow>;
	itemPuts: Map<string, ItemSearchRow>;
	itemDeletes: Set<string>;
}

export function emptyBatch(): WriteBatch {
	return {
		clearAll: false,
		movements: [],
		balances: new Map(),
		checkpoints: new Map(),
		itemPuts: new Map(),
		itemDeletes: new Set()
	};
}

function isEmpty(b: WriteBatch): boolean {
	return (
		!b.clearAll &&
		b.movements.length === 0 &&
		b.balances.size === 0 &&
		b.checkpoints.size === 0 &&
		b.itemPuts.size === 0 &&
		b.itemDeletes.size === 0
	);
}

export interface ProjectionWriter {
	/** The batch collecting changes of the current task; filled by the projector. */
	current(): WriteBatch;
	/** Schedules a flush of the current batch (once per task). */
	schedule(beforeFlush: (batch: WriteBatch) => void): void;
	/**
	 * Ends the current batch now (finalized and queued as its own transaction). The projector
	 * cuts after each ledger doc it loads whole, so a first sync of a year of history lands
	 * month by month: a tab closed halfway keeps the months already written.
	 */
	cut(): void;
	/** Resolves after everything scheduled so far is written (or failed). */
	idle(): Promise<void>;
	/**
	 * Holds every batch (nothing is finalized or written) until `ready()` settles; the first
	 * batch that has to wait calls it. The projector holds its writes while the stored movement
	 * ids load, so no checkpoint is cut while movements wait to be deduplicated.
	 */
	holdUntil(ready: () => Promise<void>): void;
	/** Ends a hold at once (the projector no longer waits for anything); writes resume with the next flush. */
	release(): void;
}

export function createProjectionWriter(
	db: ProjectionDb,
	onError: (error: unknown) => void
): ProjectionWriter {
	let batch = emptyBatch();
	let scheduled = false;
	let tail: Promise<void> = Promise.resolve();
	let finalize: ((batch: WriteBatch) => void) | null = null;
	let hold: (() => Promise<void>) | null = null;
	let holding: Promise<void> | null = null;
	const held = (): Promise<void> => {
		if (!hold) return Promise.resolve();
		const ready = hold;
		holding ??= ready()
			.catch(onError)
			.finally(() => {
				if (hold === ready) hold = null;
				holding = null;
			});
		return holding;
	};

	const write = async (b: WriteBatch): Promise<void> => {
		await db.transaction('rw', [db.balances, db.movements, db.itemSearch, db.meta], async () => {
			if (b.clearAll) {
				await Promise.all([
					db.balances.clear(),
					db.movements.clear(),
					db.itemSearch.clear(),
					db.meta.clear()
				]);
				await db.meta.put({ doc: SCHEMA_META_KEY, schemaVersion: PROJECTION_SCHEMA_VERSION });
			}
			if (b.movements.length > 0) await db.movements.bulkPut(b.movements);
			if (b.balances.size > 0) await db.balances.bulkPut([...b.balances.values()]);
			if (b.itemDeletes.size > 0) await db.itemSearch.bulkDelete([...b.itemDeletes]);
			if (b.itemPuts.size > 0) await db.itemSearch.bulkPut([...b.itemPuts.values()]);
			if (b.checkpoints.size > 0) await db.meta.bulkPut([...b.checkpoints.values()]);
		});
	};

	const flush = (): void => {
		if (!scheduled) return;
		if (hold) {
			void held().then(flush);
			return;
		}
		scheduled = false;
		const b = batch;
		batch = emptyBatch();
		finalize?.(b);
		if (isEmpty(b)) return;
		tail = tail.then(() => write(b)).catch(onError);
	};

	return {
		current: () => batch,
		schedule(beforeFlush) {
			finalize = beforeFlush;
			if (scheduled) return;
			scheduled = true;
			// A macrotask, so every observer of the current burst of transactions has run.
			setTimeout(flush, 0);
		},
		cut() {
			// While held, batches merge: they are finalized together once the hold ends.
			if (scheduled && !hold) flush();
		},
		async idle() {
			await held();
			if (scheduled) flush();
			await tail;
		},
		holdUntil(ready) {
			hold = ready;
		},
		release() {
			// No flush here: the caller is mid-change; its next schedule or cut writes.
			hold = null;
		}
	};
}
