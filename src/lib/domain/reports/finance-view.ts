// Everything the finance pages and `stockflow report` show, computed in one pass from plain,
// serializable sources (so it can run in a Web Worker): the book, the reports and the KPIs.

import type { ChartOfAccounts } from '../accounting/accounts';
import { financeBook, type CloseValues } from '../accounting/book';
import { journal, type JournalRow, type TrialBalance } from '../accounting/books';
import type { FiledMovement } from '../accounting/costing';
import { isPostingOf } from '../stocktake/posting';
import { latestLines } from '../stocktake/positions';
import type { CountSession } from '../stocktake/session';
import type { Order } from '../orders/order';
import type { PurchaseOrder } from '../purchasing/purchase-order';
import type { ValuationMethod } from '../valuation/types';
import { ageingReport, type AgeingReport } from './ageing';
import { cogsReport, type CogsRow } from './cogs';
import type { NamedEntity, ReportContext, ReportItem } from './context';
import { kpis, type CountResult, type KpiHeadline, type KpiMonth } from './kpis';
import { purchasesReport, type PurchaseRow } from './purchases';
import { returnsReport, type ReturnsReport } from './returns';
import { salesReport, type SalesReport } from './sales';
import { slowStockReport, type SlowReport } from './slow-stock';
import { valuationReport, type ValuationReport } from './valuation';

export interface FinanceSources {
	method: ValuationMethod;
	chart: ChartOfAccounts;
	opening: (CloseValues & { closedMonth: string }) | null;
	openingQty: [string, string, number][];
	/** [itemId, stamp] of each item's last issue in closed months. */
	lastIssues: [string, string][];
	movements: FiledMovement[];
	salesOrders: Order[];
	purchaseOrders: PurchaseOrder[];
	counts: CountSession[];
	items: ReportItem[];
	warehouses: NamedEntity[];
	customers: NamedEntity[];
	suppliers: NamedEntity[];
	nowMs: number;
}

export interface FinanceView {
	method: ValuationMethod;
	fromMonth: string | null;
	valuation: ValuationReport;
	ageing: AgeingReport;
	slow: SlowReport;
	sales: { customer: SalesReport; item: SalesReport; month: SalesReport };
	cogs: { rows: CogsRow[]; totalCogsCents: number };
	returns: ReturnsReport;
	purchases: { rows: PurchaseRow[]; totalNetCents: number };
	trialBalance: TrialBalance;
	journal: JournalRow[];
	kpis: { months: KpiMonth[]; headline: KpiHeadline };
	purchaseOrderCount: number;
	/** Account role per code of the chart in force (for names). */
	chart: ChartOfAccounts;
}

/**
 * Accuracy of approved counts the open period knows the postings of: positions counted (the
 * latest line of each) and those with no count posting, i.e. the book was right.
 */
export function countResults(
	sessions: readonly CountSession[],
	movements: readonly FiledMovement[],
	fromMonth: string | null
): CountResult[] {
	const out: CountResult[] = [];
	for (const s of sessions) {
		if (s.status !== 'approved') continue;
		const approved = s.events.find((e) => e.type === 'approved');
		if (!approved) continue;
		const month = new Date(Number(approved.at.slice(0, 15))).toISOString().slice(0, 7);
		if (fromMonth !== null && month < fromMonth) continue;
		const positions = latestLines(s.lines);
		const posted = new Set<string>();
		for (const f of movements) {
			const m = f.movement;
			if (m.reason === 'count' && isPostingOf(s.id, m))
				posted.add(`${m.itemId}|${m.locationId ?? ''}|${m.lot ?? ''}`);
		}
		let matching = 0;
		for (const line of positions.values())
			if (!posted.has(`${line.itemId}|${line.locationId}|${line.lot}`)) matching++;
		out.push({ approvedAt: approved.at, counted: positions.size, matching });
	}
	return out;
}

const byId = <T extends { id: string }>(xs: readonly T[]): Map<string, T> =>
	new Map(xs.map((x) => [x.id, x]));

export function computeFinance(src: FinanceSources): FinanceView {
	const book = financeBook({
		method: src.method,
		chart: src.chart,
		opening: src.opening,
		movements: src.movements,
		salesOrders: src.salesOrders,
		purchaseOrders: src.purchaseOrders
	});
	const ctx: ReportContext = {
		book,
		items: byId(src.items),
		warehouses: byId(src.warehouses),
		customers: byId(src.customers),
		suppliers: byId(src.suppliers),
		salesOrders: src.salesOrders,
		openingQty: src.openingQty,
		nowMs: src.nowMs
	};
	return {
		method: src.method,
		fromMonth: book.fromMonth,
		valuation: valuationReport(ctx),
		ageing: ageingReport(ctx),
		slow: slowStockReport(ctx, new Map(src.lastIssues)),
		sales: {
			customer: salesReport(ctx, 'customer'),
			item: salesReport(ctx, 'item'),
			month: salesReport(ctx, 'month')
		},
		cogs: cogsReport(ctx),
		returns: returnsReport(ctx),
		purchases: purchasesReport(ctx, src.purchaseOrders),
		trialBalance: book.trialBalance,
		journal: journal(book.vouchers),
		kpis: kpis({
			months: book.months,
			salesOrders: src.salesOrders,
			purchaseOrders: src.purchaseOrders,
			counts: countResults(src.counts, src.movements, book.fromMonth),
			nowMs: src.nowMs
		}),
		purchaseOrderCount: src.purchaseOrders.length,
		chart: src.chart
	};
}
