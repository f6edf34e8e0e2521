// The sales landing page (業務總覽): the board folded into the KPIs a sales manager reads
// first (domain/orders/sales-kpis), this month's shipped value against last month's, and the
// customers most likely to reorder soon. Each number has a board link with the same filter.

import { buildBoard, type Board } from '../../domain/orders/board';
import { estimateRepurchases } from '../../domain/orders/repurchase';
import {
	previousMonth,
	salesKpis,
	topReorderCustomers,
	type ReorderCustomer,
	type SalesKpis
} from '../../domain/orders/sales-kpis';
import { readOrders } from '../../doc/orders-doc';
import type { WorkspaceState } from '../workspace.svelte';
import { addDays, localDayOfStamp, localToday } from './orders-board-helpers';
import { purchaseHistory } from './orders-repurchase.svelte';

/** The on-time rate looks back this many days (a quarter: recent enough to act on). */
export const ON_TIME_WINDOW_DAYS = 90;
const TOP_REORDER = 5;

export class SalesHomeModel {
	today = $state(localToday());
	nowMs = $state(Date.now());

	readonly board: Board = $derived.by(() => {
		void this.ws.docRevision.orders;
		return buildBoard(this.orders(), this.ws.balances, this.today);
	});

	readonly kpis: SalesKpis = $derived(
		salesKpis({
			orders: this.board.orders,
			today: this.today,
			onTimeSince: addDays(this.today, -ON_TIME_WINDOW_DAYS),
			dayOf: localDayOfStamp
		})
	);

	readonly thisMonth: string = $derived(this.today.slice(0, 7));
	readonly shippedThisMonth: number = $derived(this.kpis.shippedByMonth.get(this.thisMonth) ?? 0);
	readonly shippedLastMonth: number = $derived(
		this.kpis.shippedByMonth.get(previousMonth(this.thisMonth)) ?? 0
	);

	readonly reorder: ReorderCustomer[] = $derived.by(() => {
		void this.ws.docRevision.orders;
		const estimates = estimateRepurchases(purchaseHistory(this.ws), { nowMs: this.nowMs });
		return topReorderCustomers(estimates, TOP_REORDER);
	});

	private readonly ws: WorkspaceState;

	constructor(ws: WorkspaceState) {
		this.ws = ws;
	}

	private orders() {
		return readOrders(this.ws.runtime.docs.shared('orders')).orders;
	}
}
