// What production commands and pages read: items, BOMs and work centres from the catalog, work
// orders (folded) from the orders doc, and ATP per item and warehouse for shortages.

import { readItems } from '../../doc/catalog-doc';
import { readBoms, readWorkCenters } from '../../doc/production-doc';
import { readWorkOrders } from '../../doc/production-orders-doc';
import type { Item } from '../../domain/catalog/entities';
import { InvalidFieldError } from '../../domain/errors';
import type { Bom } from '../../domain/production/bom';
import { foldWorkOrder, type WoFold } from '../../domain/production/wo-state-machine';
import type { WorkOrder } from '../../domain/production/work-order';
import type { WorkCenter } from '../../domain/production/work-center';
import type { CommandContext } from '../context';

export interface FoldedWorkOrder {
	order: WorkOrder;
	fold: WoFold;
}

export interface ProductionView {
	items: Item[];
	boms: Bom[];
	workCenters: WorkCenter[];
	workOrders: FoldedWorkOrder[];
}

export function productionView(ctx: Pick<CommandContext, 'docs'>): ProductionView {
	const catalog = ctx.docs.catalog;
	return {
		items: readItems(catalog),
		boms: readBoms(catalog),
		workCenters: readWorkCenters(catalog),
		workOrders: readWorkOrders(ctx.docs.shared('orders')).orders.map((order) => ({
			order,
			fold: foldWorkOrder(order)
		}))
	};
}

export function requireWorkOrder(view: ProductionView, woId: string): FoldedWorkOrder {
	const found = view.workOrders.find((w) => w.order.id === woId);
	if (!found) throw new InvalidFieldError('workOrderId', `unknown work order ${woId}`);
	return found;
}
