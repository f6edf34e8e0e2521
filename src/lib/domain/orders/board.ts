// The order board as one pure fold: every order with its folded status, totals and flags
// (over-allocated, late, conflict), plus the ATP index the form and the commands check against.
// Same orders + same movements → same board on every device.

import type { Balance } from '../ledger/fold';
import { orderTotals, type Order, type OrderTotals } from './order';
import { allocate, AtpIndex, promisableBalances, reservationsOf, type Shortfall } from './atp';
import {
	allocateBackorders,
	backordersOf,
	readyAsReservations,
	type ReadyLine
} from './backorders';
import { foldOrder, type OrderFold, type OrderStatus } from './state-machine';

export interface BoardOrder {
	order: Order;
	fold: OrderFold;
	totals: OrderTotals;
	/** Lines whose reservation stock cannot cover (after earlier confirmations took theirs). */
	shortfalls: Shortfall[];
	overAllocated: boolean;
	/** Back-ordered lines that stock now covers (可出貨), derived, never stored. */
	ready: ReadyLine[];
	backorderReady: boolean;
	late: boolean;
	/** Some transition was overruled by a concurrent one. */
	hasConflict: boolean;
}

export interface Board {
	orders: BoardOrder[];
	atp: AtpIndex;
}

const DONE: readonly OrderStatus[] = ['shipped', 'delivered', 'closed-short', 'cancelled'];

/** `todayIso` is the local calendar day (YYYY-MM-DD) the caller considers "today". */
export function isLate(order: Order, status: OrderStatus, todayIso: string): boolean {
	return !DONE.includes(status) && order.requestedDate < todayIso;
}

/**
 * `heldLocations`: quarantine bins (catalog/quarantine `heldLocationIds`); their stock is on
 * hand but covers no reservation, back-order or new confirmation. Required, so no caller can
 * forget it and promise rejected goods.
 */
export function buildBoard(
	orders: readonly Order[],
	balances: Iterable<Balance>,
	todayIso: string,
	heldLocations: ReadonlySet<string>
): Board {
	const allBalances = [...balances];
	const balanceList = promisableBalances(allBalances, heldLocations);
	const folded = orders.map((order) => ({
		id: order.id,
		warehouseId: order.warehouseId,
		lines: order.lines,
		order,
		fold: foldOrder(order.lines, order.events, order.unknownEvents)
	}));
	const reservations = reservationsOf(folded);
	const shortfalls = allocate(balanceList, reservations);
	const needs = backordersOf(folded);
	const ready = allocateBackorders(balanceList, reservations, needs);
	// Stock waiting for an older back-order is not available to a newer confirmation.
	const atp = new AtpIndex(
		allBalances,
		[...reservations, ...readyAsReservations(ready, needs)],
		heldLocations
	);
	return {
		atp,
		orders: folded.map(({ order, fold }) => {
			const short = shortfalls.get(order.id) ?? [];
			return {
				order,
				fold,
				totals: orderTotals(order.lines),
				shortfalls: short,
				overAllocated: short.length > 0,
				ready: ready.get(order.id) ?? [],
				backorderReady: ready.has(order.id),
				late: isLate(order, fold.status, todayIso),
				hasConflict: fold.conflicts.length > 0
			};
		})
	};
}
