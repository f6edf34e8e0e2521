// Sales history per item and month (shipped quantities, from the sales orders' ship events) and
// the forecast built on it: per item for the forecast page, and as weekly demand for planning
// (an item needs six months of history before its forecast enters the plan).

import { readOrders } from '../../doc/orders-doc';
import { stampWallMs } from '../../domain/clock/hlc';
import { forecastItem, type ItemForecast } from '../../domain/forecast/item-forecast';
import { addDays, dayNumber, weekStart } from '../../domain/production/calendar';
import type { DatedQty } from '../../domain/production/planning';
import type { CommandContext } from '../context';

const monthOf = (date: string): string => date.slice(0, 7);

function nextMonth(month: string, k = 1): string {
	const [y, m] = month.split('-').map(Number);
	const index = y! * 12 + (m! - 1) + k;
	return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Shipped quantity per item per month (YYYY-MM). */
export function salesHistory(ctx: Pick<CommandContext, 'docs'>): Map<string, Map<string, number>> {
	const out = new Map<string, Map<string, number>>();
	for (const order of readOrders(ctx.docs.shared('orders')).orders) {
		const itemOf = new Map(order.lines.map((l) => [l.id, l.itemId]));
		for (const e of order.events) {
			if (e.type !== 'ship') continue;
			const month = new Date(stampWallMs(e.at)).toISOString().slice(0, 7);
			for (const l of e.payload.lines) {
				const itemId = itemOf.get(l.lineId);
				if (!itemId || l.qty <= 0) continue;
				const months = out.get(itemId) ?? new Map<string, number>();
				months.set(month, (months.get(month) ?? 0) + l.qty);
				out.set(itemId, months);
			}
		}
	}
	return out;
}

export interface ItemForecastView extends ItemForecast {
	itemId: string;
	historyMonths: string[];
	forecastMonths: string[];
}

/** Whole months from the first sale up to the month before `today`, zeros included. */
function monthlySeries(
	months: Map<string, number>,
	today: string
): { labels: string[]; values: number[] } {
	const end = monthOf(today);
	const first = [...months.keys()].filter((m) => m < end).sort()[0];
	const labels: string[] = [];
	for (let m = first; m !== undefined && m < end; m = nextMonth(m)) labels.push(m);
	return { labels, values: labels.map((l) => months.get(l) ?? 0) };
}

export function forecastItems(
	ctx: Pick<CommandContext, 'docs'>,
	today: string,
	horizonMonths = 6
): ItemForecastView[] {
	const out: ItemForecastView[] = [];
	for (const [itemId, months] of salesHistory(ctx)) {
		const { labels, values } = monthlySeries(months, today);
		if (labels.length === 0) continue;
		const f = forecastItem(values, horizonMonths);
		out.push({
			...f,
			itemId,
			historyMonths: labels,
			forecastMonths: Array.from({ length: horizonMonths }, (_, k) => nextMonth(monthOf(today), k))
		});
	}
	return out.sort((a, b) => (a.itemId < b.itemId ? -1 : 1));
}

/** The forecast as weekly demand over the planning horizon (month spread over its days). */
export function forecastDemand(
	ctx: Pick<CommandContext, 'docs'>,
	today: string,
	buckets: number
): DatedQty[] {
	const horizonMonths = Math.ceil(buckets / 4) + 2;
	const out: DatedQty[] = [];
	const start = weekStart(today);
	for (const f of forecastItems(ctx, today, horizonMonths)) {
		if (f.history.length < 6) continue;
		const perMonth = new Map(f.forecastMonths.map((m, i) => [m, f.forecast[i]!.value]));
		for (let b = 0; b < buckets; b++) {
			const week = addDays(start, b * 7);
			let qty = 0;
			for (let d = 0; d < 7; d++) {
				const day = addDays(week, d);
				const month = monthOf(day);
				const days = dayNumber(`${nextMonth(month)}-01`) - dayNumber(`${month}-01`);
				qty += (perMonth.get(month) ?? 0) / days;
			}
			const rounded = Math.round(qty * 100) / 100;
			if (rounded > 0) out.push({ itemId: f.itemId, date: week, qty: rounded, ref: 'forecast' });
		}
	}
	return out;
}
