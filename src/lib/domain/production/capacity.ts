// Finite work-centre capacity for delivery promises (docs/DECISIONS.md, "Promises reserve
// capacity"): each centre works its weekly hours over five working days (Monday to Friday).
// Work already committed — open work orders and the planned production of accepted orders —
// is booked first, earliest start first; a promise then books its own hours into what is left,
// so two lines of one order, or an order accepted before, never use the same hours twice.

import { dateOfDay, dayNumber } from './calendar';

export interface CenterCapacity {
	id: string;
	hoursPerWeek: number;
}

/** Hours already committed on a centre, to be worked from `from` on. */
export interface CenterLoad {
	centerId: string;
	hours: number;
	/** YYYY-MM-DD; a date before today is worked from today. */
	from: string;
	/** What committed it (WO number, planned order), for tests and tracing. */
	ref: string;
}

export interface Booking {
	/** First working day with hours booked. */
	start: string;
	/** The day after the last working day booked: when the work is done. */
	end: string;
	/** Working days from the first to the last booked day, both counted. */
	days: number;
}

export const WORKDAYS_PER_WEEK = 5;
/** Hours a day on a centre the snapshot does not know (inactive or deleted): one shift. */
export const UNKNOWN_CENTER_HOURS_PER_DAY = 8;
/** Working days booked ahead at most; work beyond that is put at one shift a day. */
const MAX_DAYS = 3 * 260;
const EPS = 1e-9;

/** Saturday and Sunday are not worked (1970-01-01, day 0, was a Thursday). */
function isWorkday(day: number): boolean {
	const weekday = (((day + 3) % 7) + 7) % 7; // 0 = Monday
	return weekday < 5;
}

export class CapacityBook {
	private readonly perDay = new Map<string, number>();
	/** Centre → day number → hours booked. */
	private readonly used = new Map<string, Map<number, number>>();
	private readonly today: number;

	constructor(
		centers: readonly CenterCapacity[],
		today: string,
		loads: readonly CenterLoad[] = []
	) {
		this.today = dayNumber(today);
		for (const c of centers) this.perDay.set(c.id, Math.max(0, c.hoursPerWeek) / WORKDAYS_PER_WEEK);
		const ordered = [...loads].sort((a, b) =>
			a.from === b.from ? a.ref.localeCompare(b.ref) : a.from < b.from ? -1 : 1
		);
		for (const l of ordered) this.book(l.centerId, l.hours, l.from);
	}

	/** Hours still free on a centre's working day. */
	freeOn(centerId: string, date: string): number {
		const day = dayNumber(date);
		if (!isWorkday(day)) return 0;
		const cap = this.perDay.get(centerId) ?? UNKNOWN_CENTER_HOURS_PER_DAY;
		return Math.max(0, cap - (this.used.get(centerId)?.get(day) ?? 0));
	}

	/** Books `hours` on the centre from `from` (or today) into the free hours, day by day. */
	book(centerId: string, hours: number, from: string): Booking {
		const known = this.perDay.has(centerId);
		const cap = known ? (this.perDay.get(centerId) ?? 0) : UNKNOWN_CENTER_HOURS_PER_DAY;
		const used = this.used.get(centerId) ?? new Map<number, number>();
		this.used.set(centerId, used);
		let day = Math.max(this.today, dayNumber(from));
		while (!isWorkday(day)) day++;
		let first = -1;
		let last = day;
		let rest = hours;
		let worked = 0;
		for (let n = 0; rest > EPS && n < MAX_DAYS; day++) {
			if (!isWorkday(day)) continue;
			n++;
			const free = cap - (used.get(day) ?? 0);
			if (free <= EPS) continue;
			const take = Math.min(free, rest);
			used.set(day, (used.get(day) ?? 0) + take);
			rest -= take;
			if (first < 0) first = day;
			last = day;
		}
		if (first < 0) first = last;
		// Beyond the booked horizon (or a centre with no hours): one shift a day, not booked.
		if (rest > EPS) {
			let extra = Math.ceil(rest / UNKNOWN_CENTER_HOURS_PER_DAY);
			while (extra > 0) {
				last++;
				if (isWorkday(last)) extra--;
			}
		}
		for (let d = first; d <= last; d++) if (isWorkday(d)) worked++;
		return { start: dateOfDay(first), end: dateOfDay(last + 1), days: Math.max(1, worked) };
	}
}
