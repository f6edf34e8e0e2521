// Back-orders getting stock when it arrives (缺貨待補 → 可出貨). Nothing is written: whatever
// stock is left after every open reservation took its share is handed to the back-ordered
// quantities, earliest confirmation first (order id, then line id as tiebreaks), so every
// device derives the same "ready to ship" quantities from the same orders and movements.
// These claims also count against available-to-promise, so a newer confirmation cannot take
// the units an older back-order is waiting for (see board.ts).

import { compareStamps, type Stamp } from '../clock/hlc';
import type { Balance } from '../ledger/fold';
import {
	compareReservations,
	confirmedLineQuantities,
	onHandByWarehouse,
	type FoldedOrder,
	type Reservation
} from './atp';
import { backorderQty } from './state-machine';

export interface BackorderNeed {
	orderId: string;
	lineId: string;
	itemId: string;
	warehouseId: string;
	/** Ordered but neither shipped nor reserved. */
	qty: number;
	confirmedAt: Stamp;
}

export interface ReadyLine {
	lineId: string;
	itemId: string;
	/** How much of the back-order stock now covers. */
	qty: number;
	/** The whole back-ordered quantity of the line. */
	backordered: number;
}

const round = (q: number): number => Math.round(q * 1e6) / 1e6;
const key = (itemId: string, warehouseId: string): string => `${itemId}|${warehouseId}`;

export function backordersOf(orders: Iterable<FoldedOrder>): BackorderNeed[] {
	return confirmedLineQuantities(orders, backorderQty);
}

function compareNeeds(a: BackorderNeed, b: BackorderNeed): number {
	return (
		compareStamps(a.confirmedAt, b.confirmedAt) ||
		(a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0) ||
		(a.lineId < b.lineId ? -1 : a.lineId > b.lineId ? 1 : 0)
	);
}

/**
 * Stock left after the reservations (in their own confirmation order), handed to the
 * back-orders earliest confirmation first. Returns the covered lines keyed by order id.
 */
export function allocateBackorders(
	balances: Iterable<Balance>,
	reservations: readonly Reservation[],
	needs: readonly BackorderNeed[]
): Map<string, ReadyLine[]> {
	const left = onHandByWarehouse(balances);
	for (const r of [...reservations].sort(compareReservations)) {
		const k = key(r.itemId, r.warehouseId);
		left.set(k, round(Math.max(0, left.get(k) ?? 0) - r.qty));
	}
	const out = new Map<string, ReadyLine[]>();
	for (const n of [...needs].sort(compareNeeds)) {
		const k = key(n.itemId, n.warehouseId);
		const stock = Math.max(0, left.get(k) ?? 0);
		const qty = round(Math.min(stock, n.qty));
		if (qty <= 0) continue;
		left.set(k, round(stock - qty));
		const list = out.get(n.orderId) ?? [];
		list.push({ lineId: n.lineId, itemId: n.itemId, qty, backordered: n.qty });
		out.set(n.orderId, list);
	}
	return out;
}

/** The ready quantities as extra reservations, for available-to-promise. */
export function readyAsReservations(
	ready: ReadonlyMap<string, readonly ReadyLine[]>,
	needs: readonly BackorderNeed[]
): Reservation[] {
	const out: Reservation[] = [];
	for (const n of needs) {
		const r = ready.get(n.orderId)?.find((x) => x.lineId === n.lineId);
		if (r) out.push({ ...n, qty: r.qty });
	}
	return out;
}
