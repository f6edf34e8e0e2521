// The ledger fold: on-hand per item × warehouse × location × lot. Movements are applied in
// clock-stamp order (id as tiebreak), never in array order, so every device that holds the
// same set of movements computes the same balances, whatever order they arrived in.

import { compareStamps, type Stamp } from '../clock/hlc';
import { stockKeyOf, stockKeyString, type Movement } from './movement';

export interface Balance {
	itemId: string;
	warehouseId: string;
	/** '' when the stock has no location. */
	locationId: string;
	/** '' when the item is not lot-tracked. */
	lot: string;
	qty: number;
	/** Stamp of the latest movement that touched this position. */
	lastAt: Stamp;
}

/**
 * Quantities may be fractional (公斤). Rounding every partial sum to 1e-6 makes addition
 * order-independent for quantities with up to six decimals, so incremental projections and
 * full folds agree bit for bit.
 */
const QTY_SCALE = 1e6;

export function roundQty(qty: number): number {
	const rounded = Math.round(qty * QTY_SCALE) / QTY_SCALE;
	return rounded === 0 ? 0 : rounded; // no -0 in balances
}

/** Total order of movements: by stamp, then by id. */
export function compareMovements(a: Movement, b: Movement): number {
	return compareStamps(a.at, b.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Adds one movement to the balances (incremental; commutative, so order does not matter). */
export function applyMovement(balances: Map<string, Balance>, m: Movement): void {
	const key = stockKeyOf(m);
	const k = stockKeyString(key);
	const current = balances.get(k);
	if (!current) {
		balances.set(k, { ...key, qty: roundQty(m.qty), lastAt: m.at });
		return;
	}
	current.qty = roundQty(current.qty + m.qty);
	if (compareStamps(m.at, current.lastAt) > 0) current.lastAt = m.at;
}

/**
 * Balances keyed by `stockKeyString`; positions that went back to zero are kept with qty 0.
 * A movement id seen twice counts once (like the projector): two devices may append the same
 * deterministic movement, e.g. both approving one stocktake offline.
 */
export function foldBalances(movements: Iterable<Movement>): Map<string, Balance> {
	const sorted = [...movements].sort(compareMovements);
	const balances = new Map<string, Balance>();
	const seen = new Set<string>();
	for (const m of sorted) {
		if (seen.has(m.id)) continue;
		seen.add(m.id);
		applyMovement(balances, m);
	}
	return balances;
}

export interface StockQuery {
	itemId: string;
	/** Omitted: every warehouse. */
	warehouseId?: string;
	/** Omitted: every location; '' means "no location". */
	locationId?: string;
	/** Omitted: every lot; '' means "no lot". */
	lot?: string;
}

/** On hand summed over every position matching the query. */
export function onHandOf(
	balances: Map<string, Balance> | Iterable<Balance>,
	q: StockQuery
): number {
	const values = balances instanceof Map ? balances.values() : balances;
	let total = 0;
	for (const b of values) {
		if (b.itemId !== q.itemId) continue;
		if (q.warehouseId !== undefined && b.warehouseId !== q.warehouseId) continue;
		if (q.locationId !== undefined && b.locationId !== q.locationId) continue;
		if (q.lot !== undefined && b.lot !== q.lot) continue;
		total += b.qty;
	}
	return roundQty(total);
}
