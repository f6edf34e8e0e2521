// The Dexie projection database `stockflow-proj:<workspace>`: read models derived from the
// Y.Docs (balances, movement history, item search) plus one checkpoint per doc. Everything in
// it can be thrown away and refolded from the docs; it only makes cold starts and history
// queries fast.

import Dexie, { type Table } from 'dexie';
import type { MovementReason } from '../domain/ledger/movement';
import type { Movement } from '../domain/ledger/movement';
import type { Balance } from '../domain/ledger/fold';

/** Bump when the meaning or shape of any projected row changes: older projections get rebuilt. */
export const PROJECTION_SCHEMA_VERSION = 1;
/** The meta row that carries the projection's schema version. */
export const SCHEMA_META_KEY = '$schema';

export interface BalanceRow extends Balance {
	/** stockKeyString of the position. */
	key: string;
}

export interface MovementRow extends Movement {
	/** 'YYYY-MM' of the ledger doc the movement came from. */
	month: string;
	reason: MovementReason;
}

export interface ItemSearchRow {
	id: string;
	code: string;
	name: string;
	barcode: string;
	category: string;
	/** Lower-cased prefixes of words and codes (multi-entry index). */
	tokens: string[];
}

export interface MetaRow {
	/** Doc name, or SCHEMA_META_KEY. */
	doc: string;
	schemaVersion: number;
	/** Y.encodeStateVector of the doc when its projection was last written. */
	stateVector?: Uint8Array;
	/** Valid movements of this doc in `movements`. */
	count?: number;
	/** Length of the doc's movements Y.Array (valid + invalid) at that point. */
	arrayLength?: number;
	/** Schema row only: number of balance rows and the sum of their qty, to catch tampering. */
	balanceRows?: number;
	qtySum?: number;
	/** Schema row only: the opening the balances start from (`<closed month>@<stamp>`, '' none). */
	opening?: string;
}

export class ProjectionDb extends Dexie {
	balances!: Table<BalanceRow, string>;
	movements!: Table<MovementRow, string>;
	itemSearch!: Table<ItemSearchRow, string>;
	meta!: Table<MetaRow, string>;

	constructor(name: string) {
		super(name);
		this.version(1).stores({
			balances: 'key, itemId, warehouseId',
			movements: 'id, at, month, [itemId+at], [warehouseId+at], [reason+at]',
			itemSearch: 'id, code, name, barcode, category, *tokens',
			meta: 'doc'
		});
	}
}
