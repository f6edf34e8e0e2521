// The owner's KPIs (經營指標), each per month for its trend and as one headline figure:
// inventory turnover = COGS / average inventory, days of inventory, gross margin, on-time
// delivery (target 95 %), fill rate, inventory accuracy (target 98 %) and procurement saving.

import { stampWallMs } from '../clock/hlc';
import type { MonthFigures } from '../accounting/book';
import type { Order } from '../orders/order';
import type { PurchaseOrder } from '../purchasing/purchase-order';
import { procurementSaving } from '../purchasing/scorecard';
import { ratio } from './context';

export const ON_TIME_TARGET = 0.95;
export const ACCURACY_TARGET = 0.98;

export interface KpiMonth {
	month: string;
	turnover: number | null;
	daysOfInventory: number | null;
	grossMargin: number | null;
	onTime: number | null;
	fillRate: number | null;
	accuracy: number | null;
	saving: number | null;
}

export interface KpiHeadline {
	turnover: number | null;
	daysOfInventory: number | null;
	grossMargin: number | null;
	onTime: number | null;
	fillRate: number | null;
	accuracy: number | null;
	/** Null: no purchase order with a planned price yet. */
	saving: number | null;
}

/** One approved count: when, how many positions it counted and how many matched the book. */
export interface CountResult {
	approvedAt: string;
	counted: number;
	matching: number;
}

export interface KpiInput {
	months: readonly MonthFigures[];
	salesOrders: readonly Order[];
	purchaseOrders: readonly PurchaseOrder[];
	counts: readonly CountResult[];
	/**
	 * Now: the month it falls in has only run this far, so its days of inventory count the
	 * days so far (a month 7 days old with 7 days of COGS is not a 31-day month). Absent: every
	 * month counts whole.
	 */
	nowMs?: number;
}

const monthOfMs = (ms: number): string => new Date(ms).toISOString().slice(0, 7);
const monthOf = (stamp: string): string => monthOfMs(stampWallMs(stamp));

function daysIn(month: string): number {
	const [y, m] = month.split('-').map(Number) as [number, number];
	return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The month's days that have passed by `nowMs`, today included; all of them when none given. */
export function daysElapsed(month: string, nowMs?: number): number {
	if (nowMs === undefined || monthOfMs(nowMs) !== month) return daysIn(month);
	return new Date(nowMs).getUTCDate();
}

interface Tally {
	num: number;
	den: number;
}
const tally = (map: Map<string, Tally>, month: string, num: number, den: number): void => {
	const t = map.get(month) ?? { num: 0, den: 0 };
	t.num += num;
	t.den += den;
	map.set(month, t);
};
const rateOf = (t: Tally | undefined): number | null => (t ? ratio(t.num, t.den) : null);
const sumOf = (map: Map<string, Tally>): Tally => {
	const out = { num: 0, den: 0 };
	for (const t of map.values()) {
		out.num += t.num;
		out.den += t.den;
	}
	return out;
};

/** Delivered on or before the requested date, by month of delivery. */
function onTimeByMonth(orders: readonly Order[]): Map<string, Tally> {
	const out = new Map<string, Tally>();
	for (const o of orders)
		for (const e of o.events) {
			if (e.type !== 'deliver') continue;
			const day =
				/^\d{4}-\d{2}-\d{2}/.exec(e.payload.signedAt)?.[0] ??
				new Date(stampWallMs(e.at)).toISOString().slice(0, 10);
			tally(out, day.slice(0, 7), day <= o.requestedDate ? 1 : 0, 1);
		}
	return out;
}

/** Quantity reserved from stock at confirmation / quantity ordered, by month of confirmation. */
function fillByMonth(orders: readonly Order[]): Map<string, Tally> {
	const out = new Map<string, Tally>();
	for (const o of orders) {
		const confirm = o.events
			.filter((e) => e.type === 'confirm')
			.sort((a, b) => (a.at < b.at ? -1 : 1))[0];
		if (!confirm || confirm.type !== 'confirm') continue;
		const reserved = new Map(confirm.payload.reserved.map((r) => [r.lineId, r.qty]));
		let filled = 0;
		let ordered = 0;
		for (const l of o.lines) {
			ordered += l.qty;
			filled += Math.min(l.qty, reserved.get(l.id) ?? 0);
		}
		tally(out, monthOf(confirm.at), filled, ordered);
	}
	return out;
}

/** Planned vs actual price of PO lines, by month of the order date. */
function savingByMonth(pos: readonly PurchaseOrder[]): Map<string, Tally> {
	const out = new Map<string, Tally>();
	for (const po of pos)
		for (const l of po.lines) {
			if (l.plannedUnitPriceCents <= 0) continue;
			tally(
				out,
				po.orderDate.slice(0, 7),
				Math.round(l.qty * l.unitPriceCents),
				Math.round(l.qty * l.plannedUnitPriceCents)
			);
		}
	return out;
}

export function kpis(input: KpiInput): { months: KpiMonth[]; headline: KpiHeadline } {
	const onTime = onTimeByMonth(input.salesOrders);
	const fill = fillByMonth(input.salesOrders);
	const saving = savingByMonth(input.purchaseOrders);
	const accuracy = new Map<string, Tally>();
	for (const c of input.counts) tally(accuracy, monthOf(c.approvedAt), c.matching, c.counted);
	// Closed months: what their close froze (input.counts holds only the open months' counts).
	for (const f of input.months)
		if (f.countedLines > 0) tally(accuracy, f.month, f.matchingLines, f.countedLines);
	const months = input.months.map((f): KpiMonth => {
		const avg = (f.inventoryStartCents + f.inventoryEndCents) / 2;
		const turnover = avg > 0 ? f.cogsCents / avg : null;
		const revenue = f.revenueCents - f.salesReturnsCents;
		const s = saving.get(f.month);
		return {
			month: f.month,
			turnover,
			daysOfInventory:
				turnover && turnover > 0 ? daysElapsed(f.month, input.nowMs) / turnover : null,
			grossMargin: ratio(revenue - f.salesCogsCents, revenue),
			onTime: rateOf(onTime.get(f.month)),
			fillRate: rateOf(fill.get(f.month)),
			accuracy: rateOf(accuracy.get(f.month)),
			saving: s ? procurementSaving(s.den, s.num) : null
		};
	});
	// Headline over the months listed: COGS over the mean of the monthly average inventories.
	let cogs = 0;
	let avgSum = 0;
	let days = 0;
	let revenue = 0;
	let salesCogs = 0;
	for (const f of input.months) {
		cogs += f.cogsCents;
		avgSum += (f.inventoryStartCents + f.inventoryEndCents) / 2;
		days += daysElapsed(f.month, input.nowMs);
		revenue += f.revenueCents - f.salesReturnsCents;
		salesCogs += f.salesCogsCents;
	}
	const meanInventory = input.months.length > 0 ? avgSum / input.months.length : 0;
	const turnover = meanInventory > 0 ? cogs / meanInventory : null;
	const totalSaving = sumOf(saving);
	return {
		months,
		headline: {
			turnover,
			daysOfInventory: turnover && turnover > 0 ? days / turnover : null,
			grossMargin: ratio(revenue - salesCogs, revenue),
			onTime: rateOf(sumOf(onTime)),
			fillRate: rateOf(sumOf(fill)),
			accuracy: rateOf(sumOf(accuracy)),
			saving: totalSaving.den > 0 ? procurementSaving(totalSaving.den, totalSaving.num) : null
		}
	};
}
