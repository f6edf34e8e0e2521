// The two stock thresholds an item carries, one definition each, so that every page (warehouse
// home, stock, alerts, by warehouse) counts the same items. Reorder point (需補貨) and safety
// stock (低於安全庫存) are different numbers with different names: the demo sets the reorder
// point above the safety stock, and calling an item at its reorder point "below safety stock"
// made pages disagree.

import type { Item } from '../catalog/entities';
import { roundQty, type Balance } from './fold';

/** The pseudo-warehouse of goods between two of ours (mirrors domain/transfers). */
export const IN_TRANSIT = '@transit';

/** Strictly under a set safety stock (0 = none set). An item with nothing on hand counts. */
export function belowSafetyStock(item: Pick<Item, 'safetyStock'>, onHand: number): boolean {
	return item.safetyStock > 0 && onHand < item.safetyStock;
}

/** At or under a set reorder point (0 = none set): time to order more. */
export function atReorderPoint(item: Pick<Item, 'reorderPoint'>, onHand: number): boolean {
	return item.reorderPoint > 0 && onHand <= item.reorderPoint;
}

/**
 * On hand per item, company-wide (every warehouse of ours, goods in transit excluded) or, with
 * `warehouseId`, per item × that warehouse. Only items with a position there appear.
 */
export function onHandByItem(
	balances: Iterable<Balance>,
	warehouseId?: string
): Map<string, number> {
	const onHand = new Map<string, number>();
	for (const b of balances) {
		if (b.warehouseId === IN_TRANSIT) continue;
		if (warehouseId !== undefined && b.warehouseId !== warehouseId) continue;
		onHand.set(b.itemId, roundQty((onHand.get(b.itemId) ?? 0) + b.qty));
	}
	return onHand;
}

/**
 * The active items below safety stock: company-wide (every active item, none on hand = 0) or,
 * with `warehouseId`, per item × warehouse among the items stocked there.
 */
export function itemsBelowSafetyStock(
	items: readonly Item[],
	balances: Iterable<Balance>,
	warehouseId?: string
): Item[] {
	const onHand = onHandByItem(balances, warehouseId);
	return items.filter((item) => {
		if (!item.active) return false;
		const qty = onHand.get(item.id);
		if (qty === undefined && warehouseId !== undefined) return false;
		return belowSafetyStock(item, qty ?? 0);
	});
}
