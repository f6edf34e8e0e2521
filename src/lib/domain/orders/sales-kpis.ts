// The numbers a sales manager looks at first (業務總覽), folded from the board: open orders
// and what is left to ship of them, late / over-allocated / due / ready-to-ship counts,
// shipped value per month, and the on-time delivery rate. Pure: the caller says which day
// and month it is and how a clock stamp maps to a local day.

import type { Stamp } from '../clock/hlc';
import type { RepurchaseEstimate } from './repurchase';
import type { BoardOrder } from './board';
import { lineNetCents, lineTaxCents, type OrderLine } from './order';
import { RESERVING_STATUSES } from './state-machine';

export interface SalesKpiInput {
	orders: readonly BoardOrder[];
	/** Local day, YYYY-MM-DD. */
	today: string;
	/** First local day counted for the on-time rate, YYYY-MM-DD. */
	onTimeSince: string;
	/** Local day (YYYY-MM-DD) of a clock stamp. */
	dayOf: (stamp: Stamp) => string;
}

export interface SalesKpis {
	open: number;
	/** Gross (tax included) value of what open orders still have to ship, cents. */
	openValueCents: number;
	late: number;
	overAllocated: number;
	/** Open orders requested by today (including late ones). */
	dueByToday: number;
	backorderReady: number;
	/** Gross value shipped per local month `YYYY-MM`, cents. */
	shippedByMonth: Map<string, number>;
	delivered: number;
	deliveredOnTime: number;
	/** deliveredOnTime / delivered, or null when nothing was delivered in the window. */
	onTimeRate: number | null;
}

/** Gross value (net + tax) of `qty` units of a line, cents. */
export function lineValueCents(line: OrderLine, qty: number): number {
	if (line.qty <= 0) return 0;
	return Math.round(((lineNetCents(line) + lineTaxCents(line)) * qty) / line.qty);
}

const DAY = /^\d{4}-\d{2}-\d{2}/;

export function isOpenOrder(o: BoardOrder): boolean {
	return RESERVING_STATUSES.includes(o.fold.status);
}

export function salesKpis(input: SalesKpiInput): SalesKpis {
	const out: SalesKpis = {
		open: 0,
		openValueCents: 0,
		late: 0,
		overAllocated: 0,
		dueByToday: 0,
		backorderReady: 0,
		shippedByMonth: new Map(),
		delivered: 0,
		deliveredOnTime: 0,
		onTimeRate: null
	};
	for (const o of input.orders) {
		const lines = new Map(o.order.lines.map((l) => [l.id, l]));
		if (isOpenOrder(o)) {
			out.open++;
			for (const l of o.order.lines) {
				const left = Math.max(0, l.qty - (o.fold.lines.get(l.id)?.shipped ?? 0));
				out.openValueCents += lineValueCents(l, left);
			}
			if (o.order.requestedDate <= input.today) out.dueByToday++;
		}
		if (o.late) out.late++;
		if (o.overAllocated) out.overAllocated++;
		if (o.backorderReady) out.backorderReady++;
		for (const e of o.fold.applied) {
			if (e.type === 'ship') {
				const month = input.dayOf(e.at).slice(0, 7);
				let value = 0;
				for (const s of e.payload.lines) {
					const line = lines.get(s.lineId);
					if (line) value += lineValueCents(line, s.qty);
				}
				out.shippedByMonth.set(month, (out.shippedByMonth.get(month) ?? 0) + value);
			}
			if (e.type === 'deliver' && o.fold.status === 'delivered') {
				// The signed time is what the customer confirmed; the stamp is the fallback.
				const signed = DAY.exec(e.payload.signedAt)?.[0];
				const day = signed ?? input.dayOf(e.at);
				if (day < input.onTimeSince) continue;
				out.delivered++;
				if (day <= o.order.requestedDate) out.deliveredOnTime++;
			}
		}
	}
	out.onTimeRate = out.delivered > 0 ? out.deliveredOnTime / out.delivered : null;
	return out;
}

/** `YYYY-MM` of the month before `month` (`YYYY-MM`). */
export function previousMonth(month: string): string {
	const [y = 0, m = 1] = month.split('-').map(Number);
	return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export interface ReorderCustomer {
	customerId: string;
	/** Items likely to be reordered soon. */
	items: number;
	/** Days until the earliest of them (negative: overdue). */
	dueInDays: number;
}

/** Customers with items likely to be reordered soon, most urgent first, then most items. */
export function topReorderCustomers(
	estimates: readonly RepurchaseEstimate[],
	limit: number
): ReorderCustomer[] {
	const byCustomer = new Map<string, ReorderCustomer>();
	for (const e of estimates) {
		if (!e.likelySoon) continue;
		const c = byCustomer.get(e.customerId);
		if (c) {
			c.items++;
			c.dueInDays = Math.min(c.dueInDays, e.dueInDays);
		} else
			byCustomer.set(e.customerId, { customerId: e.customerId, items: 1, dueInDays: e.dueInDays });
	}
	return [...byCustomer.values()]
		.sort(
			(a, b) =>
				a.dueInDays - b.dueInDays ||
				b.items - a.items ||
				(a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0)
		)
		.slice(0, limit);
}
