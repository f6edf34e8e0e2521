// Summaries the stock overview shows: per item (with an out/low/reorder/over status) and per
// warehouse (SKU count, quantity, value at standard cost). Thresholds: ./thresholds.ts.

import type { Item, Warehouse } from '../catalog/entities';
import { roundQty, type Balance } from './fold';
import { atReorderPoint, belowSafetyStock, IN_TRANSIT } from './thresholds';

/** low = below safety stock; reorder = at/under the reorder point but not below safety stock. */
export type StockStatus = 'ok' | 'low' | 'reorder' | 'out' | 'over';

export interface ItemStock {
	itemId: string;
	onHand: number;
	byWarehouse: Record<string, number>;
	/** On the road between warehouses (transfers): not on hand anywhere, not in `onHand`. */
	inTransit: number;
	status: StockStatus;
	/** Company-wide on hand under the safety stock (also when out): `belowSafetyStock`. */
	belowSafety: boolean;
	/** Company-wide on hand at/under the reorder point: `atReorderPoint`. */
	reorder: boolean;
	active: boolean;
}

/**
 * out: nothing on hand; low: under safety stock; reorder: at/under the reorder point; over:
 * above a set maximum. The most urgent status wins.
 */
export function stockStatus(item: Item, onHand: number): StockStatus {
	if (onHand <= 0) return 'out';
	if (belowSafetyStock(item, onHand)) return 'low';
	if (atReorderPoint(item, onHand)) return 'reorder';
	if (item.maxStock > 0 && onHand > item.maxStock) return 'over';
	return 'ok';
}

/**
 * The stock list's status filter: "below safety stock" and "reorder" are the thresholds' own predicates
 * (an item out of stock is below its safety stock too), so the count matches the warehouse
 * home and the alerts page; the others match the badge.
 */
export function matchesStatus(s: ItemStock, status: StockStatus): boolean {
	if (status === 'low') return s.belowSafety;
	if (status === 'reorder') return s.reorder;
	return s.status === status;
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
		return {
			itemId: item.id,
			onHand,
			byWarehouse,
			inTransit,
			status: stockStatus(item, onHand),
			belowSafety: belowSafetyStock(item, onHand),
			reorder: atReorderPoint(item, onHand),
			active: item.active
		};
	});
}

export interface WarehouseStock {
	warehouseId: string;
	/** Items with a positive quantity in this warehouse. */
	skuCount: number;
	totalQty: number;
	/** Quantity × item standard cost, integer cents. */
	valueCents: number;
	/** Active items stocked here whose quantity here is below safety stock (item × warehouse). */
	lowCount: number;
}

export function summarizeByWarehouse(
	warehouses: Warehouse[],
	items: Item[],
	balances: Iterable<Balance>
): WarehouseStock[] {
	const totals = totalsByItem(balances);
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
			if (item?.active && belowSafetyStock(item, qty)) lowCount++;
		}
		return { warehouseId: w.id, skuCount, totalQty: roundQty(totalQty), valueCents, lowCount };
	});
}

export interface StockValue {
	/** In our warehouses, quantity × standard cost, integer cents. */
	onHandCents: number;
	/** On the road between two of our warehouses: still ours, so still valued. */
	inTransitCents: number;
	inTransitQty: number;
	totalCents: number;
}

/**
 * The company's stock value at standard cost. An internal transfer moves value from on hand to
 * in transit and back; it never changes the total (issue 14: 庫存金額 dropped by the boxes on
 * the road).
 */
export function stockValue(items: readonly Item[], balances: Iterable<Balance>): StockValue {
	const cost = new Map(items.map((i) => [i.id, i.standardCostCents]));
	let onHandCents = 0;
	let inTransitCents = 0;
	let inTransitQty = 0;
	// Rounded per item × warehouse, as the by-warehouse table does, so the totals match it.
	for (const [itemId, byWarehouse] of totalsByItem(balances))
		for (const [warehouseId, qty] of Object.entries(byWarehouse)) {
			const cents = Math.round(qty * (cost.get(itemId) ?? 0));
			if (warehouseId === IN_TRANSIT) {
				inTransitCents += cents;
				inTransitQty += qty;
			} else onHandCents += cents;
		}
	return {
		onHandCents,
		inTransitCents,
		inTransitQty: roundQty(inTransitQty),
		totalCents: onHandCents + inTransitCents
	};
}
