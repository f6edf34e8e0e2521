// A Prometheus histogram with fixed buckets, in seconds: what /metrics shows for latencies
// (store appends, fan-out between relays) so an operator can alert on a quantile.

/** Upper bounds in milliseconds: 1 ms … 10 s. */
const BUCKETS_MS = [1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 10_000] as const;

export interface Histogram {
	/** Records one duration in milliseconds (negative clamps to 0). */
	observe(ms: number): void;
	readonly count: number;
	/** Sum of the observed durations in milliseconds. */
	readonly sumMs: number;
	/** The histogram as Prometheus text under `name` (a `_seconds` name). */
	render(name: string, help: string): string;
}

export function createHistogram(): Histogram {
	const counts: number[] = BUCKETS_MS.map(() => 0);
	let count = 0;
	let sumMs = 0;
	return {
		observe(ms) {
			const value = Math.max(0, ms);
			count += 1;
			sumMs += value;
			const i = BUCKETS_MS.findIndex((bound) => value <= bound);
			if (i >= 0) counts[i] = (counts[i] ?? 0) + 1;
		},
		get count() {
			return count;
		},
		get sumMs() {
			return sumMs;
		},
		render(name, help) {
			const lines = [`# HELP ${name} ${help}`, `# TYPE ${name} histogram`];
			let cumulative = 0;
			BUCKETS_MS.forEach((bound, i) => {
				cumulative += counts[i] ?? 0;
				lines.push(`${name}_bucket{le="${bound / 1000}"} ${cumulative}`);
			});
			lines.push(`${name}_bucket{le="+Inf"} ${count}`);
			lines.push(`${name}_sum ${sumMs / 1000}`);
			lines.push(`${name}_count ${count}`);
			return lines.join('\n');
		}
	};
}
