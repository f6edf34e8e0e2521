// Holt-Winters exponential smoothing (level, trend, seasonality), additive or multiplicative,
// for monthly sales per item. Initial state as in the NIST/SEMATECH e-Handbook §6.4.3.5 (trend
// from the first two seasons, seasonal indices averaged over whole seasons, here around each
// season's trend line); smoothing weights
// by grid search on one-step-ahead squared error; prediction intervals from the one-step error
// with the additive model's variance multipliers (Hyndman et al., "Forecasting with Exponential
// Smoothing", 2008, Table 6.1, class 1), used for both modes as an approximation.

export type Seasonality = 'additive' | 'multiplicative';

export interface HwParams {
	alpha: number;
	beta: number;
	gamma: number;
	mode: Seasonality;
}

export interface HwState {
	level: number;
	trend: number;
	/** One index per position in the season, for the next season starting after the data. */
	season: number[];
}

export interface HwFit {
	params: HwParams;
	state: HwState;
	/** One-step-ahead fitted values (NaN for the first season, used to initialise). */
	fitted: number[];
	/** Root mean square of one-step errors. */
	sigma: number;
	sse: number;
}

/** Initial level, trend and seasonal indices from whole seasons (needs at least two). */
export function initialState(
	y: readonly number[],
	m: number,
	mode: Seasonality
): HwState & { seasonAverages: number[] } {
	const seasons = Math.floor(y.length / m);
	if (seasons < 2) throw new Error(`need two seasons of ${m}, got ${y.length} points`);
	let trend = 0;
	for (let i = 0; i < m; i++) trend += (y[m + i]! - y[i]!) / m;
	trend /= m;
	const seasonAverages = Array.from({ length: seasons }, (_, p) => {
		let s = 0;
		for (let i = 0; i < m; i++) s += y[p * m + i]!;
		return s / m;
	});
	// Each season's average sits mid-season: take the trend out of the indices around it.
	const ramp = (i: number): number => trend * (i - (m - 1) / 2);
	const season = Array.from({ length: m }, (_, i) => {
		let s = 0;
		for (let p = 0; p < seasons; p++) {
			const base = seasonAverages[p]! + ramp(i);
			s += mode === 'additive' ? y[p * m + i]! - base : y[p * m + i]! / (base || 1);
		}
		return s / seasons;
	});
	// The level at the end of the first season, where the recursions start.
	return { level: seasonAverages[0]! + ramp(m - 1), trend, season, seasonAverages };
}

/** Runs the recursions over `y` from the initial state (the first season only initialises). */
export function fitWith(y: readonly number[], m: number, params: HwParams): HwFit {
	const { alpha, beta, gamma, mode } = params;
	const init = initialState(y, m, mode);
	let level = init.level;
	let trend = init.trend;
	const season = [...init.season];
	const fitted = new Array<number>(y.length).fill(Number.NaN);
	let sse = 0;
	let count = 0;
	for (let t = m; t < y.length; t++) {
		const s = season[t % m]!;
		const forecast = mode === 'additive' ? level + trend + s : (level + trend) * s;
		fitted[t] = forecast;
		const e = y[t]! - forecast;
		sse += e * e;
		count++;
		const prev = level;
		level =
			mode === 'additive'
				? alpha * (y[t]! - s) + (1 - alpha) * (level + trend)
				: alpha * (y[t]! / (s || 1e-9)) + (1 - alpha) * (level + trend);
		trend = beta * (level - prev) + (1 - beta) * trend;
		season[t % m] =
			mode === 'additive'
				? gamma * (y[t]! - level) + (1 - gamma) * s
				: gamma * (y[t]! / (level || 1e-9)) + (1 - gamma) * s;
	}
	// Rotate so season[0] is the position right after the data.
	const next = y.length % m;
	const rotated = Array.from({ length: m }, (_, i) => season[(next + i) % m]!);
	return {
		params,
		state: { level, trend, season: rotated },
		fitted,
		sigma: count > 0 ? Math.sqrt(sse / count) : 0,
		sse
	};
}

const GRID = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8];

/** The weights with the least one-step squared error on a coarse grid (deterministic). */
export function fitHoltWinters(y: readonly number[], m: number, mode: Seasonality): HwFit {
	let best: HwFit | null = null;
	for (const alpha of GRID)
		for (const beta of [0.01, 0.05, 0.1, 0.2, 0.3])
			for (const gamma of [0.05, 0.1, 0.2, 0.3, 0.5]) {
				const fit = fitWith(y, m, { alpha, beta, gamma, mode });
				if (!best || fit.sse < best.sse - 1e-9) best = fit;
			}
	return best!;
}

export interface ForecastPoint {
	value: number;
	lower: number;
	upper: number;
}

/** `h` steps ahead with a 95 % interval; demand cannot go below zero. */
export function forecastAhead(fit: HwFit, h: number): ForecastPoint[] {
	const { level, trend, season } = fit.state;
	const { alpha, beta, gamma, mode } = fit.params;
	const m = season.length;
	const out: ForecastPoint[] = [];
	let varSum = 0;
	for (let k = 1; k <= h; k++) {
		const s = season[(k - 1) % m]!;
		const value = mode === 'additive' ? level + k * trend + s : (level + k * trend) * s;
		// c_j = α(1 + jβ) + γ·[j mod m = 0] for j = k − 1 (Hyndman et al. 2008, class 1).
		const j = k - 1;
		if (j > 0) {
			const c = alpha * (1 + j * beta) + (j % m === 0 ? gamma : 0);
			varSum += c * c;
		}
		const half = 1.96 * fit.sigma * Math.sqrt(1 + varSum);
		out.push({
			value: Math.max(0, value),
			lower: Math.max(0, value - half),
			upper: Math.max(0, value + half)
		});
	}
	return out;
}

/** Mean absolute percentage error over the periods with non-zero actuals (null when none). */
export function mape(actual: readonly number[], predicted: readonly number[]): number | null {
	let sum = 0;
	let n = 0;
	actual.forEach((a, i) => {
		if (a !== 0 && predicted[i] !== undefined) {
			sum += Math.abs((a - predicted[i]!) / a);
			n++;
		}
	});
	return n === 0 ? null : (sum / n) * 100;
}
