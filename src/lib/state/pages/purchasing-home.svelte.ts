// The purchasing overview (採購總覽): qualifications expiring or expired, late purchase
// orders, requisitions waiting to become orders, and the pooled scorecard of the last twelve
// months (on-time rate, quality pass rate, procurement saving). The page renders these as is.

import { qualificationAlerts, addDays } from '../../domain/purchasing/qualification';
import {
	procurementSaving,
	supplierScorecard,
	type Scorecard
} from '../../domain/purchasing/scorecard';
import { fmtNumber, t } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';
import { PurchasingData } from './purchasing-data.svelte';

export function pct(rate: number | null): string {
	return rate === null ? '—' : `${fmtNumber(Math.round(rate * 1000) / 10)} %`;
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

	constructor(ws: WorkspaceState) {
		this.data = new PurchasingData(ws);
	}

	close(): void {
		this.data.close();
	}
}
