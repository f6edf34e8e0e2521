// View model of the forecast page (需求預測): every item with shipment history, its Holt-Winters
// forecast and hold-out MAPE (how far to trust it); the chosen item's chart of history, forecast
// and 95 % interval. Recomputed when orders change (the forecast reads ship events only).

import { forecastItems, type ItemForecastView } from '../../commands/production/forecasting';
import { forecastTrust, type ForecastTrust } from '../../domain/forecast/item-forecast';
import type { ChartSeries } from '../../components/charts/series';
import { fmtNumber, t } from '../../i18n';
import type { WorkspaceState } from '../workspace.svelte';
import { localToday } from './orders-board-helpers';

export const FORECAST_MONTHS = 6;

export interface ForecastRow {
	itemId: string;
	label: string;
	unit: string;
	months: number;
	/** Sum of the last 12 months shipped. */
	lastYear: number;
	nextMonth: number;
	mapePct: number | null;
	trust: ForecastTrust;
	mode: ItemForecastView['mode'];
	view: ItemForecastView;
}

export function trustTone(trust: ForecastTrust): 'green' | 'amber' | 'red' {
	return trust === 'good' ? 'green' : trust === 'fair' ? 'amber' : 'red';
}

export class ProductionForecastModel {
	readonly today = localToday();
	query = $state('');
	selectedId = $state('');

	readonly rows: ForecastRow[] = $derived.by(() => {
		void this.ws.docRevision.orders;
		void this.ws.items;
		return forecastItems({ docs: this.ws.runtime.docs }, this.today, FORECAST_MONTHS)
			.map((view) => {
				const item = this.ws.item(view.itemId);
				return {
					itemId: view.itemId,
					label: item ? `${item.code} ${item.name}` : view.itemId,
					unit: item?.unit ?? '',
					months: view.history.length,
					lastYear: view.history.slice(-12).reduce((a, b) => a + b, 0),
					nextMonth: view.forecast[0]?.value ?? 0,
					mapePct: view.mapePct,
					trust: forecastTrust(view.mapePct),
					mode: view.mode,
					view
				};
			})
			.sort((a, b) => b.lastYear - a.lastYear);
	});

	readonly shown = $derived.by(() => {
		const q = this.query.trim().toLowerCase();
		return q ? this.rows.filter((r) => r.label.toLowerCase().includes(q)) : this.rows;
	});

	readonly selected: ForecastRow | undefined = $derived.by(
		() => this.rows.find((r) => r.itemId === this.selectedId) ?? this.rows[0]
	);

	/** History, forecast (joined to the last actual month) and the interval, one label per month. */
	readonly chart = $derived.by(() => {
		const row = this.selected;
		if (!row) return null;
		const { view } = row;
		const n = view.historyMonths.length;
		const gap = (k: number): null[] => Array.from({ length: k }, () => null);
		const last = view.history.at(-1) ?? null;
		const series: ChartSeries[] = [
			{ label: t('forecast.history'), values: [...view.history, ...gap(view.forecast.length)] },
			{
				label: t('forecast.forecast'),
				values: [...gap(n - 1), last, ...view.forecast.map((p) => p.value)]
			},
			{
				label: t('forecast.lower'),
				values: [...gap(n - 1), last, ...view.forecast.map((p) => p.lower)]
			},
			{
				label: t('forecast.upper'),
				values: [...gap(n - 1), last, ...view.forecast.map((p) => p.upper)]
			}
		];
		return { labels: [...view.historyMonths, ...view.forecastMonths], series };
	});

	constructor(private readonly ws: WorkspaceState) {}

	mapeText(row: ForecastRow): string {
		return row.mapePct === null
			? t('forecast.mapeNone')
			: t('forecast.mape', { pct: fmtNumber(Math.round(row.mapePct * 10) / 10) });
	}

	trustText(row: ForecastRow): string {
		return t(`forecast.trust.${row.trust}`);
	}

	modeText(row: ForecastRow): string {
		return t(`forecast.mode.${row.mode}`);
	}
}
