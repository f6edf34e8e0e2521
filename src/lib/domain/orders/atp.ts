// Available to promise (可承諾量): on hand − held − reserved, per item × warehouse and in total.
// Held = stock in quarantine (待驗區, see catalog/quarantine): on hand but not promisable.
// Reserved = the unshipped part of every confirmed order's reservations. After an offline
// merge the reservations can exceed stock; `allocate` hands the stock out in confirmation
// order (earliest stamp first, order id as tiebreak) and reports every line left short, so
// every device flags the same orders as over-allocated.

import { compareStamps, type Stamp } from '../clock/hlc';
import { isHeld } from '../catalog/quarantine';
import type { Balance } from '../ledger/fold';
import type { OrderLine } from './order';
import { openReservedQty, type OrderFold } from './state-machine';

export interface Reservation {
	orderId: string;
	lineId: string;
	itemId: string;
	warehouseId: string;
	qty: number;
	confirmedAt: Stamp;
}

export interface FoldedOrder {
	id: string;
	warehouseId: string;
	lines: readonly OrderLine[];
	fold: OrderFold;
}

const round = (q: number): number => Math.round(q * 1e6) / 1e6;
const key = (itemId: string, warehouseId: string): string => `${itemId}|${warehouseId}`;

/**
 * One entry per line of every confirmed order with a positive `qtyOf` (what is still reserved,
 * what is back-ordered…), stamped with the order's confirmation.
 */
export function confirmedLineQuantities(
	orders: Iterable<FoldedOrder>,
	qtyOf: (fold: OrderFold, line: OrderLine) => number
): Reservation[] {
	const out: Reservation[] = [];
	for (const o of orders) {
		const confirmedAt = o.fold.confirmedAt;
		if (!confirmedAt) continue;
		for (const line of o.lines) {
			const qty = qtyOf(o.fold, line);
			if (qty > 0)
				out.push({
					orderId: o.id,
					lineId: line.id,
					itemId: line.itemId,
					warehouseId: o.warehouseId,
					qty,
					confirmedAt
				});
		}
	}
	return out;
}

export function reservationsOf(orders: Iterable<FoldedOrder>): Reservation[] {
	return confirmedLineQuantities(orders, (fold, line) => openReservedQty(fold, line.id));
}

/** On hand per `item|warehouse`, summed over locations and lots. */
export function onHandByWarehouse(balances: Iterable<Balance>): Map<string, number> {
	const out = new Map<string, number>();
	for (const b of balances) {
		const k = key(b.itemId, b.warehouseId);
		out.set(k, round((out.get(k) ?? 0) + b.qty));
	}
	return out;
}

/** Balances whose stock may be promised, picked or planned (quarantine left out). */
export function promisableBalances(
	balances: Iterable<Balance>,
	held: ReadonlySet<string>
): Balance[] {
	const out: Balance[] = [];
	for (const b of balances) if (!isHeld(b, held)) out.push(b);
	return out;
}

export interface AtpView {
	/** Physically in the warehouse, quarantine included. */
	onHand: number;
	/** In quarantine: on hand, not promisable. */
	held: number;
	reserved: number;
	/** May be negative after an offline double confirmation. */
	available: number;
}

export class AtpIndex {
	private readonly onHand: Map<string, number>;
	private readonly held: Map<string, number>;
	private readonly reserved = new Map<string, number>();

	/** `heldLocations`: ids of quarantine locations (catalog/quarantine `heldLocationIds`). */
	constructor(
		balances: Iterable<Balance>,
		reservations: Iterable<Reservation>,
		heldLocations: ReadonlySet<string> = new Set()
	) {
		const list = [...balances];
		this.onHand = onHandByWarehouse(list);
		this.held = onHandByWarehouse(list.filter((b) => isHeld(b, heldLocations)));
		for (const r of reservations) {
			const k = key(r.itemId, r.warehouseId);
			this.reserved.set(k, round((this.reserved.get(k) ?? 0) + r.qty));
		}
	}

	/** One warehouse, or every warehouse when `warehouseId` is omitted. */
	of(itemId: string, warehouseId?: string): AtpView {
		const prefix = `${itemId}|`;
		const sum = (m: Map<string, number>): number => {
			let total = 0;
			for (const [k, q] of m)
				if (warehouseId ? k === key(itemId, warehouseId) : k.startsWith(prefix)) total += q;
			return round(total);
		};
		const onHand = sum(this.onHand);
		const held = sum(this.held);
		const reserved = sum(this.reserved);
		return { onHand, held, reserved, available: round(onHand - held - reserved) };
	}
}

export function compareReservations(a: Reservation, b: Reservation): number {
	return (
		compareStamps(a.confirmedAt, b.confirmedAt) ||
		(a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0) ||
		(a.lineId < b.lineId ? -1 : a.lineId > b.lineId ? 1 : 0)
	);
}

export interface Shortfall {
	orderId: string;
	lineId: string;
	itemId: string;
	warehouseId: string;
	reserved: number;
	/** What stock covers of this reservation after earlier confirmations took theirs. */
	covered: number;
	shortfall: number;
}

/**
 * Hands each item × warehouse's on-hand stock to its reservations, earliest confirmation first.
 * Returns the lines that could not be covered, keyed by order id.
 */
export function allocate(
	balances: Iterable<Balance>,
	reservations: readonly Reservation[]
): Map<string, Shortfall[]> {
	const left = onHandByWarehouse(balances);
	const out = new Map<string, Shortfall[]>();
	for (const r of [...reservations].sort(compareReservations)) {
		const k = key(r.itemId, r.warehouseId);
		const stock = Math.max(0, left.get(k) ?? 0);
		const covered = Math.min(stock, r.qty);
		left.set(k, round(stock - covered));
		const shortfall = round(r.qty - covered);
		if (shortfall <= 0) continue;
		const list = out.get(r.orderId) ?? [];
		list.push({ ...r, reserved: r.qty, covered: round(covered), shortfall });
		out.set(r.orderId, list);
	}
	return out;
}

export interface ConfirmPlan {
	reserved: { lineId: string; qty: number }[];
	backordered: { lineId: string; qty: number }[];
	/** Lines asking more than is available (empty when everything can be promised). */
	short: { lineId: string; itemId: string; requested: number; available: number }[];
}

/**
 * What confirming these lines from one warehouse would reserve. Lines of the same item share
 * the available quantity in line order; anything beyond it is the back-order.
 */
export function planConfirmation(
	lines: readonly OrderLine[],
	warehouseId: string,
	atp: AtpIndex
): ConfirmPlan {
	const left = new Map<string, number>();
	const plan: ConfirmPlan = { reserved: [], backordered: [], short: [] };
	for (const line of lines) {
		const available =
			left.get(line.itemId) ?? Math.max(0, atp.of(line.itemId, warehouseId).available);
		const reserve = Math.min(available, line.qty);
		left.set(line.itemId, round(available - reserve));
		plan.reserved.push({ lineId: line.id, qty: round(reserve) });
		const missing = round(line.qty - reserve);
		plan.backordered.push({ lineId: line.id, qty: missing });
		if (missing > 0)
			plan.short.push({ lineId: line.id, itemId: line.itemId, requested: line.qty, available });
	}
	return plan;
}
