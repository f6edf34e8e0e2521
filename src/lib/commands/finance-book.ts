// The finance book from a workspace's docs: the base month's opening (with the values its close
// carried), the movements of the ledgers from the base month on, the sales and purchase
// orders, the valuation method and the chart of accounts. Read-only; the period close, the
// finance view models and `stockflow report` all go through it, so they agree.

import type * as Y from 'yjs';
import { readItems, readWarehouses } from '../doc/catalog-doc';
import { readCountSessions } from '../doc/counts-doc';
import { readCustomers } from '../doc/customers-doc';
import { readSuppliers } from '../doc/suppliers-doc';
import type { FinanceSources } from '../domain/reports/finance-view';
import { readMovements } from '../doc/ledger-doc';
import { readOrders } from '../doc/orders-doc';
import { readOpening, readClosedThrough, periodsMap } from '../doc/period-doc';
import { readPurchaseOrders } from '../doc/purchasing-doc';
import {
	chartOfAccounts,
	DEFAULT_CHART,
	type ChartOfAccounts
} from '../domain/accounting/accounts';
import { financeBook, type CloseValues, type FinanceBook } from '../domain/accounting/book';
import type { FiledMovement, ValueLayer } from '../domain/accounting/costing';
import { nextMonth, type OpeningBalances } from '../domain/ledger/period';
import { isValuationMethod, type ValuationMethod } from '../domain/valuation/types';

/** FIFO unless the catalog's `periods` map names another method (changed only at a close). */
export function valuationMethodOf(catalog: Y.Doc): ValuationMethod {
	if (!catalog.share.has('periods')) return 'fifo';
	const value = periodsMap(catalog).get('valuationMethod');
	return typeof value === 'string' && isValuationMethod(value) ? value : 'fifo';
}

/** The default Taiwanese chart with the codes a company set in `periods.accountCodes`. */
export function chartOf(catalog: Y.Doc): ChartOfAccounts {
	if (!catalog.share.has('periods')) return DEFAULT_CHART;
	const raw = periodsMap(catalog).get('accountCodes');
	try {
		return raw === undefined ? DEFAULT_CHART : chartOfAccounts(raw);
	} catch {
		return DEFAULT_CHART;
	}
}

/**
 * The values an opening carries. A close written before values were carried opens at the
 * items' standard cost, against GRNI so the books balance.
 */
export function openingValues(
	opening: OpeningBalances,
	catalog: Y.Doc,
	chart: ChartOfAccounts,
	method: ValuationMethod
): CloseValues & { closedMonth: string } {
	if (opening.values) return { ...opening.values, closedMonth: opening.closedMonth };
	const std = new Map(readItems(catalog).map((i) => [i.id, i.standardCostCents]));
	const byItem = new Map<string, [number, string]>();
	for (const [itemId, , , , qty, lastAt] of opening.positions) {
		const [q, at] = byItem.get(itemId) ?? [0, ''];
		byItem.set(itemId, [q + qty, lastAt > at ? lastAt : at]);
	}
	const layers: ValueLayer[] = [];
	let total = 0;
	for (const [itemId, [qty, at]] of [...byItem].sort(([a], [b]) => (a < b ? -1 : 1))) {
		const qtyMicro = Math.round(qty * 1e6);
		const valueMicro = Math.round(qty * (std.get(itemId) ?? 0) * 10_000);
		layers.push([itemId, qtyMicro, valueMicro, at]);
		total += Math.round(valueMicro / 10_000);
	}
	const balances = total === 0 ? {} : { [chart.inventory.code]: total, [chart.grni.code]: -total };
	return { method, layers, balances, months: [], charges: [], closedMonth: opening.closedMonth };
}

export interface FinanceDocs {
	catalog: Y.Doc;
	orders: Y.Doc;
	/** The ledger docs this reader holds, by month. */
	ledgers: ReadonlyMap<string, Y.Doc>;
}

/** The open period's book: the base month's opening and every held ledger from it on. */
export function readFinanceBook(docs: FinanceDocs): FinanceBook {
	const closed = readClosedThrough(docs.catalog);
	const base = closed === null ? null : nextMonth(closed);
	const method = valuationMethodOf(docs.catalog);
	const chart = chartOf(docs.catalog);
	const baseLedger = base === null ? undefined : docs.ledgers.get(base);
	const opening = closed !== null && baseLedger ? readOpening(baseLedger, closed).opening : null;
	const movements: FiledMovement[] = [];
	for (const [month, doc] of docs.ledgers) {
		if (base !== null && month < base) continue;
		for (const movement of readMovements(doc).movements) movements.push({ movement, month });
	}
	return bookOf(docs, chart, method, opening, movements);
}

export function bookOf(
	docs: Pick<FinanceDocs, 'catalog' | 'orders'>,
	chart: ChartOfAccounts,
	method: ValuationMethod,
	opening: OpeningBalances | null,
	movements: readonly FiledMovement[]
): FinanceBook {
	return financeBook({
		method,
		chart,
		opening: opening ? openingValues(opening, docs.catalog, chart, method) : null,
		movements,
		salesOrders: readOrders(docs.orders).orders,
		purchaseOrders: readPurchaseOrders(docs.orders).orders
	});
}

/** Plain, serializable sources of the finance view (what the worker and the CLI compute on). */
export function readFinanceSources(
	docs: FinanceDocs & { counts: Y.Doc },
	nowMs: number
): FinanceSources {
	const closed = readClosedThrough(docs.catalog);
	const base = closed === null ? null : nextMonth(closed);
	const method = valuationMethodOf(docs.catalog);
	const chart = chartOf(docs.catalog);
	const baseLedger = base === null ? undefined : docs.ledgers.get(base);
	const opening = closed !== null && baseLedger ? readOpening(baseLedger, closed).opening : null;
	const movements: FiledMovement[] = [];
	for (const [month, doc] of [...docs.ledgers].sort(([a], [b]) => (a < b ? -1 : 1))) {
		if (base !== null && month < base) continue;
		for (const movement of readMovements(doc).movements) movements.push({ movement, month });
	}
	const named = (x: { id: string; code: string; name: string }) => ({
		id: x.id,
		code: x.code,
		name: x.name
	});
	return {
		method,
		chart,
		opening: opening ? openingValues(opening, docs.catalog, chart, method) : null,
		openingQty: (opening?.positions ?? []).map(([itemId, warehouseId, , , qty]) => [
			itemId,
			warehouseId,
			qty
		]),
		lastIssues: opening?.lastIssues ?? [],
		movements,
		salesOrders: readOrders(docs.orders).orders,
		purchaseOrders: readPurchaseOrders(docs.orders).orders,
		counts: readCountSessions(docs.counts).sessions,
		items: readItems(docs.catalog).map((i) => ({
			...named(i),
			category: i.category,
			unit: i.unit
		})),
		warehouses: readWarehouses(docs.catalog).map(named),
		customers: readCustomers(docs.catalog).map(named),
		suppliers: readSuppliers(docs.catalog).map(named),
		nowMs
	};
}
