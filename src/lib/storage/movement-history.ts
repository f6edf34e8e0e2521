// Movement history queries over the Dexie projection: newest first, paged by stamp, using the
// compound [field+at] indexes so a page costs O(limit), not O(history).

import Dexie from 'dexie';
import { movementSchema, type Movement, type MovementReason } from '../domain/ledger/movement';
import type { MovementRow, ProjectionDb } from './projection-db';

export interface MovementQuery {
	itemId?: string;
	warehouseId?: string;
	reason?: MovementReason;
	limit: number;
	/** Only movements stamped strictly before this (the `at` of the last row of the previous page). */
	beforeAt?: string;
}

function byCompound(db: ProjectionDb, index: string, value: string, beforeAt: string | undefined) {
	return db.movements
		.where(index)
		.between([value, Dexie.minKey], [value, beforeAt ?? Dexie.maxKey], true, false)
		.reverse();
}

export async function queryMovements(db: ProjectionDb, q: MovementQuery): Promise<Movement[]> {
	const collection =
		q.itemId !== undefined
			? byCompound(db, '[itemId+at]', q.itemId, q.beforeAt)
			: q.warehouseId !== undefined
				? byCompound(db, '[warehouseId+at]', q.warehouseId, q.beforeAt)
				: q.reason !== undefined
					? byCompound(db, '[reason+at]', q.reason, q.beforeAt)
					: q.beforeAt !== undefined
						? db.movements.where('at').below(q.beforeAt).reverse()
						: db.movements.orderBy('at').reverse();
	const rows: MovementRow[] = await collection
		.filter(
			(row) =>
				(q.warehouseId === undefined || row.warehouseId === q.warehouseId) &&
				(q.reason === undefined || row.reason === q.reason)
		)
		.limit(Math.max(0, q.limit))
		.toArray();
	const result: Movement[] = [];
	for (const row of rows) {
		// Rows are re-validated: the projection is a cache, never trusted blindly.
		const parsed = movementSchema.safeParse(row);
		if (parsed.success) result.push(parsed.data);
	}
	return result;
}
