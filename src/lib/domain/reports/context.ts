// What every finance report reads: the finance book of the open period, the catalog names, the
// sales orders, and the quantity per item × warehouse. Built once per view (or CLI run); the
// reports are pure functions of it, so the page and `stockflow report` print the same numbers.

import type { FinanceBook } from '../accounting/book';
import { microToCents } from '../accounting/costing';
import type { Order } from '../orders/order';

export interface NamedEntity {
	id: string;
	code: string;
	name: string;
}

export interface ReportItem extends NamedEntity {
	category: string;
	unit: string;
}

export interface ReportContext {
	book: FinanceBook;
	items: ReadonlyMap<string, ReportItem>;
	warehouses: ReadonlyMap<string, NamedEntity>;
	customers: ReadonlyMap<string, NamedEntity>;
	suppliers: ReadonlyMap<string, NamedEntity>;
	salesOrders: readonly Order[];
	/** Quantities carried by the base month's opening: [itemId, warehouseId, qty]. */
	openingQty: readonly [string, string, number][];
	/** The moment the report is taken (ages and slow-stock are measured to it). */
	nowMs: number;
}

/** On hand per item × warehouse: the opening plus the open period's movements. */
export function onHandByWarehouse(ctx: ReportContext): Map<string, Map<string, number>> {
	const out = new Map<string, Map<string, number>>();
	const add = (itemId: string, warehouseId: string, qty: number): void => {
		let m = out.get(itemId);
		if (!m) out.set(itemId, (m = new Map()));
		m.set(warehouseId, Math.round(((m.get(warehouseId) ?? 0) + qty) * 1e6) / 1e6);
	};
	for (const [itemId, warehouseId, qty] of ctx.openingQty) add(itemId, warehouseId, qty);
	for (const c of ctx.book.costing.movements)
		add(c.movement.itemId, c.movement.warehouseId, c.movement.qty);
	return out;
}

/** The item's value in cents and quantity, from the valuation. */
export function itemValue(ctx: ReportContext, itemId: string): { qty: number; cents: number } {
	const p = ctx.book.costing.positions.get(itemId);
	if (!p) return { qty: 0, cents: 0 };
	return { qty: p.qtyMicro / 1e6, cents: microToCents(p.valueMicro) };
}

/** Ratio or null when the denominator is zero. */
export function ratio(numerator: number, denominator: number): number | null {
	return denominator === 0 ? null : numerator / denominator;
}

export const DAY_MS = 86_400_000;

export function byCode<T extends { code: string }>(a: T, b: T): number {
	return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}
