// Period close: a closed month is summarised, not replayed. Closing month M folds the opening
// balances of M (the close of M−1, or nothing for the first month) with M's movements into the
// opening balances of M+1: every stock position with its quantity and last movement stamp, and
// every lot's expiry and first receipt (FEFO/FIFO keep working without the old receipts).
// Today's stock is then `opening(B) + movements of months ≥ B`, where B is the month after the
// last close, so a device needs neither to download nor to fold the closed months.
//
// The opening enters folds as synthetic movements (reason `opening`), one per position,
// stamped with the position's last movement: folds, book-at-stamp and lot facts need no second
// code path, and an opening can never collide with a real movement id.

import { z } from 'zod';
import { isStamp, type Stamp } from '../clock/hlc';
import { foldBalances } from './fold';
import { stockKeyOf, stockKeyString, type Movement } from './movement';
import { foldLots } from '../lots/lot-fold';
import { isIssueLike } from '../alerts/alerts';
import { closeValuesSchema, type CloseValues } from '../accounting/book';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const month = z.string().regex(MONTH, 'expected YYYY-MM');
const stamp = z.string().refine(isStamp, 'expected an HLC stamp');
const id = z.string().min(1).max(64);
const idOrEmpty = z.string().max(64);

/** [itemId, warehouseId, locationId ('' = none), lot ('' = none), qty, lastAt] */
const positionTuple = z.tuple([id, id, idOrEmpty, idOrEmpty, z.number().finite(), stamp]);
/** [itemId, lot, expiry ('' = none), firstReceivedAt ('' = unknown)] */
const lotTuple = z.tuple([id, idOrEmpty, z.string().max(10), z.string().max(64)]);

export const openingBalancesSchema = z.object({
	/** Balances as of the end of this month. */
	closedMonth: month,
	positions: z.array(positionTuple).max(1_000_000),
	lots: z.array(lotTuple).max(1_000_000),
	/** [itemId, stamp of its last issue] so slow-mover alerts see closed months. */
	lastIssues: z
		.array(z.tuple([id, stamp]))
		.max(1_000_000)
		.default([]),
	/** Distinct movements of `closedMonth` folded in (for the period report). */
	movementCount: z.number().int().nonnegative(),
	/** `closedMonth`'s ledger state (base64 Yjs state vector) the close saw: later arrivals are late. */
	stateVector: z.string().max(100_000),
	closedAt: stamp,
	closedBy: z.string().min(1).max(128),
	/**
	 * Values carried with the quantities (FIFO layers or averages, account balances, the closed
	 * months' figures). Absent in closes written before values were carried.
	 */
	values: closeValuesSchema.optional()
});

export type OpeningBalances = z.infer<typeof openingBalancesSchema>;

export interface OpeningLot {
	itemId: string;
	lot: string;
	expiry?: string;
	firstReceivedAt?: Stamp;
}

/** The month after `m` ('2026-12' → '2027-01'). */
export function nextMonth(m: string): string {
	const [y, mo] = m.split('-').map(Number) as [number, number];
	return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}

export function previousMonth(m: string): string {
	const [y, mo] = m.split('-').map(Number) as [number, number];
	return mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`;
}

/** The synthetic movements an opening enters folds as (ids `opening:<month>:<position>`). */
export function openingMovements(opening: OpeningBalances): Movement[] {
	const expiries = new Map<string, string>();
	for (const [itemId, lot, expiry] of opening.lots)
		if (expiry) expiries.set(`${itemId}|${lot}`, expiry);
	return opening.positions.map(([itemId, warehouseId, locationId, lot, qty, lastAt]) => {
		const key = stockKeyString({ itemId, warehouseId, locationId, lot });
		const expiry = lot ? expiries.get(`${itemId}|${lot}`) : undefined;
		return {
			// Not a stored id (never validated against the 64-char limit), so never truncated.
			id: `opening:${opening.closedMonth}:${key}`,
			at: lastAt,
			itemId,
			warehouseId,
			...(locationId ? { locationId } : {}),
			...(lot ? { lot } : {}),
			...(expiry ? { expiry } : {}),
			qty,
			reason: 'opening' as const,
			device: 'opening',
			user: opening.closedBy
		};
	});
}

/** Lot facts an opening carries (what FEFO/FIFO and expiry alerts need from closed months). */
export function openingLots(opening: OpeningBalances | null): OpeningLot[] {
	if (!opening) return [];
	return opening.lots.map(([itemId, lot, expiry, first]) => ({
		itemId,
		lot,
		...(expiry ? { expiry } : {}),
		...(first ? { firstReceivedAt: first } : {})
	}));
}

export interface CloseInput {
	month: string;
	/** The opening of `month` (null when `month` is the first ledger month). */
	opening: OpeningBalances | null;
	/** Every movement filed in `month`'s ledger. */
	movements: readonly Movement[];
	stateVector: string;
	closedAt: Stamp;
	closedBy: string;
	/** The month's closing values (financeBook of the month → closeValues). */
	values?: CloseValues;
}

/** Folds a month into the next month's opening balances. Pure; same input, same record. */
export function closeMonthBalances(input: CloseInput): OpeningBalances {
	if (input.opening && input.opening.closedMonth !== previousMonth(input.month))
		throw new RangeError(
			`opening of ${input.month} must close ${previousMonth(input.month)}, not ${input.opening.closedMonth}`
		);
	const carried = input.opening ? openingMovements(input.opening) : [];
	const all = [...carried, ...input.movements];
	const balances = foldBalances(all);
	const positions: OpeningBalances['positions'] = [];
	const held = new Set<string>();
	for (const b of [...balances.values()].sort(byKey)) {
		if (b.qty === 0) continue;
		positions.push([b.itemId, b.warehouseId, b.locationId, b.lot, b.qty, b.lastAt]);
		held.add(`${b.itemId}|${b.lot}`);
	}
	const lots: OpeningBalances['lots'] = [];
	const folded = foldLots(all, openingLots(input.opening));
	for (const s of [...folded.values()].sort((a, b) =>
		cmp(`${a.itemId}|${a.lot}`, `${b.itemId}|${b.lot}`)
	)) {
		if (!held.has(`${s.itemId}|${s.lot}`)) continue;
		if (!s.expiry && !s.firstReceivedAt) continue;
		lots.push([s.itemId, s.lot, s.expiry ?? '', s.firstReceivedAt ?? '']);
	}
	const lastIssue = new Map<string, Stamp>(input.opening?.lastIssues ?? []);
	for (const m of input.movements) {
		if (!isIssueLike(m)) continue;
		const prev = lastIssue.get(m.itemId);
		if (!prev || m.at > prev) lastIssue.set(m.itemId, m.at);
	}
	return {
		closedMonth: input.month,
		positions,
		lots,
		lastIssues: [...lastIssue].sort(([a], [b]) => cmp(a, b)),
		movementCount: new Set(input.movements.map((m) => m.id)).size,
		stateVector: input.stateVector,
		closedAt: input.closedAt,
		closedBy: input.closedBy,
		...(input.values ? { values: input.values } : {})
	};
}

function cmp(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

function byKey(a: Parameters<typeof stockKeyOf>[0], b: Parameters<typeof stockKeyOf>[0]): number {
	return cmp(stockKeyString(stockKeyOf(a)), stockKeyString(stockKeyOf(b)));
}

/** Sum of opening quantities (a quick figure for the period page and for checks). */
export function openingTotals(opening: OpeningBalances): { positions: number; qty: number } {
	let qty = 0;
	for (const p of opening.positions) qty += p[4];
	return { positions: opening.positions.length, qty: Math.round(qty * 1e6) / 1e6 };
}
