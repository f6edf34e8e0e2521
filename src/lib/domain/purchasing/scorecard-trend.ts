// The purchasing overview's trend: on-time rate and quality pass rate per month, pooled over
// suppliers (lines judged and quantities delivered added up, never rates averaged), for the
// months asked (a month without deliveries is a gap, not 0 %).

import type { Scorecard } from './scorecard';

export interface MonthTrend {
	month: string;
	onTimeRate: number | null;
	qualityRate: number | null;
}

const r4 = (x: number): number => Math.round(x * 10_000) / 10_000;

/** `months` as YYYY-MM, oldest first. */
export function pooledTrend(cards: readonly Scorecard[], months: readonly string[]): MonthTrend[] {
	return months.map((month) => {
		let judged = 0;
		let onTime = 0;
		let delivered = 0;
		let accepted = 0;
		for (const c of cards)
			for (const m of c.months)
				if (m.month === month) {
					judged += m.judged;
					onTime += m.onTime;
					delivered += m.delivered;
					accepted += m.accepted;
				}
		return {
			month,
			onTimeRate: judged > 0 ? r4(onTime / judged) : null,
			qualityRate: delivered > 0 ? r4(accepted / delivered) : null
		};
	});
}

/** The `count` months ending with the month of `today`, oldest first. */
export function lastMonths(today: string, count: number): string[] {
	let y = Number(today.slice(0, 4));
	let m = Number(today.slice(5, 7));
	const out: string[] = [];
	for (let i = 0; i < count; i++) {
		out.unshift(`${y}-${String(m).padStart(2, '0')}`);
		m--;
		if (m === 0) {
			m = 12;
			y--;
		}
	}
	return out;
}
