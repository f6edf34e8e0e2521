// Repurchase prediction for the sales page: purchase history from shipped orders (the day of
// the first shipment), estimated per customer × item by domain/orders/repurchase.

import { stampWallMs } from '../../domain/clock/hlc';
import { foldOrder } from '../../domain/orders/state-machine';
import {
	estimateRepurchases,
	type PurchaseEvent,
	type RepurchaseEstimate
} from '../../domain/orders/repurchase';
import { readOrders } from '../../doc/orders-doc';
import type { WorkspaceState } from '../workspace.svelte';

export function purchaseHistory(ws: WorkspaceState): PurchaseEvent[] {
	const out: PurchaseEvent[] = [];
	for (const order of readOrders(ws.runtime.docs.shared('orders')).orders) {
		const fold = foldOrder(order.lines, order.events);
		const firstShip = fold.applied.find((e) => e.type === 'ship');
		if (!firstShip) continue;
		for (const line of order.lines)
			out.push({
				customerId: order.customerId,
				itemId: line.itemId,
				atMs: stampWallMs(firstShip.at)
			});
	}
	return out;
}

export class RepurchaseModel {
	soonOnly = $state(true);
	nowMs = $state(Date.now());
	readonly all: RepurchaseEstimate[] = $derived.by(() => {
		void this.ws.docRevision.orders;
		return estimateRepurchases(purchaseHistory(this.ws), { nowMs: this.nowMs });
	});
	/** One customer only ('' = all): the sales landing page links here per customer. */
	customerId = $state('');
	readonly shown: RepurchaseEstimate[] = $derived(
		this.all.filter(
			(e) =>
				(!this.soonOnly || e.likelySoon) && (!this.customerId || e.customerId === this.customerId)
		)
	);

	private readonly ws: WorkspaceState;

	constructor(ws: WorkspaceState) {
		this.ws = ws;
	}
}
