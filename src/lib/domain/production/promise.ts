// Delivery promise (the big-order story, issue 18 point 5): for N of an item wanted by a date,
// the earliest date it can be delivered complete, what comes when, and why in steps a planner
// can read ("4,000 from stock; 1,000 to make: resin from the supplier in 10 days, then 2 days
// on line 2"). Capable-to-promise over the planning snapshot (docs/DECISIONS.md, "Delivery
// promise"): free stock and receipts by date without breaking commitments already made
// (available-to-promise with look-ahead), the rest made through the BOM in force — components
// promised the same way, one level at a time — on the routing's work centres at their weekly
// capacity less the open work orders' load, or bought with the supplier's lead time.

import { effectiveBoms, minutesByWorkCenter, qtyWithScrap } from './bom';
import { addDays, dayNumber } from './calendar';
import type { PlanningSnapshot } from './planning';

export interface PromiseRequest {
	itemId: string;
	qty: number;
	/** YYYY-MM-DD */
	wantedDate: string;
}

export interface CenterCapacity {
	id: string;
	hoursPerWeek: number;
	/** Hours per week already taken by open work orders (an average over the coming weeks). */
	loadHoursPerWeek: number;
}

export type PromiseStep =
	| { kind: 'stock'; itemId: string; qty: number; date: string }
	| { kind: 'incoming'; itemId: string; qty: number; date: string }
	| { kind: 'buy'; itemId: string; qty: number; date: string; leadTimeDays: number }
	| {
			kind: 'make';
			itemId: string;
			qty: number;
			/** When its last component is there. */
			start: string;
			date: string;
			days: number;
			/** The work centre that takes longest ('' without a routing). */
			workCenterId: string;
	  };

export interface PromiseLine {
	date: string;
	qty: number;
}

export interface DeliveryPromise {
	/** When the whole quantity can be delivered. */
	earliestDate: string;
	meetsWanted: boolean;
	/** Cumulative deliveries by date, earliest first (partial quantities). */
	lines: PromiseLine[];
	/** The reasoning, top level first then its components, depth-first. */
	steps: (PromiseStep & { level: number })[];
}

/** Days a made item takes when its BOM has no routing (the planning default of one week). */
export const DEFAULT_MAKE_DAYS = 7;
/** Days a bought item takes without a known supplier. */
export const DEFAULT_BUY_DAYS = 7;
const WORKDAYS_PER_WEEK = 5;
const MAX_LEVELS = 20;

const round = (q: number): number => Math.round(q * 1e6) / 1e6;

/** Per item: dated +supply and −commitments, for available-to-promise with look-ahead. */
function atpBook(snapshot: PlanningSnapshot) {
	const onHand = new Map<string, number>();
	for (const b of snapshot.onHand) onHand.set(b.itemId, (onHand.get(b.itemId) ?? 0) + b.qty);
	const events = new Map<string, { date: string; qty: number }[]>();
	const add = (itemId: string, date: string, qty: number): void => {
		const list = events.get(itemId) ?? [];
		list.push({ date, qty });
		events.set(itemId, list);
	};
	for (const r of snapshot.receipts) add(r.itemId, r.date, r.qty);
	for (const d of [...snapshot.salesDemand, ...snapshot.materialDemand])
		add(d.itemId, d.date, -d.qty);
	for (const list of events.values()) list.sort((a, b) => (a.date < b.date ? -1 : 1));
	/** What can be taken on `date` without leaving any later commitment short. */
	const atp = (itemId: string, date: string, taken: number): number => {
		let level = Math.max(0, onHand.get(itemId) ?? 0) - taken;
		let before = level;
		let after = Infinity;
		for (const e of events.get(itemId) ?? []) {
			level += e.qty;
			if (e.date <= date) before = level;
			else after = Math.min(after, level);
		}
		return Math.max(0, round(Math.min(before, after)));
	};
	const receiptDates = (itemId: string): string[] => [
		...new Set((events.get(itemId) ?? []).filter((e) => e.qty > 0).map((e) => e.date))
	];
	return { atp, receiptDates };
}

