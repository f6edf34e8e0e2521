// The projection's item search rows (tokens for the Dexie multi-entry index), kept in step
// with the catalog. Only rows that changed are written: known rows are not rewritten at every
// start. The comparison runs in a background task: no screen waits for these rows, and
// tokenising a catalog of thousands of items (after reading the stored rows) held a cold
// start's first paint.

import type { Item } from '../domain/catalog/entities';
import { itemSearchRow } from './item-search';
import { nextTask } from './load-turns';
import type { ItemSearchRow, ProjectionDb } from './projection-db';
import type { WriteBatch } from './projection-writer';

export class ItemSearchRows {
	/** The rows as last written; null until the stored ones are read. */
	private rows: Map<string, ItemSearchRow> | null;
	/** The pending comparison of `items` with `rows`, if one is scheduled. */
	private sync: Promise<void> | null = null;
	private items: Item[] = [];

	/**
	 * `stored`: the database holds valid rows (else it is about to be rebuilt: every row is
	 * written). `write` hands changed rows to the projection writer's current batch.
	 */
	constructor(
		private readonly db: ProjectionDb,
		stored: boolean,
		private readonly write: (fill: (batch: WriteBatch) => void) => void
	) {
		this.rows = stored ? null : new Map();
	}

	/** Schedules writing the rows of `items` that changed. */
	update(items: Item[]): void {
		this.items = items;
		this.sync ??= nextTask('background').then(() => this.compare());
	}

	/** The table was cleared (a rebuild): every row is written again. */
	rewriteAll(): void {
		// A comparison already reading the stored rows keeps this map instead.
		this.rows = new Map();
		this.update(this.items);
	}

	/** Resolves once every scheduled comparison has handed its rows to the writer. */
	async idle(): Promise<void> {
		await this.sync;
	}

	private async compare(): Promise<void> {
		let known = this.rows;
		if (known === null) {
			const stored = await this.db.itemSearch.toArray().catch((error: unknown) => {
				console.error('stockflow: item search rows unreadable; rewriting them', error);
				return [];
			});
			// A rebuild meanwhile cleared the table and set an empty map: that one stands.
			known = this.rows ?? new Map(stored.map((row) => [row.id, row]));
		}
		this.sync = null;
		const next = new Map<string, ItemSearchRow>();
		const puts: ItemSearchRow[] = [];
		for (const item of this.items) {
			const row = itemSearchRow(item);
			next.set(item.id, row);
			const before = known.get(item.id);
			if (!before || JSON.stringify(before) !== JSON.stringify(row)) puts.push(row);
		}
		const deletes = [...known.keys()].filter((id) => !next.has(id));
		this.rows = next;
		this.write((batch) => {
			for (const row of puts) batch.itemPuts.set(row.id, row);
			for (const id of deletes) batch.itemDeletes.add(id);
		});
	}
}
