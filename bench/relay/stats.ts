// Percentiles and the ours / reference table.

export function percentile(sorted: readonly number[], p: number): number {
	if (sorted.length === 0) return NaN;
	const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[i] ?? NaN;
}

export interface Row {
	scenario: string;
	metric: string;
	ours: number;
	reference: number;
	unit: string;
}

function fmt(value: number, unit: string): string {
	if (!Number.isFinite(value)) return '—';
	if (unit === 'MiB') return (value / 1024 / 1024).toFixed(1);
	if (Math.abs(value) >= 100) return value.toFixed(0);
	if (Math.abs(value) >= 10) return value.toFixed(1);
	return value.toFixed(2);
}

/** Lower is better for every metric in the table, so a ratio below 1 means ours wins. */
export function renderTable(rows: readonly Row[]): string {
	const header = ['scenario', 'metric', 'unit', 'ours', 'reference', 'ours/ref'];
	const body = rows.map((r) => [
		r.scenario,
		r.metric,
		r.unit,
		fmt(r.ours, r.unit),
		fmt(r.reference, r.unit),
		r.reference > 0 && Number.isFinite(r.ours / r.reference)
			? (r.ours / r.reference).toFixed(2)
			: '—'
	]);
	const widths = header.map((h, i) =>
		Math.max(h.length, ...body.map((row) => (row[i] ?? '').length))
	);
	const line = (cells: string[]): string =>
		cells
			.map((c, i) => (i >= 3 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
			.join('  ');
	return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/**
 * Latencies counted into shared log-spaced bins (1.2% wide, 20 µs to 100 s), so runs can be
 * pooled and resampled cheaply: a bin's upper edge stands for its values.
 */
const BIN_MIN_MS = 0.02;
const BIN_GROWTH = 1.012;
const BINS = Math.ceil(Math.log(100_000 / BIN_MIN_MS) / Math.log(BIN_GROWTH)) + 1;

export function histogram(latencies: readonly number[]): Uint32Array {
	const counts = new Uint32Array(BINS);
	for (const ms of latencies) {
		const bin = ms <= BIN_MIN_MS ? 0 : Math.ceil(Math.log(ms / BIN_MIN_MS) / Math.log(BIN_GROWTH));
		const at = Math.min(BINS - 1, bin);
		counts[at] = (counts[at] ?? 0) + 1;
	}
	return counts;
}

/** The p-th percentile of the runs `pick` chooses (`count` draws), their bins summed. */
function pooled(
	runs: readonly Uint32Array[],
	p: number,
	count: number,
	pick: (i: number) => number
): number {
	const sum = new Uint32Array(BINS);
	let total = 0;
	for (let i = 0; i < count; i++) {
		const run = runs[pick(i)];
		if (!run) continue;
		for (let bin = 0; bin < BINS; bin++) {
			const n = run[bin] ?? 0;
			sum[bin] = (sum[bin] ?? 0) + n;
			total += n;
		}
	}
	const rank = Math.max(1, Math.ceil((p / 100) * total));
	let seen = 0;
	for (let bin = 0; bin < BINS; bin++) {
		seen += sum[bin] ?? 0;
		if (seen >= rank) return BIN_MIN_MS * BIN_GROWTH ** bin;
	}
	return NaN;
}

/** The p-th percentile of several runs' latencies taken together. */
export function pooledPercentile(runs: readonly Uint32Array[], p: number): number {
	return pooled(runs, p, runs.length, (i) => i);
}

/** Deterministic PRNG (mulberry32): the same runs print the same interval. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * The pooled p-th percentile of `ours` over `reference`, and its 90% interval when whole runs
 * are resampled (a cluster bootstrap): latencies within one run are not independent — one
 * stall delays a burst of them — so runs, not single latencies, are the unit of chance. With
 * one run per side the interval is the point itself.
 */
export function ratioInterval(
	ours: readonly Uint32Array[],
	reference: readonly Uint32Array[],
	p: number,
	iterations = 2000
): { ratio: number; low: number; high: number } {
	const ratio = pooledPercentile(ours, p) / pooledPercentile(reference, p);
	if (ours.length < 2 || reference.length < 2) return { ratio, low: ratio, high: ratio };
	const next = seededRandom(0x5eed);
	const draws: number[] = [];
	for (let b = 0; b < iterations; b++) {
		const o = pooled(ours, p, ours.length, () => Math.floor(next() * ours.length));
		const r = pooled(reference, p, reference.length, () => Math.floor(next() * reference.length));
		draws.push(o / r);
	}
	draws.sort((a, b) => a - b);
	return { ratio, low: percentile(draws, 5), high: percentile(draws, 95) };
}
