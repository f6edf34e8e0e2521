// Delivery promise (the big-order story, issue 18 point 5): for N of an item wanted by a date,
// the earliest date it can be delivered complete, what comes when, and why in steps a planner
// can read ("4,000 from stock; 1,000 to make: resin from the supplier in 10 days, then 2 days
// on line 2"). Capable-to-promise over the planning snapshot (docs/DECISIONS.md, "Delivery
// promise"): free stock and receipts by date without breaking commitments already made
// (available-to-promise with look-ahead), the rest made through the BOM in force — components
// promised the same way, one level at a time — on the routing's work centres at their weekly
// hours left free after committed work (capacity.ts), or bought with the supplier's lead time.
// An order of several lines is promised line by line on one book: a later line neither takes
// the stock nor the centre hours an earlier line took.

import { effectiveBoms, minutesByWorkCenter, qtyWithScrap } from './bom';
import { addDays, dayNumber } from './calendar';
import { CapacityBook, type CenterCapacity, type CenterLoad } from './capacity';
import type { PlanningSnapshot } from './planning';

export type { CenterCapacity, CenterLoad } from './capacity';

export interface PromiseRequest {
	itemId: string;
	qty: number;
	/** YYYY-MM-DD */
	wantedDate: string;
}

/** The centres and the hours already committed on them (booked before the promise's own). */
export interface PromiseCapacity {
	centers: readonly CenterCapacity[];
	loads: readonly CenterLoad[];
	/** A book already loaded (the rush preview's): the promise books into it, `loads` unused. */
	book?: CapacityBook;
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
			/** First working day on the line (later than `start` when the line is booked). */
			lineFrom: string;
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

/** A whole order: each line's promise and the date it can all be delivered. */
export interface OrderPromise {
	earliestDate: string;
	meetsWanted: boolean;
	lines: (DeliveryPromise & { request: PromiseRequest })[];
}

/** Days a made item takes when its BOM has no routing (the planning default of one week). */
export const DEFAULT_MAKE_DAYS = 7;
/** Days a bought item takes without a known supplier. */
export const DEFAULT_BUY_DAYS = 7;
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
	capacity: PromiseCapacity
): DeliveryPromise {
	return promiseOrder(snapshot, [request], capacity).lines[0]!;
}

/** Capable-to-promise for an order's lines, in order, sharing stock and centre hours. */
export function promiseOrder(
	snapshot: PlanningSnapshot,
	requests: readonly PromiseRequest[],
	capacity: PromiseCapacity
): OrderPromise {
	const today = snapshot.today;
	const boms = effectiveBoms(snapshot.boms, today);
	const supply = new Map(snapshot.supply.map((s) => [s.itemId, s]));
	const hours = capacity.book ?? new CapacityBook(capacity.centers, today, capacity.loads);
	const book = atpBook(snapshot);
	/** Quantity this promise already took from each item's stock (components shared by lines). */
	const taken = new Map<string, number>();
	let steps: (PromiseStep & { level: number })[] = [];

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
			let date = addDays(start, DEFAULT_MAKE_DAYS);
			const minutes = minutesByWorkCenter(bom);
			// Routing steps one after another, each into its centre's free hours.
			let from = start;
			let lineFrom = '';
			for (const [centerId, perUnit] of minutes) {
				const booked = hours.book(centerId, (perUnit * rest) / 60, from);
				lineFrom ||= booked.start;
				days += booked.days;
				if (booked.days > slowestDays) [slowest, slowestDays] = [centerId, booked.days];
				from = date = booked.end;
			}
			if (minutes.size === 0) days = DEFAULT_MAKE_DAYS;
			steps.splice(at, 0, {
				kind: 'make',
				itemId,
				qty: rest,
				start,
				lineFrom: lineFrom || start,
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

	const promiseLine = (request: PromiseRequest): DeliveryPromise & { request: PromiseRequest } => {
		steps = [];
		const parts = cover(request.itemId, request.qty, 0);
		const byDate = new Map<string, number>();
		for (const p of parts) byDate.set(p.date, round((byDate.get(p.date) ?? 0) + p.qty));
		let cumulative = 0;
		const lines = [...byDate.entries()]
			.sort(([a], [b]) => (a < b ? -1 : 1))
			.map(([date, qty]) => ({ date, qty: (cumulative = round(cumulative + qty)) }));
		const earliestDate = lines.at(-1)?.date ?? today;
		return {
			request,
			earliestDate,
			meetsWanted: dayNumber(earliestDate) <= dayNumber(request.wantedDate),
			lines,
			steps
		};
	};
	const lines = requests.map(promiseLine);
	const earliestDate = lines.reduce((d, l) => (l.earliestDate > d ? l.earliestDate : d), today);
	return { earliestDate, meetsWanted: lines.every((l) => l.meetsWanted), lines };
}
