// The parts of a finance report page besides its table: the summary figures, the chart data
// and the general ledger of one account (from the journal rows, with a running balance).

import { AGE_BUCKETS } from '../../domain/reports/ageing';
import type { FinanceView } from '../../domain/reports/finance-view';
import type { SalesGrouping } from '../../domain/reports/sales';
import type { FinanceReportName } from '../../domain/reports/tables';
import { fmtMonth, t, type MessageKey } from '../../i18n';
import { monthLabel, money, pct } from './finance-format';

export interface ReportChart {
	kind: 'line' | 'bar';
	labels: string[];
	datasets: { label: string; values: (number | null)[] }[];
	title: string;
}

export interface SummaryFigure {
	label: string;
	value: string;
}

const cur = (cents: number): number => Math.round(cents) / 100;

export function reportSummary(
	v: FinanceView,
	name: FinanceReportName,
	whole: (cents: number) => string
): SummaryFigure[] {
	switch (name) {
		case 'valuation':
			return [
				{ label: t('finance.stockValue'), value: whole(v.valuation.totalCents) },
				...v.valuation.byWarehouse.map((w) => ({
					label: `${w.code} ${w.name}`,
					value: whole(w.valueCents)
				}))
			];
		case 'ageing':
			return [
				{ label: t('finance.stockValue'), value: whole(v.ageing.totalCents) },
				{ label: t('finance.tiedUp'), value: whole(v.ageing.tiedUpCents) }
			];
		case 'slow-stock':
			return [
				{ label: t('finance.slowValue'), value: whole(v.slow.slowCents) },
				{ label: t('finance.deadValue'), value: whole(v.slow.deadCents) }
			];
		case 'sales': {
			const s = v.sales.month.total;
			return [
				{ label: t('finance.revenue'), value: whole(s.revenueCents) },
				{ label: t('finance.col.margin'), value: whole(s.marginCents) },
				{ label: t('finance.kpi.margin'), value: pct(s.marginPct) }
			];
		}
		case 'cogs':
			return [{ label: t('finance.col.cogs'), value: whole(v.cogs.totalCogsCents) }];
		case 'returns':
			return [
				{ label: t('finance.col.value'), value: whole(v.returns.totalValueCents) },
				{ label: t('finance.returnRate'), value: pct(v.returns.returnRate) }
			];
		case 'trial-balance':
		case 'journal':
			return [
				{ label: t('finance.col.debit'), value: whole(v.trialBalance.debitCents) },
				{ label: t('finance.col.credit'), value: whole(v.trialBalance.creditCents) }
			];
		case 'purchases':
			return [{ label: t('finance.col.net'), value: whole(v.purchases.totalNetCents) }];
		case 'kpis':
			return [];
	}
}

const AGE_KEYS: MessageKey[] = [
	'finance.col.age30',
	'finance.col.age90',
	'finance.col.age180',
	'finance.col.age365',
	'finance.col.ageOver'
];

export function reportChart(
	v: FinanceView,
	name: FinanceReportName,
	grouping: SalesGrouping
): ReportChart | null {
	switch (name) {
		case 'valuation':
			// Warehouses are the summary figures; the chart splits the value by category.
			return {
				kind: 'bar',
				title: t('finance.byCategory'),
				labels: v.valuation.byCategory.map((c) => c.category || t('finance.uncategorized')),
				datasets: [
					{
						label: t('finance.stockValue'),
						values: v.valuation.byCategory.map((c) => cur(c.valueCents))
					}
				]
			};
		case 'ageing':
			return {
				kind: 'bar',
				title: t('finance.report.ageing'),
				labels: AGE_KEYS.slice(0, AGE_BUCKETS.length + 1).map((k) => t(k)),
				datasets: [{ label: t('finance.col.value'), values: v.ageing.totalsCents.map(cur) }]
			};
		case 'sales': {
			const s = v.sales[grouping];
			const rows = grouping === 'month' ? s.rows.slice(-12) : s.rows.slice(0, 10);
			return {
				kind: 'bar',
				title: t(`finance.group.${grouping}`),
				labels: rows.map((r) => (grouping === 'month' ? monthLabel(r.key) : r.code)),
				datasets: [
					{ label: t('finance.col.revenue'), values: rows.map((r) => cur(r.revenueCents)) },
					{ label: t('finance.col.margin'), values: rows.map((r) => cur(r.marginCents)) }
				]
			};
		}
		case 'cogs':
			return {
				kind: 'line',
				title: t('finance.report.cogs'),
				labels: v.cogs.rows.map((r) => monthLabel(r.month)),
				datasets: [
					{ label: t('finance.col.cogs'), values: v.cogs.rows.map((r) => cur(r.cogsCents)) },
					{ label: t('finance.col.closing'), values: v.cogs.rows.map((r) => cur(r.closingCents)) }
				]
			};
		case 'returns':
			return {
				kind: 'bar',
				title: t('finance.report.returns'),
				labels: v.returns.rows.map((r) => t(`finance.reason.${r.reason}`)),
				datasets: [
					{ label: t('finance.col.value'), values: v.returns.rows.map((r) => cur(r.valueCents)) }
				]
			};
		default:
			return null;
	}
}

export interface LedgerView {
	account: string;
	opening: string;
	closing: string;
	rows: string[][];
}

/** The general ledger of `account`: its opening, each journal line with the running balance. */
export function ledgerOfAccount(v: FinanceView, account: string): LedgerView {
	const openingCents = v.trialBalance.rows.find((r) => r.account === account)?.openingCents ?? 0;
	let balance = openingCents;
	const rows: string[][] = [];
	for (const r of v.journal) {
		if (r.account !== account) continue;
		balance += r.debitCents - r.creditCents;
		rows.push([
			r.voucherId,
			fmtMonth(r.month),
			t(`finance.kind.${r.kind}`),
			r.ref,
			r.debitCents ? money(r.debitCents) : '',
			r.creditCents ? money(r.creditCents) : '',
			money(balance)
		]);
	}
	return { account, opening: money(openingCents), closing: money(balance), rows };
}
