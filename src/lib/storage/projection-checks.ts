// Opening a stored projection and checking it at open, and the meta rows those checks read
// back. Anything unexpected means "rebuild": the projection is a cache of the docs and is never
// trusted over them.

import { roundQty, type Balance } from '../domain/ledger/fold';
import { monthOfLedgerDoc } from '../doc/names';
import {
	PROJECTION_SCHEMA_VERSION,
	SCHEMA_META_KEY,
	type BalanceRow,
	ProjectionDb,
	type MetaRow
} from './projection-db';

export interface Checkpoint {
	doc: string;
	stateVector: Uint8Array;
	count: number;
	arrayLength: number;
}

export type StoredProjection =
	| {
			ok: true;
			checkpoints: Map<string, Checkpoint>;
			/** Stored movement rows; their ids are read later (`loadStoredIds`), off the cold start. */
			movementRows: number;
			balances: BalanceRow[];
			/** The opening folded into the balances ('' when none; see projection-db MetaRow). */
			opening: string;
	  }
	| { ok: false; reason: string };

function asCheckpoint(row: MetaRow): Checkpoint | null {
	if (row.schemaVersion !== PROJECTION_SCHEMA_VERSION) return null;
	if (!(row.stateVector instanceof Uint8Array)) return null;
	if (typeof row.count !== 'number' || typeof row.arrayLength !== 'number') return null;
	if (monthOfLedgerDoc(row.doc) === null) return null;
	return {
		doc: row.doc,
		stateVector: row.stateVector,
		count: row.count,
		arrayLength: row.arrayLength
	};
}

function isBalanceRow(row: BalanceRow): boolean {
	return (
		typeof row.key === 'string' &&
		typeof row.itemId === 'string' &&
		typeof row.warehouseId === 'string' &&
		typeof row.locationId === 'string' &&
		typeof row.lot === 'string' &&
		typeof row.qty === 'number' &&
		Number.isFinite(row.qty) &&
		typeof row.lastAt === 'string'
	);
}

/** The meta row the next open checks a doc's stored movements against. */
export function checkpointRow(checkpoint: Checkpoint): MetaRow {
	return { ...checkpoint, schemaVersion: PROJECTION_SCHEMA_VERSION };
}

/** The schema row: the stored balances' checksum (tamper check) and the opening they start from. */
export function balancesRow(balances: Iterable<Balance>, opening: string): MetaRow {
	const sum = balanceChecksum(balances);
	return {
		doc: SCHEMA_META_KEY,
		schemaVersion: PROJECTION_SCHEMA_VERSION,
		balanceRows: sum.rows,
		qtySum: sum.qtySum,
		opening
	};
}

/** Sum of quantities, rounded like the fold, for the tamper check. */
export function balanceChecksum(balances: Iterable<Balance>): { rows: number; qtySum: number } {
	let rows = 0;
	let qtySum = 0;
	for (const b of balances) {
		rows++;
		qtySum = roundQty(qtySum + b.qty);
	}
	return { rows, qtySum };
}

/** Reads and cross-checks everything stored; any Dexie error is reported as not ok. */
export async function loadStoredProjection(db: ProjectionDb): Promise<StoredProjection> {
	const metas = await db.meta.toArray();
	const schema = metas.find((m) => m.doc === SCHEMA_META_KEY);
	if (!schema) {
		// A brand-new database is simply empty, not corrupt. So is one holding only checkpoints
		// of ledgers without movements (this month's, in a new workspace): the schema row comes
		// with the first balance. Rejecting it rebuilt, and waited for every doc, at each start.
		const empties = metas.map(asCheckpoint);
		const empty =
			empties.every((cp) => cp !== null && cp.count === 0 && cp.arrayLength === 0) &&
			(await db.movements.count()) === 0 &&
			(await db.balances.count()) === 0;
		const checkpoints = new Map<string, Checkpoint>();
		for (const cp of empties) if (cp) checkpoints.set(cp.doc, cp);
		return empty
			? { ok: true, checkpoints, movementRows: 0, balances: [], opening: '' }
			: { ok: false, reason: 'no schema row' };
	}
	if (schema.schemaVersion !== PROJECTION_SCHEMA_VERSION)
		return { ok: false, reason: `schema version ${schema.schemaVersion}` };
	const checkpoints = new Map<string, Checkpoint>();
	for (const row of metas) {
		if (row.doc === SCHEMA_META_KEY) continue;
		const cp = asCheckpoint(row);
		if (!cp) return { ok: false, reason: `bad checkpoint ${row.doc}` };
		checkpoints.set(cp.doc, cp);
	}
	// Every read at once: a cold start waits for the slowest, not for the sum of round trips.
	const [counts, movementRows, balances] = await Promise.all([
		Promise.all(
			[...checkpoints.values()].map((cp) =>
				db.movements
					.where('month')
					.equals(monthOfLedgerDoc(cp.doc) ?? '')
					.count()
			)
		),
		db.movements.count(),
		db.balances.toArray()
	]);
	let expectedRows = 0;
	for (const [i, cp] of [...checkpoints.values()].entries()) {
		const stored = counts[i];
		if (stored !== cp.count)
			return { ok: false, reason: `${cp.doc}: ${stored} rows, checkpoint says ${cp.count}` };
		expectedRows += cp.count;
	}
	if (movementRows !== expectedRows)
		return { ok: false, reason: `${movementRows} movement rows, checkpoints say ${expectedRows}` };
	if (!balances.every(isBalanceRow)) return { ok: false, reason: 'malformed balance row' };
	const sum = balanceChecksum(balances);
	if (sum.rows !== (schema.balanceRows ?? 0) || sum.qtySum !== (schema.qtySum ?? 0))
		return { ok: false, reason: 'balance checksum mismatch' };
	const opening = typeof schema.opening === 'string' ? schema.opening : '';
	return { ok: true, checkpoints, movementRows, balances, opening };
}

/**
 * The ids of every stored movement row (what the projector deduplicates against). Reading
 * 100k keys takes longer than the rest of the open together and only incoming movements need
 * them, so the projector reads them after open, when the first movement or write asks.
 */
export async function loadStoredIds(db: ProjectionDb): Promise<string[]> {
	const keys = await db.movements.toCollection().primaryKeys();
	return keys.filter((k): k is string => typeof k === 'string');
}

/**
 * Opens (creating or repairing) the projection database and validates what it holds. A
 * projection is only a cache: an unreadable one is deleted and recreated empty.
 */
export async function openStoredProjection(
	name: string
): Promise<{ db: ProjectionDb; stored: StoredProjection }> {
	let db = new ProjectionDb(name);
	try {
		await db.open();
		const stored = await loadStoredProjection(db);
		if (!stored.ok) console.warn(`stockflow: projection rejected (${stored.reason}); rebuilding`);
		return { db, stored };
	} catch (error) {
		console.error('stockflow: projection database unreadable; recreating it', error);
		db.close();
		try {
			await new ProjectionDb(name).delete();
		} catch (deleteError) {
			console.error('stockflow: could not delete projection database', deleteError);
		}
		db = new ProjectionDb(name);
		await db.open();
		return { db, stored: { ok: false, reason: `unreadable: ${String(error)}` } };
	}
}
