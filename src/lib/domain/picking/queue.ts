// The warehouse's pick queue (揀貨佇列): confirmed sales orders with something left to ship,
// earliest due date first, per warehouse. Pure: it reads the order board and a function that
// says how much of each line can ship now (stock covers it), so the warehouse sees which
// orders it can pick today without opening the sales department.

import type { BoardOrder } from '../orders/board';
import { roundQty } from '../ledger/fold';
import type { OrderStatus } from '../orders/state-machine';

/** Statuses whose orders wait for the warehouse: picked or not, something is left to ship. */
export const QUEUE_STATUSES: readonly OrderStatus[] = [
	'confirmed',
	'picking',
	'packed',
	'partially-shipped'
];

export interface QueueLine {
	lineId: string;
	itemId: string;
	/** Ordered and not shipped yet. */
	left: number;
	/** What stock lets ship now (≤ left). */
	ready: number;
}

export interface QueueEntry {
	bo: BoardOrder;
	lines: QueueLine[];
	/** Every unshipped line can ship in full now. */
	complete: boolean;
	/** Nothing can ship now (waiting for stock). */
	blocked: boolean;
	late: boolean;
}

export interface QueueOptions {
	/** '' or absent = every warehouse. */
	warehouseId?: string;
	/** Per order: how much of each line can ship now. */
	shippable: (bo: BoardOrder) => readonly { lineId: string; qty: number }[];
}

/** Due date first, then the earlier confirmation, then the order number. */
export function compareQueue(a: QueueEntry, b: QueueEntry): number {
	const ao = a.bo.order;
	const bo = b.bo.order;
	if (ao.requestedDate !== bo.requestedDate) return ao.requestedDate < bo.requestedDate ? -1 : 1;
	const ac = a.bo.fold.confirmedAt ?? '';
	const bc = b.bo.fold.confirmedAt ?? '';
	if (ac !== bc) return ac < bc ? -1 : 1;
	return ao.number.localeCompare(bo.number);
}

export function pickQueue(orders: readonly BoardOrder[], options: QueueOptions): QueueEntry[] {
	const out: QueueEntry[] = [];
	for (const bo of orders) {
		if (!QUEUE_STATUSES.includes(bo.fold.status)) continue;
		if (options.warehouseId && bo.order.warehouseId !== options.warehouseId) continue;
		const can = new Map(options.shippable(bo).map((l) => [l.lineId, l.qty]));
		const lines: QueueLine[] = [];
		for (const line of bo.order.lines) {
			const left = roundQty(line.qty - (bo.fold.lines.get(line.id)?.shipped ?? 0));
			if (left <= 0) continue;
			const ready = Math.min(left, Math.max(0, can.get(line.id) ?? 0));
			lines.push({ lineId: line.id, itemId: line.itemId, left, ready });
		}
		if (lines.length === 0) continue;
		out.push({
			bo,
			lines,
			complete: lines.every((l) => l.ready >= l.left),
			blocked: lines.every((l) => l.ready <= 0),
			late: bo.late
		});
	}
	return out.sort(compareQueue);
}
