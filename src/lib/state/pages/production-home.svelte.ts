// View model of the production overview (生產總覽): the KPIs a production manager reads every
// morning (work orders in progress, late, short of material, planned orders waiting for
// conversion), the load per work centre per week against its capacity, and the late orders.

import { bucketOf, bucketStartDate, weekStart } from '../../domain/production/calendar';
import { OPEN_WO_STATUSES } from '../../domain/production/wo-state-machine';
import type { KpiTile } from '../../components/KpiCard.svelte';
import type { ChartSeries, ChartTarget } from '../../components/charts/series';
import { fmtNumber, t } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';
import { PlanRunner } from './production-plan-runner.svelte';
import { ProductionData, type FoldedWorkOrder } from './production-data.svelte';

const LOAD_WEEKS = 8;
const round1 = (h: number): number => Math.round(h * 10) / 10;

export interface WorkCenterLoad {
	id: string;
	label: string;
	capacityHours: number;
	series: ChartSeries[];
	target: ChartTarget;
	overloaded: boolean;
}

export class ProductionHomeModel {
	readonly data: ProductionData;
	readonly runner: PlanRunner;
	readonly weekStarts: string[];

	readonly open = $derived.by(() =>
		this.data.view.workOrders.filter((w) => OPEN_WO_STATUSES.includes(w.fold.status))
	);

	readonly late: FoldedWorkOrder[] = $derived.by(() =>
		this.open
			.filter((w) => this.data.isLate(w))
			.sort((a, b) => a.order.dueDate.localeCompare(b.order.dueDate))
	);

	readonly tiles: KpiTile[] = $derived.by(() => {
		const inProgress = this.open.filter((w) => w.fold.status !== 'planned').length;
		const short = this.open.filter((w) => this.data.shortages(w.order.id).length > 0).length;
		const planned = this.runner.plan?.plannedOrders.length;
		return [
			{
				id: 'in-progress',
				label: t('production.kpi.inProgress'),
				value: fmtNumber(inProgress),
				hint: t('production.kpi.inProgressHint'),
				icon: 'factory',
				tone: 'blue',
				testid: 'kpi-wo-in-progress'
			},
			{
				id: 'late',
				label: t('production.kpi.late'),
				value: fmtNumber(this.late.length),
				hint: t('production.kpi.lateHint'),
				icon: 'alert',
				tone: this.late.length > 0 ? 'red' : 'neutral',
				testid: 'kpi-wo-late'
			},
			{
				id: 'shortages',
				label: t('production.kpi.shortages'),
				value: fmtNumber(short),
				hint: t('production.kpi.shortagesHint'),
				icon: 'box',
				tone: short > 0 ? 'amber' : 'neutral',
				testid: 'kpi-wo-short'
			},
			{
				id: 'planned',
				label: t('production.kpi.plannedWaiting'),
				value: planned === undefined ? '…' : fmtNumber(planned),
				hint: t('production.kpi.plannedWaitingHint'),
				icon: 'clipboard',
				tone: 'neutral',
				testid: 'kpi-planned-waiting'
			}
		];
	});

	/**
	 * Hours per work centre and week: every open order's remaining units through each routing
	 * step (ordered minus good and scrap reported there) × minutes per unit, in the week it
	 * starts; an order whose start has passed loads this week.
	 */
	readonly load: WorkCenterLoad[] = $derived.by(() => {
		const start = weekStart(this.data.today);
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- local to the derived
		const hours = new Map<string, number[]>(
			this.data.view.workCenters.map((c) => [c.id, Array<number>(LOAD_WEEKS).fill(0)])
		);
		for (const { order, fold } of this.open) {
			const bucket = bucketOf(start, order.startDate);
			if (bucket > LOAD_WEEKS) continue;
			for (const step of order.steps) {
				const row = hours.get(step.workCenterId);
				const done = fold.progress.get(step.id);
				const left = Math.max(0, order.qty - (done ? done.good + done.scrap : 0));
				if (row) row[bucket - 1]! += (left * step.minutesPerUnit) / 60;
			}
		}
		return this.data.view.workCenters
			.filter((c) => c.active)
			.map((c) => {
				const values = (hours.get(c.id) ?? []).map(round1);
				return {
					id: c.id,
					label: `${c.code} ${c.name}`,
					capacityHours: c.capacityHoursPerWeek,
					series: [{ label: t('production.loadHours'), values }],
					target: {
						label: t('production.capacity', { hours: fmtNumber(c.capacityHoursPerWeek) }),
						value: c.capacityHoursPerWeek
					},
					overloaded: values.some((v) => v > c.capacityHoursPerWeek)
				};
			});
	});

	constructor(ws: WorkspaceState) {
		this.data = new ProductionData(ws);
		this.runner = new PlanRunner(ws);
		const start = weekStart(this.data.today);
		this.weekStarts = Array.from({ length: LOAD_WEEKS }, (_, i) =>
			bucketStartDate(start, i + 1).slice(5)
		);
		void ws.runtime.ready.then(() => this.runner.run(12));
	}

	close(): void {
		this.runner.close();
		this.data.close();
	}
}
