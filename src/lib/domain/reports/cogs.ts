// Cost of goods sold by month (銷貨成本表), the way an accountant proves it: opening inventory
// + purchases − closing inventory − other movements (count gains and losses, production,
// stock in transit) = cost of sales, next to the cost the vouchers posted.

import type { ReportContext } from './context';

export interface CogsRow {
	month: string;
	openingCents: number;
	purchasesCents: number;
	closingCents: number;
	/** Everything else that changed the inventory account (counts, adjustments, transfers…). */
	otherCents: number;
	cogsCents: number;
	salesCogsCents: number;
}

export function cogsReport(ctx: ReportContext): { rows: CogsRow[]; totalCogsCents: number } {
	const rows = ctx.book.months.map((f): CogsRow => {
		const otherCents = f.inventoryStartCents + f.purchasesCents - f.cogsCents - f.inventoryEndCents;
		return {
			month: f.month,
			openingCents: f.inventoryStartCents,
			purchasesCents: f.purchasesCents,
			closingCents: f.inventoryEndCents,
			otherCents,
			cogsCents: f.cogsCents,
			salesCogsCents: f.salesCogsCents
		};
	});
	return { rows, totalCogsCents: rows.reduce((s, r) => s + r.cogsCents, 0) };
}
