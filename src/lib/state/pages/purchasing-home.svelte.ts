// The purchasing overview (採購總覽): qualifications expiring or expired, late purchase
// orders, requisitions waiting to become orders, and the pooled scorecard of the last twelve
// months (on-time rate, quality pass rate, procurement saving). The page renders these as is.

import { qualificationAlerts, addDays } from '../../domain/purchasing/qualification';
import {
	procurementSaving,
	supplierScorecard,
	type Scorecard
} from '../../domain/purchasing/scorecard';
import { lastMonths, pooledTrend } from '../../domain/purchasing/scorecard-trend';
import type { Table } from '../../domain/tabular/table';
import { fmtNumber, t } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';
import { PurchasingData } from './purchasing-data.svelte';

export function pct(rate: number | null): string {
	return rate === null ? '—' : `${fmtNumber(Math.round(rate * 1000) / 10 || 0)} %`;
}

export class PurchasingHomeModel {
	readonly data: PurchasingData;

	readonly alerts = $derived.by(() =>
		qualificationAlerts(
			this.data.view.suppliers,
			this.data.today,
			this.data.view.policy.expiryWarnDays
		)
	);
	readonly latePos = $derived.by(() => this.data.view.orders.filter((o) => this.data.isLate(o)));
	readonly waiting = $derived.by(() =>
		this.data.view.requisitions.filter((r) => r.fold.status === 'open')
	);
	readonly drafts = $derived.by(() =>
		this.data.view.orders.filter((o) => o.fold.status === 'draft')
	);
	readonly cards: Scorecard[] = $derived.by(() => {
		const period = {
			from: addDays(this.data.today, -365),
			to: this.data.today,
			today: this.data.today
		};
		return this.data.view.suppliers
			.map((s) => supplierScorecard(s.id, this.data.view.orders, period))
			.filter((c) => c.orders > 0);
	});
	readonly pooled = $derived.by(() => {
		const sum = (f: (c: Scorecard) => number) => this.cards.reduce((a, c) => a + f(c), 0);
		const judged = sum((c) => c.judgedLines);
		const delivered = sum((c) => c.deliveredQty);
		return {
			onTime: judged > 0 ? sum((c) => c.onTimeLines) / judged : null,
			quality: delivered > 0 ? sum((c) => c.acceptedQty) / delivered : null,
			saving: procurementSaving(
				sum((c) => c.plannedCents),
				sum((c) => c.actualCents)
			)
		};
	});

	readonly tiles = $derived.by(() => [
		{
			id: 'on-time',
			label: t('purchasing.kpi.onTime'),
			value: pct(this.pooled.onTime),
			icon: 'clipboard' as const,
			tone: 'blue' as const
		},
		{
			id: 'quality',
			label: t('purchasing.kpi.quality'),
			value: pct(this.pooled.quality),
			icon: 'check' as const,
			tone: 'green' as const
		},
		{
			id: 'saving',
			label: t('purchasing.kpi.saving'),
			value: pct(this.pooled.saving),
			icon: 'coins' as const,
			tone: 'neutral' as const
		},
		{
			id: 'late',
			label: t('purchasing.kpi.late'),
			value: fmtNumber(this.latePos.length),
			icon: 'alert' as const,
			tone: this.latePos.length > 0 ? ('red' as const) : ('neutral' as const)
		},
		{
			id: 'waiting',
			label: t('purchasing.kpi.waiting'),
			value: fmtNumber(this.waiting.length),
			icon: 'file' as const,
			tone: this.waiting.length > 0 ? ('amber' as const) : ('neutral' as const)
		}
	]);

	/** On-time and pass rate by month over the last twelve months (the trend chart). */
	readonly trend = $derived.by(() => {
		const months = pooledTrend(this.cards, lastMonths(this.data.today, 12));
		const asPct = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);
		return {
			labels: months.map((m) => m.month.slice(2).replace('-', '/')),
			datasets: [
				{ label: t('purchasing.kpi.onTime'), values: months.map((m) => asPct(m.onTimeRate)) },
				{ label: t('purchasing.kpi.quality'), values: months.map((m) => asPct(m.qualityRate)) }
			]
		};
	});

	/** One row per supplier with orders in the period, best on-time first. */
	readonly scorecardRows = $derived.by(() =>
		this.cards
			.map((c) => {
				const s = this.data.supplier(c.supplierId);
				return {
					card: c,
					code: s?.code ?? c.supplierId,
					name: s?.name ?? '',
					sources: c.savingSources.map((x) => t(`purchasing.plannedSource.${x}`)).join('、')
				};
			})
			.sort(
				(a, b) =>
					(b.card.onTimeRate ?? -1) - (a.card.onTimeRate ?? -1) || a.code.localeCompare(b.code)
			)
	);

	/** Saving per supplier, % (the bar chart); suppliers without a planned price are left out. */
	readonly savingChart = $derived.by(() => {
		const rows = this.scorecardRows.filter((r) => r.card.saving !== null);
		return {
			labels: rows.map((r) => r.code),
			datasets: [
				{
					label: t('purchasing.kpi.saving'),
					values: rows.map((r) => Math.round((r.card.saving ?? 0) * 1000) / 10)
				}
			]
		};
	});

	exportScorecard(): Table {
		return {
			headers: [
				t('purchasing.code'),
				t('purchasing.supplier'),
				t('purchasing.scorecard.orders'),
				t('purchasing.kpi.onTime'),
				t('purchasing.kpi.quality'),
				t('purchasing.kpi.priceVariance'),
				t('purchasing.kpi.daysLate'),
				t('purchasing.kpi.saving'),
				t('purchasing.scorecard.plannedFrom')
			],
			rows: this.scorecardRows.map((r) => [
				r.code,
				r.name,
				r.card.orders,
				pct(r.card.onTimeRate),
				pct(r.card.qualityRate),
				pct(r.card.priceVariance),
				r.card.avgDaysLate === null ? '' : fmtNumber(Math.round(r.card.avgDaysLate * 10) / 10),
				pct(r.card.saving),
				r.sources
			])
		};
	}

	constructor(ws: WorkspaceState) {
		this.data = new PurchasingData(ws);
	}

	close(): void {
		this.data.close();
	}
}
