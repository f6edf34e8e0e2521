// Each finance report as a table: what the pages export (CSV/XLSX) and what `stockflow report`
// prints, from the same FinanceView, so an operator's script and the owner's spreadsheet hold
// the same numbers. Money in currency units (two decimals), ratios as fractions.

import type { Cell, Table } from '../tabular/table';
import { AGE_BUCKETS } from './ageing';
import type { FinanceView } from './finance-view';
import type { SalesGrouping } from './sales';

export const FINANCE_REPORTS = [
	'valuation',
	'ageing',
	'sales',
	'cogs',
	'returns',
	'slow-stock',
	'trial-balance',
	'journal',
	'purchases',
	'kpis'
] as const;
export type FinanceReportName = (typeof FINANCE_REPORTS)[number];

export function isFinanceReport(value: string): value is FinanceReportName {
	return (FINANCE_REPORTS as readonly string[]).includes(value);
}

/** Column keys; the caller turns them into words (i18n on the page, English in the CLI). */
export type ColumnLabel = (key: string) => string;

export const money = (cents: number): number => Math.round(cents) / 100;
const pct = (r: number | null): Cell => (r === null ? null : Math.round(r * 10_000) / 10_000);

function table(label: ColumnLabel, keys: string[], rows: Cell[][]): Table {
	return { headers: keys.map(label), rows };
}

export function financeTable(
	view: FinanceView,
	name: FinanceReportName,
	label: ColumnLabel,
	grouping: SalesGrouping = 'customer'
): Table {
	switch (name) {
		case 'valuation':
			return table(
				label,
				['item', 'name', 'category', 'warehouse', 'qty', 'unit', 'unitCost', 'value'],
				view.valuation.rows.map((r) => [
					r.itemCode,
					r.itemName,
					r.category,
					r.warehouseCode,
					r.qty,
					r.unit,
					money(r.unitCostCents),
					money(r.valueCents)
				])
			);
		case 'ageing':
			return table(
				label,
				[
					'item',
					'name',
					'qty',
					'value',
					...AGE_BUCKETS.map((d) => `age≤${d}`),
					'age>365',
					'oldestDays'
				],
				view.ageing.rows.map((r) => [
					r.itemCode,
					r.itemName,
					r.qty,
					money(r.valueCents),
					...r.bucketsCents.map(money),
					r.oldestDays
				])
			);
		case 'sales': {
			const s = view.sales[grouping];
			return table(
				label,
				[grouping, 'name', 'revenue', 'cogs', 'margin', 'marginPct'],
				[...s.rows, { ...s.total, code: label('total') }].map((r) => [
					r.code,
					r.name,
					money(r.revenueCents),
					money(r.cogsCents),
					money(r.marginCents),
					pct(r.marginPct)
				])
			);
		}
		case 'cogs':
			return table(
				label,
				['month', 'opening', 'purchases', 'other', 'closing', 'cogs', 'salesCogs'],
				view.cogs.rows.map((r) => [
					r.month,
					money(r.openingCents),
					money(r.purchasesCents),
					money(-r.otherCents),
					money(r.closingCents),
					money(r.cogsCents),
					money(r.salesCogsCents)
				])
			);
		case 'returns':
			return table(
				label,
				['reason', 'lines', 'qty', 'restocked', 'value', 'share'],
				view.returns.rows.map((r) => [
					label(`reason:${r.reason}`),
					r.lines,
					r.qty,
					r.restockedQty,
					money(r.valueCents),
					pct(r.share)
				])
			);
		case 'slow-stock':
			return table(
				label,
				['item', 'name', 'class', 'idleDays', 'qty', 'value'],
				view.slow.rows.map((r) => [
					r.itemCode,
					r.itemName,
					label(`class:${r.class}`),
					r.idleDays,
					r.qty,
					money(r.valueCents)
				])
			);
		case 'trial-balance':
			return table(
				label,
				['account', 'accountName', 'opening', 'debit', 'credit', 'closing'],
				view.trialBalance.rows.map((r) => [
					r.account,
					r.role === null ? '' : label(`account:${r.role}`),
					money(r.openingCents),
					money(r.debitCents),
					money(r.creditCents),
					money(r.closingCents)
				])
			);
		case 'journal':
			return table(
				label,
				[
					'voucher',
					'month',
					'kind',
					'ref',
					'account',
					'accountName',
					'debit',
					'credit',
					'item',
					'warehouse'
				],
				view.journal.map((r) => [
					r.voucherId,
					r.month,
					label(`kind:${r.kind}`),
					r.ref,
					r.account,
					label(`account:${r.role}`),
					money(r.debitCents),
					money(r.creditCents),
					r.itemId,
					r.warehouseId
				])
			);
		case 'purchases':
			return table(
				label,
				['supplier', 'name', 'orders', 'net', 'tax'],
				view.purchases.rows.map((r) => [
					r.code,
					r.name,
					r.orders,
					money(r.netCents),
					money(r.taxCents)
				])
			);
		case 'kpis':
			return table(
				label,
				[
					'month',
					'turnover',
					'daysOfInventory',
					'grossMargin',
					'onTime',
					'fillRate',
					'accuracy',
					'saving'
				],
				view.kpis.months.map((m) => [
					m.month,
					m.turnover === null ? null : Math.round(m.turnover * 100) / 100,
					m.daysOfInventory === null ? null : Math.round(m.daysOfInventory * 10) / 10,
					pct(m.grossMargin),
					pct(m.onTime),
					pct(m.fillRate),
					pct(m.accuracy),
					pct(m.saving)
				])
			);
	}
}
