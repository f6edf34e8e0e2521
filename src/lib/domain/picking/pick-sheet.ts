// One order's pick sheet: every line's suggested picks (bin × lot, by the item's FEFO / FIFO
// policy) merged into one walk through the warehouse, and picking by scan against it. A scan
// of a bin says "I am here"; a scan of an item or a lot label at that bin picks the row. A
// scan that would break the policy (another lot than the one suggested, a bin not on the walk)
// is refused with what to take instead, so the guided lot is the one that leaves.

import { roundQty } from '../ledger/fold';
import type { Allocation, Pick } from './allocate';
import { compareWalk } from './allocate';

export interface SheetRow extends Pick {
	/** Unique within the sheet: line × bin × lot. */
	key: string;
	lineId: string;
	itemId: string;
}

/** Every line's picks in one walking order (bin by bin; within a bin, item then lot). */
export function pickSheet(
	lines: readonly { lineId: string; itemId: string; allocation: Allocation }[]
): SheetRow[] {
	const rows: SheetRow[] = [];
	for (const line of lines)
		for (const p of line.allocation.picks)
			rows.push({
				...p,
				key: `${line.lineId}|${p.locationId}|${p.lot}`,
				lineId: line.lineId,
				itemId: line.itemId
			});
	return rows.sort(
		(a, b) =>
			compareWalk(a, b) ||
			(a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0) ||
			(a.lineId < b.lineId ? -1 : a.lineId > b.lineId ? 1 : 0)
	);
}

/** What a scan means here (see domain/scanning/resolve; ids, not whole records). */
export type SheetScan =
	| { kind: 'location'; locationId: string }
	| { kind: 'item'; itemId: string; lot?: string }
	| { kind: 'unknown' };

export interface ScanProgress {
	/** Row key → quantity picked. */
	picked: ReadonlyMap<string, number>;
	/** The bin the picker last scanned and still has rows to pick in; null = none. */
	atBin: string | null;
}

export type ScanOutcome =
	| { kind: 'at-bin'; rows: SheetRow[] }
	| { kind: 'picked'; row: SheetRow }
	/** The bin (or the item) has nothing left to pick on this sheet. */
	| { kind: 'not-on-sheet'; what: 'bin' | 'item' }
	/** The item is to be picked from another bin: `row` is where. */
	| { kind: 'go-to-bin'; row: SheetRow }
	/** Another lot than the policy suggests: take `row.lot` instead. */
	| { kind: 'wrong-lot'; row: SheetRow; scannedLot: string }
	/** The row names a lot: scan its lot label, not the item's barcode. */
	| { kind: 'lot-needed'; row: SheetRow }
	| { kind: 'unknown' };

export const NO_PROGRESS: ScanProgress = { picked: new Map(), atBin: null };

export function isRowDone(row: SheetRow, progress: ScanProgress): boolean {
	return (progress.picked.get(row.key) ?? 0) >= row.qty;
}

function open(rows: readonly SheetRow[], progress: ScanProgress): SheetRow[] {
	return rows.filter((r) => !isRowDone(r, progress));
}

/** Marks a row picked (a quantity below its own = found less on the shelf). */
export function pickRow(progress: ScanProgress, row: SheetRow, qty = row.qty): ScanProgress {
	const picked = new Map(progress.picked);
	picked.set(row.key, roundQty(Math.max(0, Math.min(qty, row.qty))));
	return { picked, atBin: progress.atBin };
}

export function applyScan(
	rows: readonly SheetRow[],
	progress: ScanProgress,
	scan: SheetScan
): { progress: ScanProgress; outcome: ScanOutcome } {
	const todo = open(rows, progress);
	if (scan.kind === 'unknown') return { progress, outcome: { kind: 'unknown' } };
	if (scan.kind === 'location') {
		const here = todo.filter((r) => r.locationId === scan.locationId);
		if (here.length === 0) return { progress, outcome: { kind: 'not-on-sheet', what: 'bin' } };
		return {
			progress: { picked: progress.picked, atBin: scan.locationId },
			outcome: { kind: 'at-bin', rows: here }
		};
	}
	const ofItem = todo.filter((r) => r.itemId === scan.itemId);
	const [firstOfItem] = ofItem;
	if (!firstOfItem) return { progress, outcome: { kind: 'not-on-sheet', what: 'item' } };
	// Stock without a bin needs no bin scan; otherwise the item must be at the scanned bin.
	const bin = progress.atBin ?? '';
	const here = ofItem.filter((r) => r.locationId === bin);
	const [firstHere] = here;
	if (!firstHere) return { progress, outcome: { kind: 'go-to-bin', row: firstOfItem } };
	let row: SheetRow | undefined;
	if (scan.lot !== undefined) {
		row = here.find((r) => r.lot === scan.lot);
		if (!row)
			return { progress, outcome: { kind: 'wrong-lot', row: firstHere, scannedLot: scan.lot } };
	} else {
		row = here.find((r) => r.lot === '');
		if (!row) return { progress, outcome: { kind: 'lot-needed', row: firstHere } };
	}
	const next = pickRow(progress, row);
	const stillHere = open(rows, next).some((r) => r.locationId === next.atBin);
	return {
		progress: { picked: next.picked, atBin: stillHere ? next.atBin : null },
		outcome: { kind: 'picked', row }
	};
}

export interface ShipmentPick {
	lineId: string;
	locationId: string;
	lot: string;
	qty: number;
}

/** What the picked rows ship: quantity per line and the exact bins and lots taken. */
export function shipmentOf(
	rows: readonly SheetRow[],
	progress: ScanProgress
): { lines: { lineId: string; qty: number }[]; picks: ShipmentPick[] } {
	const picks: ShipmentPick[] = [];
	const perLine = new Map<string, number>();
	for (const r of rows) {
		const qty = progress.picked.get(r.key) ?? 0;
		if (qty <= 0) continue;
		picks.push({ lineId: r.lineId, locationId: r.locationId, lot: r.lot, qty });
		perLine.set(r.lineId, roundQty((perLine.get(r.lineId) ?? 0) + qty));
	}
	return { lines: [...perLine].map(([lineId, qty]) => ({ lineId, qty })), picks };
}
