// Taiwanese seasonality for the demo: Lunar New Year (the biggest peak, then a holiday),
// Mid-Autumn (gift boxes, baking), a summer peak for drinks, winter for frozen food, Q4.

export type SeasonProfile =
	'summer' | 'lny' | 'gift' | 'winter' | 'q4' | 'bake' | 'noodle' | 'flat';

/** Lunar New Year's day (UTC midnight) by year. */
const LNY: Record<number, [number, number]> = {
	2022: [1, 1],
	2023: [0, 22],
	2024: [1, 10],
	2025: [0, 29],
	2026: [1, 17],
	2027: [1, 6],
	2028: [0, 26],
	2029: [1, 13],
	2030: [1, 3],
	2031: [0, 23],
	2032: [1, 11]
};
/** Mid-Autumn festival by year. */
const MID_AUTUMN: Record<number, [number, number]> = {
	2022: [8, 10],
	2023: [8, 29],
	2024: [8, 17],
	2025: [9, 6],
	2026: [8, 25],
	2027: [8, 15],
	2028: [9, 3],
	2029: [8, 22],
	2030: [8, 12],
	2031: [9, 1],
	2032: [8, 19]
};

const DAY_MS = 86_400_000;

function festival(
	table: Record<number, [number, number]>,
	year: number,
	fallback: [number, number]
): number {
	const [month, day] = table[year] ?? fallback;
	return Date.UTC(year, month, day);
}

/** 1 during the `days` days before the nearest festival of the table, 0 otherwise. */
function before(
	table: Record<number, [number, number]>,
	fallback: [number, number],
	dayMs: number,
	days: number
): number {
	const year = new Date(dayMs).getUTCFullYear();
	for (const y of [year, year + 1]) {
		const f = festival(table, y, fallback);
		if (dayMs < f && dayMs >= f - days * DAY_MS) return 1;
	}
	return 0;
}

export const preLunarNewYear = (dayMs: number, days = 24): number =>
	before(LNY, [1, 5], dayMs, days);
export const preMidAutumn = (dayMs: number, days = 28): number =>
	before(MID_AUTUMN, [8, 20], dayMs, days);

/** Closed from Lunar New Year's Eve to the fifth day (初五開工). */
export function isLunarNewYearHoliday(dayMs: number): boolean {
	const f = festival(LNY, new Date(dayMs).getUTCFullYear(), [1, 5]);
	return dayMs >= f - DAY_MS && dayMs < f + 5 * DAY_MS;
}

/** Demand multiplier of a product profile on a day (1 = an ordinary day). */
export function seasonFactor(profile: SeasonProfile, dayMs: number): number {
	const month = new Date(dayMs).getUTCMonth(); // 0 = January
	const q4 = month >= 9 ? 1 : 0;
	const lny = preLunarNewYear(dayMs);
	switch (profile) {
		case 'summer':
			return month >= 5 && month <= 7 ? 2 : month === 4 || month === 8 ? 1.4 : 0.8;
		case 'lny':
			return 1 + 2 * lny + 0.4 * q4;
		case 'gift':
			return 0.3 + 4 * lny + 4 * preMidAutumn(dayMs);
		case 'winter':
			return (month === 11 || month <= 1 ? 1.6 : 0.8) + 1.2 * lny;
		case 'q4':
			return 1 + 0.5 * q4 + 0.6 * lny + 0.4 * preMidAutumn(dayMs);
		case 'bake':
			return 1 + 2 * preMidAutumn(dayMs, 42) + 0.6 * lny + (month === 11 ? 0.4 : 0);
		case 'noodle':
			return 1 + (month >= 6 && month <= 8 ? 0.5 : 0) + 0.3 * q4;
		case 'flat':
			return 1 + 0.8 * lny;
		default: {
			const never: never = profile;
			throw new Error(`unknown profile ${String(never)}`);
		}
	}
}
