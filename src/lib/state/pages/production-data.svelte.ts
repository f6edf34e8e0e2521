// Production data every production page reads: BOMs and work centres from the catalog, work
// orders (folded) from the orders doc, and ATP per item and warehouse for material shortages.
// Re-derives when either doc or the balances change; one instance per page, closed with it.

import {
	productionView,
	type FoldedWorkOrder,
	type ProductionView
} from '../../commands/production/read';
import { readOrders } from '../../doc/orders-doc';
import { observeProductionCatalog } from '../../doc/production-doc';
import { buildBoard } from '../../domain/orders/board';
import { dayNumber } from '../../domain/production/calendar';
import { materialNeeds, type MaterialNeed } from '../../domain/production/shortages';
import { OPEN_WO_STATUSES, type WoStatus } from '../../domain/production/wo-state-machine';
import { t } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';
import { localToday } from './orders-board-helpers';

export type { FoldedWorkOrder };

export function statusTone(s: WoStatus): 'neutral' | 'blue' | 'amber' | 'green' | 'red' {
	switch (s) {
		case 'planned':
			return 'neutral';
		case 'released':
			return 'blue';
		case 'in-progress':
			return 'amber';
		case 'completed':
		case 'closed':
			return 'green';
		case 'cancelled':
			return 'red';
	}
}

export class ProductionData {
	private catalogRevision = $state(0);
	private readonly stop: () => void;
	readonly today = localToday();

	readonly view: ProductionView = $derived.by(() => {
		void this.catalogRevision;
		void this.ws.docRevision.orders;
		void this.ws.items;
		return productionView({ docs: this.ws.runtime.docs });
	});

	/** Available to promise per item and warehouse (sales reservations taken out). */
	private readonly atp = $derived.by(() => {
		void this.ws.docRevision.orders;
		const orders = readOrders(this.ws.runtime.docs.shared('orders')).orders;
		return buildBoard(orders, this.ws.balances, this.today, this.ws.heldLocations).atp;
	});

	/** Open work orders' material needs against ATP in their warehouse, by work-order id. */
	readonly needs: ReadonlyMap<string, MaterialNeed[]> = $derived.by(() => {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- rebuilt by the derived, never mutated after
		const out = new Map<string, MaterialNeed[]>();
		for (const w of this.view.workOrders)
			if (OPEN_WO_STATUSES.includes(w.fold.status))
				out.set(
					w.order.id,
					materialNeeds(
						w.order,
						w.fold,
						(itemId) => this.atp.of(itemId, w.order.warehouseId).available
					)
				);
		return out;
	});

	constructor(readonly ws: WorkspaceState) {
		const bump = (): void => {
			this.catalogRevision++;
		};
		this.stop = observeProductionCatalog(ws.runtime.docs.catalog, bump);
		void ws.runtime.ready.then(bump);
	}

	workOrder(id: string): FoldedWorkOrder | undefined {
		return this.view.workOrders.find((w) => w.order.id === id);
	}

	itemLabel(id: string): string {
		const i = this.ws.item(id);
		return i ? `${i.code} ${i.name}` : id;
	}

	unitOf(id: string): string {
		return this.ws.item(id)?.unit ?? '';
	}

	warehouseLabel(id: string): string {
		const w = this.ws.warehouse(id);
		return w ? `${w.code} ${w.name}` : id;
	}

	workCenterLabel(id: string): string {
		const c = this.view.workCenters.find((w) => w.id === id);
		return c ? `${c.code} ${c.name}` : id;
	}

	/** Open (not completed) and past its due date. */
	isLate(w: FoldedWorkOrder): boolean {
		return OPEN_WO_STATUSES.includes(w.fold.status) && w.order.dueDate < this.today;
	}

	daysLate(w: FoldedWorkOrder): number {
		return Math.max(0, dayNumber(this.today) - dayNumber(w.order.dueDate));
	}

	/** Materials of an open order that are short (empty once it is completed). */
	shortages(woId: string): MaterialNeed[] {
		return (this.needs.get(woId) ?? []).filter((n) => n.short > 0);
	}

	statusText(s: WoStatus): string {
		return t(`production.status.${s}`);
	}

	close(): void {
		this.stop();
	}
}
