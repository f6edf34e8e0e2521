// Stock valuation (存貨評價): each item's value from the valuation engine, split over the
// warehouses holding it by quantity (positions are company-wide; DECISIONS, Valuation), with
// totals by warehouse and by category. The last warehouse takes the rounding remainder, so
// the rows add up to the item's value and to the inventory account.

import { byCode, itemValue, onHandByWarehouse, type ReportContext } from './context';

export interface ValuationRow {
	itemId: string;
	itemCode: string;
	itemName: string;
	category: string;
	warehouseId: string;
	warehouseCode: string;
	qty: number;
	unit: string;
	/** Unit cost in cents (value / qty, two decimals kept in the export by the caller). */
	unitCostCents: number;
	valueCents: number;
}

export interface ValuationReport {
	rows: ValuationRow[];
	byWarehouse: { warehouseId: string; code: string; name: string; valueCents: number }[];
	byCategory: { category: string; valueCents: number }[];
	totalCents: number;
}

export function valuationReport(ctx: ReportContext): ValuationReport {
	const rows: ValuationRow[] = [];
	const qtys = onHandByWarehouse(ctx);
	for (const [itemId, byWh] of qtys) {
		const { qty, cents } = itemValue(ctx, itemId);
		if (qty === 0 && cents === 0) continue;
		const item = ctx.items.get(itemId);
		const holding = [...byWh].filter(([, q]) => q !== 0).sort(([a], [b]) => (a < b ? -1 : 1));
		let left = cents;
		holding.forEach(([warehouseId, q], i) => {
			const share = i === holding.length - 1 ? left : qty === 0 ? 0 : Math.round((cents * q) / qty);
			left -= share;
			rows.push({
				itemId,
				itemCode: item?.code ?? itemId,
				itemName: item?.name ?? '',
				category: item?.category ?? '',
				warehouseId,
				warehouseCode: ctx.warehouses.get(warehouseId)?.code ?? warehouseId,
				qty: q,
				unit: item?.unit ?? '',
				unitCostCents: qty === 0 ? 0 : Math.round((cents / qty) * 100) / 100,
				valueCents: share
			});
		});
	}
	rows.sort((a, b) =>
		a.itemCode === b.itemCode
			? a.warehouseCode < b.warehouseCode
				? -1
				: 1
			: a.itemCode < b.itemCode
				? -1
				: 1
	);
	const wh = new Map<string, number>();
	const cat = new Map<string, number>();
	let totalCents = 0;
	for (const r of rows) {
		wh.set(r.warehouseId, (wh.get(r.warehouseId) ?? 0) + r.valueCents);
		cat.set(r.category, (cat.get(r.category) ?? 0) + r.valueCents);
		totalCents += r.valueCents;
	}
	return {
		rows,
		byWarehouse: [...wh]
			.map(([warehouseId, valueCents]) => ({
				warehouseId,
				code: ctx.warehouses.get(warehouseId)?.code ?? warehouseId,
				name: ctx.warehouses.get(warehouseId)?.name ?? '',
				valueCents
			}))
			.sort(byCode),
		byCategory: [...cat]
			.map(([category, valueCents]) => ({ category, valueCents }))
			.sort((a, b) => b.valueCents - a.valueCents || (a.category < b.category ? -1 : 1)),
		totalCents
	};
}
