// Summaries the stock overview shows: per item (with a low/out/over status) and per
// warehouse (SKU count, quantity, value at standard cost).

import type { Item, Warehouse } from '../catalog/entities';
import { roundQty, type Balance } from './fold';

export type StockStatus = 'ok' | 'low' | 'out' | 'over';

export interface ItemStock {
	itemId: string;
	onHand: number;
	byWarehouse: Record<string, number>;
	/** On the road between warehouses (transfers): not on hand anywhere, not in `onHand`. */
	inTransit: number;
	status: StockStatus;
}

/** Mirrors `IN_TRANSIT_WAREHOUSE` (domain/transfers/transfer.ts); kept here to stay a leaf. */
const IN_TRANSIT = '@transit';

/**
 * out: nothing on hand; low: under safety stock, or at/under the reorder point when one is set;
 * over: above a set maximum. The most urgent status wins.
 */
export function stockStatus(item: Item, onHand: number): StockStatus {
	if (onHand <= 0) return 'out';
	if (onHand < item.safetyStock || (item.reorderPoint > 0 && onHand <= item.reorderPoint))
		return 'low';
	if (item.maxStock > 0 && onHand > item.maxStock) return 'over';
	return 'ok';
}

function totalsByItem(balances: Iterable<Balance>): Map<string, Record<string, number>> {
	const totals = new Map<string, Record<string, number>>();
	for (const b of balances) {
		let byWarehouse = totals.get(b.itemId);
		if (!byWarehouse) {
			byWarehouse = {};
			totals.set(b.itemId, byWarehouse);
		}
		byWarehouse[b.warehouseId] = roundQty((byWarehouse[b.warehouseId] ?? 0) + b.qty);
	}
	return totals;
}

/** One row per catalog item, in the catalog's order; items without movements are 'out'. */
export function summarizeByItem(items: Item[], balances: Iterable<Balance>): ItemStock[] {
	const totals = totalsByItem(balances);
	return items.map((item) => {
		const { [IN_TRANSIT]: inTransit = 0, ...byWarehouse } = totals.get(item.id) ?? {};
		const onHand = roundQty(Object.values(byWarehouse).reduce((sum, q) => sum + q, 0));
		return { itemId: item.id, onHand, byWarehouse, inTransit, status: stockStatus(item, onHand) };
	});
}

export interface WarehouseStock {
	warehouseId: string;
	/** Items with a positive quantity in this warehouse. */
	skuCount: number;
	totalQty: number;
	/** Quantity × item standard cost, integer cents. */
	valueCents: number;
	/** Items stocked here (any position) whose company-wide status is low or out. */
	lowCount: number;
}

export function summarizeByWarehouse(
	warehouses: Warehouse[],
	items: Item[],
	balances: Iterable<Balance>
): WarehouseStock[] {
	const all = [...balances];
	const totals = totalsByItem(all);
	const itemStock = new Map(summarizeByItem(items, all).map((s) => [s.itemId, s]));
	const itemsById = new Map(items.map((i) => [i.id, i]));
	return warehouses.map((w) => {
		let skuCount = 0;
		let totalQty = 0;
		let valueCents = 0;
		let lowCount = 0;
		for (const [itemId, byWarehouse] of totals) {
			const qty = byWarehouse[w.id];
			if (qty === undefined) continue;
			const item = itemsById.get(itemId);
			if (qty > 0) skuCount++;
			totalQty += qty;
			valueCents += Math.round(qty * (item?.standardCostCents ?? 0));
			const status = itemStock.get(itemId)?.status;
			if (status === 'low' || status === 'out') lowCount++;
		}
		return { warehouseId: w.id, skuCount, totalQty: roundQty(totalQty), valueCents, lowCount };
	});
}
