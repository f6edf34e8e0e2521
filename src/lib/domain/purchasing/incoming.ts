// Incoming supply (採購在途): the open quantity of every approved, sent or partly received PO
// line with the date the supplier promised, and available to promise by date — "12 available
// now, 200 arriving on the 14th, so 212 on the 14th". A line past its promised date and still
// open is late: it counts as arriving (it is owed) but is flagged.

import { incomingQty, type PoFold } from './po-state-machine';
import type { PurchaseOrder } from './purchase-order';

export interface IncomingLine {
	itemId: string;
	warehouseId: string;
	/** YYYY-MM-DD promised (after amendments). */
	date: string;
	qty: number;
	poId: string;
	poNumber: string;
	supplierId: string;
}

const round = (q: number): number => Math.round(q * 1e6) / 1e6;

/** Every open PO line with something still to come, earliest date first (PO number as tiebreak). */
export function incomingLines(
	orders: Iterable<{ po: PurchaseOrder; fold: PoFold }>
): IncomingLine[] {
	const out: IncomingLine[] = [];
	for (const { po, fold } of orders)
		for (const line of po.lines) {
			const qty = incomingQty(fold, line.id);
			if (qty <= 0) continue;
			out.push({
				itemId: line.itemId,
				warehouseId: po.warehouseId,
				date: fold.lines.get(line.id)?.promisedDate ?? line.promisedDate,
				qty,
				poId: po.id,
				poNumber: po.number,
				supplierId: po.supplierId
			});
		}
	return out.sort((a, b) =>
		a.date < b.date ? -1 : a.date > b.date ? 1 : a.poNumber < b.poNumber ? -1 : 1
	);
}

export interface ArrivalStep {
	date: string;
	/** Arriving that day (several PO lines summed). */
	qty: number;
	/** Available to promise once it has arrived (now + everything due by then). */
	availableAfter: number;
	/** Promised before `today` and still open. */
	late: boolean;
}

/** The arrivals of one item (in one warehouse, or all when omitted), day by day. */
export function arrivals(
	lines: readonly IncomingLine[],
	itemId: string,
	availableNow: number,
	today: string,
	warehouseId?: string
): ArrivalStep[] {
	const steps: ArrivalStep[] = [];
	let running = availableNow;
	for (const l of lines) {
		if (l.itemId !== itemId || (warehouseId !== undefined && l.warehouseId !== warehouseId))
			continue;
		running = round(running + l.qty);
		const last = steps[steps.length - 1];
		if (last && last.date === l.date) {
			last.qty = round(last.qty + l.qty);
			last.availableAfter = running;
		} else steps.push({ date: l.date, qty: l.qty, availableAfter: running, late: l.date < today });
	}
	return steps;
}

/** The first day on which `qty` can be promised (today when it already can), or null. */
export function availableFrom(
	steps: readonly ArrivalStep[],
	availableNow: number,
	qty: number,
	today: string
): string | null {
	if (availableNow >= qty) return today;
	for (const s of steps) if (s.availableAfter >= qty) return s.date < today ? today : s.date;
	return null;
}

/** One purchase order's lines still to come, as the shared board's purchasing lane shows it. */
export interface IncomingPo {
	poId: string;
	poNumber: string;
	supplierId: string;
	warehouseId: string;
	/** The earliest promised date of its open lines. */
	date: string;
	/** That date is before today. */
	late: boolean;
	lines: { itemId: string; qty: number; date: string }[];
}

/**
 * Incoming lines grouped by PO for the board: one warehouse ('' = all), only POs with a line due
 * on or before `dueBy` ('' = any), earliest first.
 */
export function incomingByPo(
	lines: readonly IncomingLine[],
	filter: { warehouseId: string; dueBy: string },
	today: string
): IncomingPo[] {
	const byPo = new Map<string, IncomingPo>();
	for (const l of lines) {
		if (filter.warehouseId !== '' && l.warehouseId !== filter.warehouseId) continue;
		let po = byPo.get(l.poId);
		if (!po) {
			po = { ...l, late: false, lines: [] };
			byPo.set(l.poId, po);
		}
		po.lines.push({ itemId: l.itemId, qty: l.qty, date: l.date });
		if (l.date < po.date) po.date = l.date;
	}
	return [...byPo.values()]
		.filter((po) => filter.dueBy === '' || po.date <= filter.dueBy)
		.map((po) => ({ ...po, late: po.date < today }))
		.sort((a, b) =>
			a.date < b.date ? -1 : a.date > b.date ? 1 : a.poNumber < b.poNumber ? -1 : 1
		);
}
