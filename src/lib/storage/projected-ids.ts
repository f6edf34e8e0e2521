// Which movements the projection holds, by id: what makes applying a movement idempotent (a
// doc's observer, its reconcile and a rebuild may all see the same one). A stored projection's
// ids are read after open, off the cold start (100k keys take longer than the rest of the
// open): until then remote movements wait here, in arrival order, and the projection writer
// holds, so no checkpoint is cut ahead of movements not yet deduplicated.

import type { ProjectionDb } from './projection-db';
import { loadStoredIds } from './projection-checks';

export type ChangeOrigin = 'local' | 'remote';

/** Movements of one change that wait for the stored ids. */
export interface WaitingValues {
	docName: string;
	values: unknown[];
	origin: ChangeOrigin;
}

export interface ProjectedIdsHooks {
	/** The stored ids are known: apply what waited, in order. */
	applyWaiting(waiting: readonly WaitingValues[]): void;
	/** The ids cannot be trusted (unreadable, or a stored id was applied twice): refold all. */
	rebuild(): void;
	/** Nothing waits for the stored ids any more: the writer may write. */
	release(): void;
}

export class ProjectedIds {
	private readonly ids = new Set<string>();
	/** Non-null while the stored ids are still to be read: what waits for them. */
	private waiting: WaitingValues[] | null;
	private loading: Promise<void> | null = null;
	/** Bumped whenever a load ends or becomes moot, so a stale load's result is dropped. */
	private epoch = 0;

	constructor(
		private readonly db: ProjectionDb,
		/** The stored projection has movement rows, whose ids are to be read. */
		storedRows: boolean,
		private readonly hooks: ProjectedIdsHooks
	) {
		this.waiting = storedRows ? [] : null;
	}

	/** Whether remote movements must wait for the stored ids (`defer`). */
	get pending(): boolean {
		return this.waiting !== null;
	}

	/** Marks a movement projected; false when it already was. */
	add(id: string): boolean {
		if (this.ids.has(id)) return false;
		this.ids.add(id);
		return true;
	}

	/** Holds a remote change until the stored ids are known (starts reading them). */
	defer(change: WaitingValues): void {
		if (!this.waiting) return;
		this.waiting.push(change);
		void this.load();
	}

	/**
	 * Reads the stored ids (once), then hands over what waited for them. The first movement or
	 * write that needs them starts it; a flush waits for it.
	 */
	load(): Promise<void> {
		if (this.waiting === null) return Promise.resolve();
		const epoch = this.epoch;
		this.loading ??= loadStoredIds(this.db).then(
			(stored) => {
				if (epoch !== this.epoch) return; // rebuilt meanwhile: those rows are gone
				// Local movements applied meanwhile are in `ids` already. One that re-appended a
				// stored id (deterministic ids: count postings, carried movements) counted twice:
				// then the balances are refolded from the docs, which dedupe by id.
				const expected = this.ids.size + stored.length;
				for (const id of stored) this.ids.add(id);
				const appliedTwice = this.ids.size < expected;
				const waiting = this.waiting ?? [];
				this.settle();
				if (appliedTwice) this.hooks.rebuild();
				else this.hooks.applyWaiting(waiting);
			},
			(error: unknown) => {
				if (epoch !== this.epoch) return;
				console.error('stockflow: stored movement ids unreadable; rebuilding', error);
				this.hooks.rebuild();
			}
		);
		return this.loading;
	}

	/** Everything is refolded from the docs: every id goes, and the stored ones are moot. */
	clear(): void {
		this.ids.clear();
		if (this.waiting) this.settle();
	}

	private settle(): void {
		this.waiting = null;
		this.loading = null;
		this.epoch++;
		this.hooks.release();
	}
}