/** Capable-to-promise for one request. Pure: `today` and capacities come in. */
export function promiseDelivery(
	snapshot: PlanningSnapshot,
	request: PromiseRequest,
	centers: readonly CenterCapacity[]
): DeliveryPromise {
	const today = snapshot.today;
	const boms = effectiveBoms(snapshot.boms, today);
	const supply = new Map(snapshot.supply.map((s) => [s.itemId, s]));
	const capacity = new Map(centers.map((c) => [c.id, c]));
	const book = atpBook(snapshot);
	/** Quantity this promise already took from each item's stock (components shared by lines). */
	const taken = new Map<string, number>();
	const steps: (PromiseStep & { level: number })[] = [];

	const daysOnCenter = (centerId: string, minutes: number): number => {
		const c = capacity.get(centerId);
		const freePerDay = c ? Math.max(0, c.hoursPerWeek - c.loadHoursPerWeek) / WORKDAYS_PER_WEEK : 0;
		// A centre with no free capacity left still works: at a tenth of its capacity (overtime).
		const perDay = freePerDay > 0 ? freePerDay : Math.max(0.1, (c?.hoursPerWeek ?? 8) / 50);
		return Math.max(1, Math.ceil(minutes / 60 / perDay));
	};

	/** Lines of (date, qty) covering `qty` of `itemId`, needed from `notBefore` on. */
	const cover = (itemId: string, qty: number, level: number): PromiseLine[] => {
		const out: PromiseLine[] = [];
		let rest = round(qty);
		const used = taken.get(itemId) ?? 0;
		const fromStock = Math.min(rest, book.atp(itemId, today, used));
		if (fromStock > 0) {
			out.push({ date: today, qty: fromStock });
			steps.push({ kind: 'stock', itemId, qty: fromStock, date: today, level });
			rest = round(rest - fromStock);
		}
		let got = fromStock;
		for (const date of book
			.receiptDates(itemId)
			.filter((d) => d > today)
			.sort()) {
			if (rest <= 0) break;
			const more = Math.min(rest, round(book.atp(itemId, date, used) - got));
			if (more <= 0) continue;
			out.push({ date, qty: more });
			steps.push({ kind: 'incoming', itemId, qty: more, date, level });
			got = round(got + more);
			rest = round(rest - more);
		}
		taken.set(itemId, round(used + got));
		if (rest <= 0) return out;
		const bom = boms.get(itemId);
		if (bom && level < MAX_LEVELS) {
			const at = steps.length;
			let start = today;
			for (const line of bom.lines) {
				const need = round(rest * qtyWithScrap(line));
				const parts = cover(line.childId, need, level + 1);
				const last = parts.at(-1)?.date ?? today;
				if (last > start) start = last;
			}
			let days = 0;
			let slowest = '';
			let slowestDays = 0;
			const minutes = minutesByWorkCenter(bom);
			for (const [centerId, perUnit] of minutes) {
				const d = daysOnCenter(centerId, perUnit * rest);
				days += d;
				if (d > slowestDays) [slowest, slowestDays] = [centerId, d];
			}
			if (minutes.size === 0) days = DEFAULT_MAKE_DAYS;
			const date = addDays(start, days);
			steps.splice(at, 0, {
				kind: 'make',
				itemId,
				qty: rest,
				start,
				date,
				days,
				workCenterId: slowest,
				level
			});
			out.push({ date, qty: rest });
			return out;
		}
		const leadTimeDays = supply.get(itemId)?.leadTimeDays ?? DEFAULT_BUY_DAYS;
		const date = addDays(today, leadTimeDays);
		steps.push({ kind: 'buy', itemId, qty: rest, date, leadTimeDays, level });
		out.push({ date, qty: rest });
		return out;
	};

	const parts = cover(request.itemId, request.qty, 0);
	const byDate = new Map<string, number>();
	for (const p of parts) byDate.set(p.date, round((byDate.get(p.date) ?? 0) + p.qty));
	let cumulative = 0;
	const lines = [...byDate.entries()]
		.sort(([a], [b]) => (a < b ? -1 : 1))
		.map(([date, qty]) => ({ date, qty: (cumulative = round(cumulative + qty)) }));
	const earliestDate = lines.at(-1)?.date ?? today;
	return {
		earliestDate,
		meetsWanted: dayNumber(earliestDate) <= dayNumber(request.wantedDate),
		lines,
		steps
	};
}
