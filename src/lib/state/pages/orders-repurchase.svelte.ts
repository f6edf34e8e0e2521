// Repurchase prediction for the sales page: purchase history from shipped orders (the day of
// the first shipment), estimated per customer × item by domain/orders/repurchase, as the
// rows the reorder page shows and exports.

import { stampWallMs } from '../../domain/clock/hlc';
import { foldOrder } from '../../domain/orders/state-machine';
import {
	estimateRepurchases,
	type PurchaseEvent,
	type RepurchaseEstimate
} from '../../domain/orders/repurchase';
import type { Table } from '../../domain/tabular/table';
import { readOrders } from '../../doc/orders-doc';
import { t } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';
import { CustomersModel } from './customers.svelte';

export type DueTone = 'red' | 'amber' | 'neutral';

/** One estimate as the page shows it: names resolved, the due badge worked out. */
export interface RepurchaseRow extends RepurchaseEstimate {
	key: string;
	customerCode: string;
	customerName: string;
	itemCode: string;
	itemName: string;
	dueTone: DueTone;
	dueText: string;
}

/** Overdue red, due today or likely soon amber, later neutral. */
function dueBadge(e: RepurchaseEstimate): { dueTone: DueTone; dueText: string } {
	if (e.dueInDays < 0)
		return { dueTone: 'red', dueText: t('reorder.overdue', { days: -e.dueInDays }) };
	if (e.dueInDays === 0) return { dueTone: 'amber', dueText: t('reorder.dueToday') };
	const dueText = t('reorder.dueIn', { days: e.dueInDays });
	return { dueTone: e.likelySoon ? 'amber' : 'neutral', dueText };
}

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
	private readonly ws: WorkspaceState;
	readonly customers: CustomersModel;
	readonly canEdit: boolean;
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

	/** The shown estimates with customer and item names, soonest first as estimated. */
	readonly rows: RepurchaseRow[] = $derived(
		this.shown.map((e) => {
			const c = this.customers.byId(e.customerId);
			const item = this.ws.item(e.itemId);
			return {
				...e,
				key: `${e.customerId}|${e.itemId}`,
				customerCode: c?.code ?? '',
				customerName: c?.name ?? e.customerId,
				itemCode: item?.code ?? '',
				itemName: item?.name ?? e.itemId,
				...dueBadge(e)
			};
		})
	);

	/** The one customer the list is limited to, by name ('' = all customers). */
	readonly customerLabel: string = $derived.by(() =>
		this.customerId ? (this.customers.byId(this.customerId)?.name ?? this.customerId) : ''
	);

	constructor(ws: WorkspaceState) {
		this.ws = ws;
		this.canEdit = ws.canWriteRecord('salesOrder');
		this.customers = new CustomersModel(ws);
	}

	/** What the list shows (filters applied), for ExportButton. */
	exportTable(): Table {
		return {
			headers: [
				t('customers.code'),
				t('customers.name'),
				t('item.code'),
				t('item.name'),
				t('reorder.intervalDays'),
				t('reorder.daysSince'),
				t('reorder.orderCount'),
				t('reorder.dueInDays')
			],
			rows: this.rows.map((r) => [
				r.customerCode,
				r.customerName,
				r.itemCode,
				r.itemName,
				r.intervalDays,
				r.daysSinceLast,
				r.orders,
				r.dueInDays
			])
		};
	}

	close(): void {
		this.customers.close();
	}
}
