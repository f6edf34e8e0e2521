// What purchasing commands and pages read: suppliers, prices and the policy from the catalog;
// purchase orders (folded) and requisitions (folded) from the orders doc.

import { readItems } from '../../doc/catalog-doc';
import {
	parsePurchaseOrderMap,
	readPurchaseOrders,
	readRequisitions,
	unparsedPurchaseOrders,
	type RequisitionRecord
} from '../../doc/purchasing-doc';
import { readPriceList, readPurchasingPolicy, readSuppliers } from '../../doc/suppliers-doc';
import type { PurchasingPolicy } from '../../domain/purchasing/approval';
import { foldPurchaseOrder, type PoFold } from '../../domain/purchasing/po-state-machine';
import type { PurchaseOrder } from '../../domain/purchasing/purchase-order';
import type { PriceListEntry } from '../../domain/purchasing/price-list';
import { incomingLines, type IncomingLine } from '../../domain/purchasing/incoming';
import { foldRequisition, type RequisitionFold } from '../../domain/purchasing/requisition';
import type { FoldedPo } from '../../domain/purchasing/scorecard';
import type { Supplier } from '../../domain/purchasing/supplier';
import type { Item } from '../../domain/catalog/entities';
import type { CommandContext } from '../context';
import { UnknownPurchaseOrderError, UnknownSupplierError } from './errors';

export interface FoldedRequisition {
	requisition: RequisitionRecord;
	fold: RequisitionFold;
}

export interface PurchasingView {
	items: Item[];
	suppliers: Supplier[];
	priceList: PriceListEntry[];
	policy: PurchasingPolicy;
	orders: FoldedPo[];
	requisitions: FoldedRequisition[];
}

/** Folds by PO object: a PO whose map did not change is the same object (the doc's parse cache). */
const folds = new WeakMap<PurchaseOrder, PoFold>();
function foldOf(po: PurchaseOrder): PoFold {
	let fold = folds.get(po);
	if (!fold) {
		fold = foldPurchaseOrder(po.lines, po.events, po.unknownEvents);
		folds.set(po, fold);
	}
	return fold;
}

export function purchasingView(ctx: Pick<CommandContext, 'docs'>): PurchasingView {
	const catalog = ctx.docs.catalog;
	const orders = ctx.docs.shared('orders');
	return {
		items: readItems(catalog),
		suppliers: readSuppliers(catalog),
		priceList: readPriceList(catalog),
		policy: readPurchasingPolicy(catalog),
		orders: readPurchaseOrders(orders).orders.map((po) => ({ po, fold: foldOf(po) })),
		requisitions: readRequisitions(orders).requisitions.map((requisition) => ({
			requisition,
			fold: foldRequisition(requisition.events)
		}))
	};
}

/** Open PO lines still to come (incoming supply), read from the orders doc alone. */
export function readIncoming(ctx: Pick<CommandContext, 'docs'>): IncomingLine[] {
	const orders = readPurchaseOrders(ctx.docs.shared('orders')).orders;
	return incomingLines(orders.map((po) => ({ po, fold: foldOf(po) })));
}

/** Work split over tasks: `spent()` says the current slice is used up, `pause()` starts the next. */
export interface TimeSlices {
	spent(): boolean;
	pause(): Promise<void>;
}

/**
 * Parses and folds the purchase orders not read yet, pausing whenever a slice is spent, so the
 * first read of a year of orders (readIncoming, purchasingView) then finds them all cached
 * instead of parsing every event in one long main-thread task. The figures read afterwards are
 * the same: this only fills the caches those reads use.
 */
export async function preparePurchaseOrders(
	ctx: Pick<CommandContext, 'docs'>,
	slices: TimeSlices
): Promise<void> {
	for (const [id, map] of unparsedPurchaseOrders(ctx.docs.shared('orders'))) {
		if (slices.spent()) await slices.pause();
		const po = parsePurchaseOrderMap(id, map);
		if (po) foldOf(po);
	}
}

export function requirePurchaseOrder(view: PurchasingView, poId: string): FoldedPo {
	const found = view.orders.find((o) => o.po.id === poId);
	if (!found) throw new UnknownPurchaseOrderError(poId);
	return found;
}

export function requireSupplier(
	view: Pick<PurchasingView, 'suppliers'>,
	supplierId: string
): Supplier {
	const found = view.suppliers.find((s) => s.id === supplierId);
	if (!found) throw new UnknownSupplierError(supplierId);
	return found;
}
