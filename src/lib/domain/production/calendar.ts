// Weekly planning buckets on ISO dates: bucket 1 is the week (Monday to Sunday) holding today.
// Pure string ↔ day arithmetic in UTC, so every device and the CLI cut the weeks identically.

const DAY_MS = 86_400_000;

export function dayNumber(date: string): number {
	const [y, m, d] = date.split('-').map(Number);
	return Math.floor(Date.UTC(y!, m! - 1, d!) / DAY_MS);
}

export function dateOfDay(day: number): string {
	return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
	return dateOfDay(dayNumber(date) + days);
}

/** The Monday on or before `date`. */
export function weekStart(date: string): string {
	const day = dayNumber(date);
	// 1970-01-01 was a Thursday: day 0 → weekday 3 counting Monday as 0.
	const weekday = (((day + 3) % 7) + 7) % 7;
	return dateOfDay(day - weekday);
}

/** 1-based bucket of `date` from the week of `start`; dates before it fall in bucket 1. */
export function bucketOf(start: string, date: string): number {
	const diff = dayNumber(date) - dayNumber(weekStart(start));
	return diff < 0 ? 1 : Math.floor(diff / 7) + 1;
}

export function bucketStartDate(start: string, bucket: number): string {
	return addDays(weekStart(start), (bucket - 1) * 7);
}
