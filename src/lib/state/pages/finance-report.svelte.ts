// View model of one finance report page (/finance/<report>): its table as the page shows it
// (formatted) and as it exports (financeTable, the same rows `stockflow report` prints), the
// summary figures above it, its chart, the sales grouping, and for the trial balance the
// general ledger of the account picked.

import { resolve } from '$app/paths';
import { AGE_BUCKETS } from '../../domain/reports/ageing';
import type { FinanceView } from '../../domain/reports/finance-view';
import { SALES_GROUPINGS, type SalesGrouping } from '../../domain/reports/sales';
import { financeTable, isFinanceReport, type FinanceReportName } from '../../domain/reports/tables';
import type { Table } from '../../domain/tabular/table';
import { fmtCurrencyWhole, fmtMonth, fmtNumber, t, type MessageKey } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';
import { financeData, type FinanceData } from './finance-data.svelte';
import { DASH, money, pct } from './finance-format';
import {
	ledgerOfAccount,
	reportChart,
	reportSummary,
	type ReportChart
} from './finance-report-parts';

export type { ReportChart } from './finance-report-parts';

const SHOWN_ROWS = 300;

const MONEY = new Set([
	'unitCost',
	'value',
	'revenue',
	'cogs',
	'margin',
	'opening',
	'purchases',
	'other',
	'closing',
	'salesCogs',
	'debit',
	'credit',
	'net',
	'tax',
	'balance',
	...AGE_BUCKETS.map((d) => `age≤${d}`),
	'age>365'
]);
const PERCENT = new Set([
	'marginPct',
	'share',
	'grossMargin',
	'onTime',
	'fillRate',
	'accuracy',
	'saving'
]);
const AGE_LABELS: Record<string, MessageKey> = {
	'age≤30': 'finance.col.age30',
	'age≤90': 'finance.col.age90',
	'age≤180': 'finance.col.age180',
	'age≤365': 'finance.col.age365',
	'age>365': 'finance.col.ageOver'
};

/** Column key → words (the keys financeTable uses; prefixed keys name accounts, kinds…). */
export function columnLabel(key: string): string {
	const [prefix, rest] = key.split(':');
	if (rest !== undefined) {
		if (prefix === 'account') return t(`finance.account.${rest}` as MessageKey);
		if (prefix === 'kind') return t(`finance.kind.${rest}` as MessageKey);
		if (prefix === 'reason') return t(`finance.reason.${rest}` as MessageKey);
		if (prefix === 'class') return t(`finance.class.${rest}` as MessageKey);
	}
	return t(AGE_LABELS[key] ?? (`finance.col.${key}` as MessageKey));
}

export interface ShownTable {
	headers: string[];
	/** Right-aligned (numeric) columns. */
	numeric: boolean[];
	rows: string[][];
	more: number;
}

export class FinanceReportModel {
	readonly name: FinanceReportName;
	readonly known: boolean;
	grouping = $state<SalesGrouping>('customer');
	account = $state<string | null>(null);
	private readonly data: FinanceData;

	constructor(ws: WorkspaceState, name: string | undefined) {
		this.known = name !== undefined && isFinanceReport(name);
		this.name = name !== undefined && isFinanceReport(name) ? name : 'valuation';
		this.data = financeData(ws);
	}

	readonly groupings = SALES_GROUPINGS;
	readonly view: FinanceView | null = $derived.by(() => this.data.view);
	readonly computing = $derived.by(() => this.data.computing && this.data.view === null);
	readonly error = $derived.by(() => this.data.error);
	readonly title = $derived.by(() => t(`finance.report.${this.name}`));
	readonly subtitle = $derived.by(() => t(`finance.report.${this.name}.sub`));
	readonly homeHref = resolve('/finance');

	/** Open-period note where a report lists only what the device has not closed. */
	readonly note = $derived.by(() => {
		const from = this.view?.fromMonth;
		if (!from || (this.name !== 'sales' && this.name !== 'journal' && this.name !== 'purchases'))
			return '';
		return t('finance.openPeriodNote', { from: fmtMonth(from) });
	});

	/** The table as exported: the same rows the CLI prints, headers in words. */
	table(): Table {
		if (!this.view) return { headers: [], rows: [] };
		return financeTable(this.view, this.name, columnLabel, this.grouping);
	}

	readonly shown: ShownTable | null = $derived.by(() => {
		const v = this.view;
		if (!v) return null;
		// Keys tell each column's format; the labelled table has accounts, kinds… in words.
		const keyed = financeTable(v, this.name, (k) => k, this.grouping);
		const labelled = financeTable(v, this.name, columnLabel, this.grouping);
		const keys = keyed.headers;
		const cell = (c: string | number | null, key: string): string => {
			if (c === null) return DASH;
			if (typeof c === 'string')
				return key === 'month' && /^\d{4}-\d{2}$/.test(c) ? fmtMonth(c) : c;
			if (MONEY.has(key)) return money(Math.round(c * 100));
			if (PERCENT.has(key)) return pct(c);
			return fmtNumber(c);
		};
		const rows = labelled.rows
			.slice(0, SHOWN_ROWS)
			.map((r) => r.map((c, i) => cell(c, keys[i] ?? '')));
		return {
			headers: keys.map(columnLabel),
			numeric: keys.map((k, i) => keyed.rows.some((r) => typeof r[i] === 'number') || MONEY.has(k)),
			rows,
			more: Math.max(0, keyed.rows.length - SHOWN_ROWS)
		};
	});

	readonly summary = $derived.by(() =>
		this.view ? reportSummary(this.view, this.name, fmtCurrencyWhole) : []
	);

	readonly chart: ReportChart | null = $derived.by(() =>
		this.view ? reportChart(this.view, this.name, this.grouping) : null
	);

	/** Trial balance only: the accounts to pick from and the picked account's ledger. */
	readonly accounts = $derived.by(() =>
		this.name === 'trial-balance' && this.view
			? this.view.trialBalance.rows.map((r) => ({
					code: r.account,
					label: `${r.account} ${r.role ? columnLabel(`account:${r.role}`) : ''}`
				}))
			: []
	);

	readonly ledger = $derived.by(() => {
		const v = this.view;
		if (!v || this.name !== 'trial-balance' || this.account === null) return null;
		return ledgerOfAccount(v, this.account);
	});

	readonly balanced = $derived.by(() => {
		const tb = this.view?.trialBalance;
		if (!tb || (this.name !== 'trial-balance' && this.name !== 'journal')) return null;
		return tb.closingSumCents === 0 && tb.debitCents === tb.creditCents
			? t('finance.balanced')
			: t('finance.unbalanced', { diff: money(tb.closingSumCents) });
	});

	print(): void {
		window.print();
	}
}
