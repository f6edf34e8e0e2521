// The count sheet of one bin: what the book says the bin holds (stock of the session's
// warehouse and item scope) merged with the latest count of each position, one row per
// item × lot, sorted by item code.

import type { Balance } from '../ledger/fold';
import { latestLines } from './positions';
import type { CountLine, CountSession } from './session';

export interface SheetRow {
	itemId: string;
	lot: string;
	/** On hand by the book now; null when the book has no stock here (a found position). */
	book: number | null;
	/** The latest count of the position; null until counted. */
	counted: number | null;
	/** Stamp of that count. */
	at: string | null;
}

/** Positions of `locationId` that hold stock by the book, within the session's item scope. */
export function expectedInBin(
	balances: readonly Balance[],
	session: Pick<CountSession, 'warehouseId' | 'scopeItemIds'>,
	locationId: string
): { itemId: string; lot: string; qty: number }[] {
	const scope = session.scopeItemIds;
	return balances
		.filter(
			(b) =>
				b.warehouseId === session.warehouseId &&
				b.locationId === locationId &&
				b.qty !== 0 &&
				(scope.length === 0 || scope.includes(b.itemId))
		)
		.map((b) => ({ itemId: b.itemId, lot: b.lot, qty: b.qty }));
}

export interface SheetInput {
	locationId: string;
	/** What the book expects in the bin (see `expectedInBin`). */
	expected: readonly { itemId: string; lot: string; qty: number }[];
	/** Every count line of the session; recounts replace earlier counts. */
	lines: Iterable<CountLine>;
	/** The item's code, for the sort order. */
	codeOf: (itemId: string) => string;
}

export function countSheetRows(input: SheetInput): SheetRow[] {
	const rows = new Map<string, SheetRow>();
	for (const e of input.expected)
		rows.set(`${e.itemId}|${e.lot}`, {
			itemId: e.itemId,
			lot: e.lot,
			book: e.qty,
			counted: null,
			at: null
		});
	for (const l of latestLines(input.lines).values()) {
		if (l.locationId !== input.locationId) continue;
		const key = `${l.itemId}|${l.lot}`;
		const row = rows.get(key) ?? {
			itemId: l.itemId,
			lot: l.lot,
			book: null,
			counted: null,
			at: null
		};
		rows.set(key, { ...row, counted: l.countedQty, at: l.at });
	}
	return [...rows.values()].sort((a, b) =>
		input.codeOf(a.itemId).localeCompare(input.codeOf(b.itemId))
	);
}
