// View model of the finance home (財務總覽), the owner's dashboard: stock value and the seven
// KPIs, each with its definition (shown on hover) and a monthly trend chart, and the reports.

import { nextValuationMethodOf } from '../../commands/finance-settings';
import { resolve } from '$app/paths';
import type { IconName } from '../../components/Icon.svelte';
import type { KpiTone } from '../../components/KpiCard.svelte';
import type { KpiMonth } from '../../domain/reports/kpis';
import { ACCURACY_TARGET, ON_TIME_TARGET } from '../../domain/reports/kpis';
import { FINANCE_REPORTS, type FinanceReportName } from '../../domain/reports/tables';
import { fmtCurrencyWhole, fmtMonth, t, type MessageKey } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';
import { financeData, type FinanceData } from './finance-data.svelte';
import { DASH, days, monthLabel, pct, turns } from './finance-format';

type KpiId = 'turnover' | 'days' | 'margin' | 'onTime' | 'fill' | 'accuracy' | 'saving';

export interface FinanceTile {
	id: KpiId | 'value';
	label: string;
	value: string;
	/** The definition, shown on hover and read by screen readers. */
	definition: string;
	hint?: string;
	tone: KpiTone;
	icon: IconName;
}

export interface TrendChart {
	id: KpiId;
	title: string;
	kind: 'line' | 'bar';
	labels: string[];
	values: (number | null)[];
	/** Values are ratios (shown as %) or plain numbers. */
	percent: boolean;
	target?: { label: string; value: number };
}

export interface ReportLink {
	name: FinanceReportName;
	href: string;
	title: string;
	subtitle: string;
}

interface KpiSpec {
	id: KpiId;
	label: MessageKey;
	def: MessageKey;
	icon: IconName;
	of: (m: KpiMonth) => number | null;
	percent: boolean;
	kind: 'line' | 'bar';
	target?: number;
}

const KPIS: KpiSpec[] = [
	{
		id: 'turnover',
		label: 'finance.kpi.turnover',
		def: 'finance.kpi.turnover.def',
		icon: 'sync',
		of: (m) => m.turnover,
		percent: false,
		kind: 'bar'
	},
	{
		id: 'days',
		label: 'finance.kpi.days',
		def: 'finance.kpi.days.def',
		icon: 'history',
		of: (m) => m.daysOfInventory,
		percent: false,
		kind: 'line'
	},
	{
		id: 'margin',
		label: 'finance.kpi.margin',
		def: 'finance.kpi.margin.def',
		icon: 'coins',
		of: (m) => m.grossMargin,
		percent: true,
		kind: 'line'
	},
	{
		id: 'onTime',
		label: 'finance.kpi.onTime',
		def: 'finance.kpi.onTime.def',
		icon: 'check',
		of: (m) => m.onTime,
		percent: true,
		kind: 'line',
		target: ON_TIME_TARGET
	},
	{
		id: 'fill',
		label: 'finance.kpi.fill',
		def: 'finance.kpi.fill.def',
		icon: 'cart',
		of: (m) => m.fillRate,
		percent: true,
		kind: 'line'
	},
	{
		id: 'accuracy',
		label: 'finance.kpi.accuracy',
		def: 'finance.kpi.accuracy.def',
		icon: 'clipboard',
		of: (m) => m.accuracy,
		percent: true,
		kind: 'line',
		target: ACCURACY_TARGET
	},
	{
		id: 'saving',
		label: 'finance.kpi.saving',
		def: 'finance.kpi.saving.def',
		icon: 'sparkle',
		of: (m) => m.saving,
		percent: true,
		kind: 'bar'
	}
];

/** Green at or above target, red below; neutral without a target or data. */
function toneFor(value: number | null, target: number | undefined): KpiTone {
	if (value === null || target === undefined) return 'neutral';
	return value >= target ? 'green' : 'red';
}

export function reportHref(name: FinanceReportName): string {
	return resolve('/(app)/finance/[report]', { report: name });
}

export class FinanceHomeModel {
	private readonly data: FinanceData;

	constructor(private readonly ws: WorkspaceState) {
		this.data = financeData(ws);
	}

	readonly computing = $derived.by(() => this.data.computing && this.data.view === null);
	readonly error = $derived.by(() => this.data.error);
	readonly empty = $derived.by(() => {
		const v = this.data.view;
		return v !== null && v.kpis.months.length === 0 && v.valuation.rows.length === 0;
	});

	readonly methodLine = $derived.by(() => {
		const v = this.data.view;
		if (!v) return '';
		const method = t(`finance.method.${v.method}`);
		const line =
			v.fromMonth === null
				? t('finance.methodLineAll', { method })
				: t('finance.methodLine', { method, from: fmtMonth(v.fromMonth) });
		// A change waiting for the next close (finance settings) is said here too.
		const next = nextValuationMethodOf(this.ws.runtime.docs.catalog);
		return next === null
			? line
			: `${line} · ${t('fset.methodPending', { method: t(`fset.method.${next}`) })}`;
	});

	readonly tiles: FinanceTile[] = $derived.by(() => {
		const v = this.data.view;
		if (!v) return [];
		const h = v.kpis.headline;
		const value = (s: KpiSpec): number | null =>
			s.id === 'turnover'
				? h.turnover
				: s.id === 'days'
					? h.daysOfInventory
					: s.id === 'margin'
						? h.grossMargin
						: s.id === 'onTime'
							? h.onTime
							: s.id === 'fill'
								? h.fillRate
								: s.id === 'accuracy'
									? h.accuracy
									: h.saving;
		const tiles: FinanceTile[] = [
			{
				id: 'value',
				label: t('finance.stockValue'),
				value: fmtCurrencyWhole(v.valuation.totalCents),
				definition: t('finance.report.valuation.sub'),
				tone: 'blue',
				icon: 'box'
			}
		];
		for (const s of KPIS) {
			const x = value(s);
			let text = s.percent ? pct(x) : s.id === 'days' ? days(x) : turns(x);
			let hint =
				s.target !== undefined ? t('finance.kpi.target', { target: pct(s.target, 0) }) : undefined;
			if (s.id === 'saving' && v.purchaseOrderCount === 0) {
				text = DASH;
				hint = t('finance.kpi.noPurchaseOrders');
			} else if (x === null) hint = t('finance.kpi.noData');
			tiles.push({
				id: s.id,
				label: t(s.label),
				value: text,
				definition: t(s.def),
				...(hint !== undefined ? { hint } : {}),
				tone: toneFor(x, s.target),
				icon: s.icon
			});
		}
		return tiles;
	});

	readonly charts: TrendChart[] = $derived.by(() => {
		const v = this.data.view;
		if (!v) return [];
		const months = v.kpis.months.slice(-12);
		const labels = months.map((m) => monthLabel(m.month));
		return KPIS.map((s) => ({
			id: s.id,
			title: t('finance.trendOf', { name: t(s.label) }),
			kind: s.kind,
			labels,
			values: months.map((m) => {
				const x = s.of(m);
				return x === null
					? null
					: s.percent
						? Math.round(x * 1000) / 10
						: Math.round(x * 100) / 100;
			}),
			percent: s.percent,
			...(s.target !== undefined
				? {
						target: {
							label: t('finance.kpi.target', { target: pct(s.target, 0) }),
							value: s.target * 100
						}
					}
				: {})
		}));
	});

	readonly reports: ReportLink[] = $derived(
		FINANCE_REPORTS.filter((n) => n !== 'kpis').map((name) => ({
			name,
			href: reportHref(name),
			title: t(`finance.report.${name}`),
			subtitle: t(`finance.report.${name}.sub`)
		}))
	);
}
