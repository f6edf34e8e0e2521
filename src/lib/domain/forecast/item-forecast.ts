// The forecast of one item from its monthly sales: Holt-Winters with a 12-month season when
// there are three years or more (two to fit, the last one held out to measure MAPE), Holt's
// trend alone otherwise (season of one), the mode with the lower hold-out MAPE, refitted on the
// whole history for the forecast. docs/DECISIONS.md, "Demand forecast".

import {
	fitHoltWinters,
	forecastAhead,
	mape,
	type ForecastPoint,
	type Seasonality
} from './holt-winters';

export interface ItemForecast {
	/** Months of history used. */
	history: number[];
	forecast: ForecastPoint[];
	/** MAPE in percent on the held-out last season (or last quarter), null when not measurable. */
	mapePct: number | null;
	mode: Seasonality | 'trend';
	seasonLength: number;
}

function best(y: readonly number[], m: number, holdout: number) {
	const modes: Seasonality[] = y.every((v) => v > 0)
		? ['additive', 'multiplicative']
		: ['additive'];
	let chosen: { mode: Seasonality; mapePct: number | null } | null = null;
	for (const mode of modes) {
		const train = y.slice(0, y.length - holdout);
		const predicted = forecastAhead(fitHoltWinters(train, m, mode), holdout).map((p) => p.value);
		const err = mape(y.slice(y.length - holdout), predicted);
		if (!chosen || (err !== null && (chosen.mapePct === null || err < chosen.mapePct)))
			chosen = { mode, mapePct: err };
	}
	return chosen!;
}

/** `months` of monthly sales, oldest first, → `horizon` months ahead. */
export function forecastItem(months: readonly number[], horizon: number): ItemForecast {
	const history = [...months];
	if (history.length < 6) {
		const mean = history.length === 0 ? 0 : history.reduce((a, b) => a + b, 0) / history.length;
		return {
			history,
			forecast: Array.from({ length: horizon }, () => ({ value: mean, lower: 0, upper: mean * 2 })),
			mapePct: null,
			mode: 'trend',
			seasonLength: 1
		};
	}
	const seasonal = history.length >= 36;
	const m = seasonal ? 12 : 1;
	const holdout = seasonal ? 12 : Math.max(2, Math.floor(history.length / 4));
	const { mode, mapePct } = seasonal
		? best(history, m, holdout)
		: { mode: 'additive' as const, mapePct: null };
	const fit = fitHoltWinters(history, m, mode);
	const trendMape = seasonal
		? mapePct
		: mape(
				history.slice(history.length - holdout),
				forecastAhead(
					fitHoltWinters(history.slice(0, history.length - holdout), 1, 'additive'),
					holdout
				).map((p) => p.value)
			);
	return {
		history,
		forecast: forecastAhead(fit, horizon),
		mapePct: trendMape,
		mode: seasonal ? mode : 'trend',
		seasonLength: m
	};
}

export type ForecastTrust = 'good' | 'fair' | 'poor';

/**
 * How far a planner may lean on a forecast, from its hold-out MAPE: up to 20 % is good, up to
 * 50 % fair (Lewis's classic bands: < 10 highly accurate, 10–20 good, 20–50 reasonable, > 50
 * inaccurate); unmeasurable (too little history, or a zero month held out) counts as poor.
 */
export function forecastTrust(mapePct: number | null): ForecastTrust {
	if (mapePct === null || !Number.isFinite(mapePct)) return 'poor';
	if (mapePct <= 20) return 'good';
	if (mapePct <= 50) return 'fair';
	return 'poor';
}
