// The converge scenario: N clients over D docs writing small movements at a fixed rate, each
// write's propagation latency writer → reader, and the relay's and the clients' costs meanwhile.

import { z } from 'zod';
import type { Child } from './rpc';
import { nowMs, type Target } from './shared';
import { docName, Empty, startServer, stats, target, type ServerKind } from './servers';
import { histogram, percentile, pooledPercentile, type Row } from './stats';

/**
 * Writes per client per second: 100 a second in all, at most 10 per client, and at most 5,000
 * deliveries a second (each write reaches the N/D - 1 other clients of its doc). At N=2 a rate
 * a clerk could keep (2/s) gave 80 latencies in 20 s, whose p99 is the slowest one or two: one
 * stall decided the figure; 10/s gives 400, and N=10 9,000. At N=200 over one doc, 100 writes a
 * second are 20,000 deliveries: the four client processes fell seconds behind (loop delay
 * 1.5 s, p99 4 s for either relay), so that case measured the clients, not the relay.
 */
export function writeRate(n: number, d: number): number {
	const rate = Math.min(10, 100 / n, 5000 / (n * Math.max(1, n / d - 1)));
	return Number(rate.toPrecision(2));
}

const RunResult = z.object({
	latencies: z.array(z.number()),
	writes: z.number(),
	cpuUs: z.number(),
	wallMs: z.number(),
	eldP99Ms: z.number(),
	eldMaxMs: z.number()
});

export interface ConvergeFigures {
	p50: number;
	p99: number;
	/** The slowest delivery: a stall of the relay's thread (compaction, GC) shows here. */
	max: number;
	delivered: number;
	relayCpu: number;
	/** The relay's main thread only (its event loop), without helper threads. */
	relayThreadCpu: number;
	relayRss: number;
	relayEldP99: number;
	clientCpuMax: number;
	clientEldP99: number;
	/** This run's latencies (stats.ts bins), pooled across repeated runs. */
	latencies: Uint32Array;
}

export async function converge(
	workers: Child[],
	kind: ServerKind,
	n: number,
	d: number,
	durationMs: number,
	scenario: number
): Promise<ConvergeFigures> {
	const server = await startServer(kind);
	try {
		const workspace = `conv-${scenario}`;
		const perWorker = await Promise.all(
			workers.map(async (_, w) => {
				const targets: Target[] = [];
				for (let i = w; i < n; i += workers.length)
					targets.push(await target(server, workspace, docName(i % d)));
				return targets;
			})
		);
		await Promise.all(
			workers.map((worker, w) =>
				(perWorker[w]?.length ?? 0) > 0
					? worker.call('connect', { targets: perWorker[w], firstIndex: w * 100_000 }, Empty)
					: Promise.resolve({})
			)
		);
		const writesPerSecond = writeRate(n, d);
		const before = await stats(server);
		const t0 = nowMs();
		const results = await Promise.all(
			workers.map((worker, w) =>
				(perWorker[w]?.length ?? 0) > 0
					? worker.call('run', { durationMs, writesPerSecond, drainMs: 1000 }, RunResult)
					: Promise.resolve(null)
			)
		);
		const wall = nowMs() - t0;
		const after = await stats(server);
		await Promise.all(workers.map((worker) => worker.call('reset', null, Empty)));

		const ran = results.filter((r): r is z.infer<typeof RunResult> => r !== null);
		const latencies = ran.flatMap((r) => r.latencies).sort((a, b) => a - b);
		const writes = ran.reduce((sum, r) => sum + r.writes, 0);
		// Each write should reach every other client of its doc.
		const expected = writes * (n / d - 1);
		return {
			p50: percentile(latencies, 50),
			p99: percentile(latencies, 99),
			max: latencies.at(-1) ?? NaN,
			delivered: expected > 0 ? latencies.length / expected : NaN,
			relayCpu: ((after.cpuUs - before.cpuUs) / 1000 / wall) * 100,
			relayThreadCpu: ((after.mainThreadCpuUs - before.mainThreadCpuUs) / 1000 / wall) * 100,
			relayRss: after.rss,
			relayEldP99: after.eldP99Ms,
			clientCpuMax: Math.max(...ran.map((r) => (r.cpuUs / 1000 / r.wallMs) * 100)),
			clientEldP99: Math.max(...ran.map((r) => r.eldP99Ms)),
			latencies: histogram(latencies)
		};
	} finally {
		await server.child.stop();
	}
}

/**
 * Figures over repeated runs (BENCH_REPEAT): latency percentiles of all runs' latencies pooled
 * (at N=2 one run's p99 is its fourth slowest delivery), every other figure's median. A tail
 * figure of one run on a shared 2-core machine swings by a third between identical runs, in
 * either relay.
 */
export function combineRuns(runs: readonly ConvergeFigures[]): ConvergeFigures | undefined {
	const first = runs[0];
	if (!first) return undefined;
	const median = (pick: (f: ConvergeFigures) => number): number => {
		const values = runs.map(pick).sort((a, b) => a - b);
		const mid = values.length / 2;
		return Number.isInteger(mid)
			? ((values[mid - 1] ?? NaN) + (values[mid] ?? NaN)) / 2
			: (values[Math.floor(mid)] ?? NaN);
	};
	const histograms = runs.map((f) => f.latencies);
	return {
		p50: pooledPercentile(histograms, 50),
		p99: pooledPercentile(histograms, 99),
		max: Math.max(...runs.map((f) => f.max)),
		delivered: median((f) => f.delivered),
		relayCpu: median((f) => f.relayCpu),
		relayThreadCpu: median((f) => f.relayThreadCpu),
		relayRss: median((f) => f.relayRss),
		relayEldP99: median((f) => f.relayEldP99),
		clientCpuMax: median((f) => f.clientCpuMax),
		clientEldP99: median((f) => f.clientEldP99),
		latencies: first.latencies
	};
}

/** The converge table rows, ours against the reference. */
export function convergeRows(name: string, o: ConvergeFigures, r: ConvergeFigures): Row[] {
	return [
		{ scenario: name, metric: 'propagation p50', unit: 'ms', ours: o.p50, reference: r.p50 },
		{ scenario: name, metric: 'propagation p99', unit: 'ms', ours: o.p99, reference: r.p99 },
		{ scenario: name, metric: 'propagation max', unit: 'ms', ours: o.max, reference: r.max },
		{ scenario: name, metric: 'relay CPU', unit: '%', ours: o.relayCpu, reference: r.relayCpu },
		{
			scenario: name,
			metric: '  of which main thread',
			unit: '%',
			ours: o.relayThreadCpu,
			reference: r.relayThreadCpu
		},
		{
			scenario: name,
			metric: 'relay RSS',
			unit: 'MiB',
			ours: o.relayRss,
			reference: r.relayRss
		},
		{
			scenario: name,
			metric: 'relay loop delay p99',
			unit: 'ms',
			ours: o.relayEldP99,
			reference: r.relayEldP99
		},
		{
			scenario: name,
			metric: 'client CPU (max worker)',
			unit: '%',
			ours: o.clientCpuMax,
			reference: r.clientCpuMax
		},
		{
			scenario: name,
			metric: 'client loop delay p99',
			unit: 'ms',
			ours: o.clientEldP99,
			reference: r.clientEldP99
		}
	];
}
