// Count variance against the book **at the count's clock stamp**: only movements stamped at or
// before the count line are folded, so stock that moved during or after the count (even a
// movement synced days later from an offline device) is neither double-counted nor missed.
// adjustment = counted − book@stamp.

import { compareStamps, type Stamp } from '../clock/hlc';
import { roundQty } from '../ledger/fold';
import type { Movement } from '../ledger/movement';
import { withoutRepaired } from '../ledger/repair';
import { percentOrNull } from '../quantity/percent';
import { quantityOrNull } from '../quantity/quantity';
import { latestLines, positionKey } from './positions';
import type { CountLine, CountSession } from './session';

export interface Variance {
	key: string;
	line: CountLine;
	bookAtStamp: number;
	counted: number;
	/** counted − bookAtStamp: the `count` movement approval posts (0 = nothing to post). */
	delta: number;
	/** Within tolerance of the book. */
	matches: boolean;
}

export interface Tolerance {
	/** Absolute difference allowed, in base units. */
	qty: number;
	/** Relative difference allowed, as a fraction of the book (0.02 = 2 %). */
	ratio: number;
}

export const EXACT: Tolerance = { qty: 0, ratio: 0 };

/**
 * The tolerance a reviewer typed: a quantity (non-negative) and a percentage of the book
 * (0–100). Text that is neither — empty, negative, "abc", 150 % — allows nothing (0), so a
 * slip can only make the review stricter, never hide a difference.
 */
export function toleranceFromText(qtyText: string, pctText: string): Tolerance {
	return {
		qty: quantityOrNull(qtyText) ?? 0,
		ratio: (percentOrNull(pctText) ?? 0) / 100
	};
}

export function withinTolerance(book: number, counted: number, tol: Tolerance): boolean {
	const diff = Math.abs(roundQty(counted - book));
	return diff <= Math.max(tol.qty, Math.abs(book) * tol.ratio) + 1e-9;
}

/**
 * Movements of one warehouse by position key, each list sorted by stamp, duplicates by id and
 * repaired pairs (ledger/repair.ts) dropped.
 */
export function movementsByPosition(
	movements: Iterable<Movement>,
	warehouseId: string,
	exclude: (m: Movement) => boolean = () => false
): Map<string, Movement[]> {
	const seen = new Set<string>();
	const out = new Map<string, Movement[]>();
	// A repaired pair sorts reversal-first when the entry was stamped ahead: a dip in between.
	for (const m of withoutRepaired([...movements])) {
		if (m.warehouseId !== warehouseId || seen.has(m.id) || exclude(m)) continue;
		seen.add(m.id);
		const k = positionKey({ itemId: m.itemId, locationId: m.locationId ?? '', lot: m.lot ?? '' });
		const list = out.get(k);
		if (list) list.push(m);
		else out.set(k, [m]);
	}
	for (const list of out.values()) list.sort((a, b) => compareStamps(a.at, b.at));
	return out;
}

/** The book quantity of a position's movements at a stamp (movements at exactly the stamp count). */
export function bookAt(sortedMovements: readonly Movement[] | undefined, at: Stamp): number {
	let qty = 0;
	for (const m of sortedMovements ?? []) {
		if (compareStamps(m.at, at) > 0) break;
		qty = roundQty(qty + m.qty);
	}
	return qty;
}

export interface VarianceOptions {
	tolerance?: Tolerance;
	/** This session's own postings, so a review after approval still shows the variance. */
	exclude?: (m: Movement) => boolean;
}

/** One variance per counted position (the latest line), sorted by position key. */
export function computeVariances(
	session: Pick<CountSession, 'warehouseId' | 'lines'>,
	movements: Iterable<Movement>,
	options: VarianceOptions = {}
): Variance[] {
	const tolerance = options.tolerance ?? EXACT;
	const byPosition = movementsByPosition(movements, session.warehouseId, options.exclude);
	const out: Variance[] = [];
	for (const [key, line] of latestLines(session.lines)) {
		const book = bookAt(byPosition.get(key), line.at);
		const delta = roundQty(line.countedQty - book);
		out.push({
			key,
			line,
			bookAtStamp: book,
			counted: line.countedQty,
			delta,
			matches: withinTolerance(book, line.countedQty, tolerance)
		});
	}
	return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export interface Accuracy {
	counted: number;
	matching: number;
	/** matching / counted in [0, 1]; null when nothing was counted. */
	ratio: number | null;
}

/** Inventory accuracy (庫存準確率) = lines matching the book within tolerance / lines counted. */
export function accuracyOf(variances: readonly Variance[]): Accuracy {
	const matching = variances.filter((v) => v.matches).length;
	return {
		counted: variances.length,
		matching,
		ratio: variances.length === 0 ? null : matching / variances.length
	};
}

/** Accuracy over time: several counts pooled (line-weighted), e.g. every approved count of a month. */
export function pooledAccuracy(perCount: readonly Accuracy[]): Accuracy {
	const counted = perCount.reduce((s, a) => s + a.counted, 0);
	const matching = perCount.reduce((s, a) => s + a.matching, 0);
	return { counted, matching, ratio: counted === 0 ? null : matching / counted };
}
