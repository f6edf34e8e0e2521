// Relay benchmark: our relay against the reference y-websocket server (@y/websocket-server),
// same load, same run, real y-websocket clients in separate worker processes on 127.0.0.1.
//   converge  N clients over D docs writing small movements; propagation latency writer→reader
//   join      a fresh client joins a doc of 10,000 / 100,000 movements
//   idle      1,000 rooms written once and left: what they cost once everyone is gone
// Every figure is printed as ours / reference (lower is better everywhere).
//   npm run bench -- --only relay [--quick]
//   BENCH_CASES=10x1,200x20     only these converge cases (N x docs); add `join` for the join
//                               scenario (BENCH_CASES=join: join only); no idle
//   BENCH_SECONDS=30            seconds per converge case (default 10, 4 with --quick): at N=2
//                               10 s is 200 latencies, so its p99 is the second slowest
//   BENCH_STORE=memory          ours on the in-memory store: isolates the cost of the fsync
//   BENCH_SQLITE_SYNC=full      ours with another STOCKFLOW_SQLITE_SYNC (full, split, normal)
//   BENCH_CPU_PROF=DIR          both relays run with --cpu-prof, one .cpuprofile each in DIR
//   BENCH_RELAY_NODE_ARGS='--trace-gc'  extra node flags for both relays (space-separated)
//   BENCH_REPEAT=3              run each converge case 3 times (which relay goes first alternates):
//                               latency percentiles over all runs' latencies, other figures'
//                               medians, and each latency ratio's 90% interval (runs resampled)
//   BENCH_ORDER=reference       run the reference (or `ours`) first in every case; by default
//                               the order alternates from case to case: the client workers are
//                               shared, and the relay run first in a case used to measure worse

import { cpus, loadavg } from 'node:os';
import { z } from 'zod';
import { issueToken } from '../sync-server/auth';
import { forkChild, ProcStats, type Child } from './relay/rpc';
import { seedFile } from './relay/seed';
import { BENCH_SECRET, nowMs, type Target } from './relay/shared';
import {
	histogram,
	percentile,
	pooledPercentile,
	ratioInterval,
	renderTable,
	type Row
} from './relay/stats';

type ServerKind = 'ours' | 'reference';
const SERVERS: ServerKind[] = ['ours', 'reference'];
/**
 * Which relay runs first in the i-th case. The client workers are shared, and whichever relay
 * runs first in a case used to measure higher client CPU and latency; by default the order
 * alternates from case to case (and the workers collect garbage before each run).
 */
function orderNote(): string {
	const forced = process.env.BENCH_ORDER;
	return forced ? `${forced} measured first in each case` : 'which relay runs first alternates';
}

function serverOrder(i: number): ServerKind[] {
	const forced = process.env.BENCH_ORDER;
	if (forced === 'ours') return SERVERS;
	if (forced === 'reference') return [...SERVERS].reverse();
	return i % 2 === 0 ? SERVERS : [...SERVERS].reverse();
}
const WORKERS = 4;

/**
 * Writes per client per second: 100 a second in all, at most 10 per client, and at most 5,000
 * deliveries a second (each write reaches the N/D - 1 other clients of its doc). At N=2 a rate
 * a clerk could keep (2/s) gave 80 latencies in 20 s, whose p99 is the slowest one or two: one
 * stall decided the figure; 10/s gives 400, and N=10 9,000. At N=200 over one doc, 100 writes a
 * second are 20,000 deliveries: the four client processes fell seconds behind (loop delay
 * 1.5 s, p99 4 s for either relay), so that case measured the clients, not the relay.
 */
function writeRate(n: number, d: number): number {
	const rate = Math.min(10, 100 / n, 5000 / (n * Math.max(1, n / d - 1)));
	return Number(rate.toPrecision(2));
}
/** Our relay unloads rooms this long after the last client left (bench setting; default 30 s). */
const BENCH_GRACE_MS = 2000;

interface Server {
	kind: ServerKind;
	child: Child;
	port: number;
}

async function startServer(kind: ServerKind, env: Record<string, string> = {}): Promise<Server> {
	const file = kind === 'ours' ? './server-ours.ts' : './server-reference.ts';
	const profileDir = process.env.BENCH_CPU_PROF;
	const execArgv = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
	execArgv.push(...(process.env.BENCH_RELAY_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? []));
	const { child, ready } = await forkChild(file, z.object({ port: z.number() }), env, execArgv);
	return { kind, child, port: ready.port };
}

function stats(server: Server, gc = false): Promise<ProcStats> {
	return server.child.call('stats', gc ? 'gc' : null, ProcStats);
}

const tokens = new Map<string, string>();
async function target(server: Server, workspace: string, doc: string): Promise<Target> {
	let token = tokens.get(workspace);
	if (!token) {
		token = await issueToken({
			secret: BENCH_SECRET,
			workspace,
			role: 'warehouse',
			user: 'bench',
			ttl: '2h'
		});
		tokens.set(workspace, token);
	}
	return { serverUrl: `ws://127.0.0.1:${server.port}/sync/${workspace}`, room: doc, token };
}

/** `ledger-YYYY-MM` names, valid docs for our relay; the reference takes any path. */
function docName(i: number): string {
	const month = 1 + (i % 12);
	return `ledger-${2020 + Math.floor(i / 12)}-${String(month).padStart(2, '0')}`;
}

const RunResult = z.object({
	latencies: z.array(z.number()),
	writes: z.number(),
	cpuUs: z.number(),
	wallMs: z.number(),
	eldP99Ms: z.number(),
	eldMaxMs: z.number()
});
const Empty = z.object({}).passthrough();

interface ConvergeFigures {
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

async function converge(
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
function combineRuns(runs: readonly ConvergeFigures[]): ConvergeFigures | undefined {
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

interface JoinFigures {
	firstMs: number;
	meanMs: number;
	/** Mean time until the message that completed the doc had fully arrived at the client. */
	arrivedMs: number;
	/** Mean time the client then took to decode and apply it (the rest of meanMs). */
	applyMs: number;
	cpuMsPerJoin: number;
	rss: number;
	heap: number;
}

async function join(
	workers: Child[],
	kind: ServerKind,
	size: number,
	joins: number
): Promise<JoinFigures> {
	const [seeder, joiner] = workers;
	if (!seeder || !joiner) throw new Error('need two workers');
	const server = await startServer(kind);
	try {
		const t = await target(server, 'join', docName(0));
		await seeder.call(
			'seed',
			{ target: t, file: seedFile(size), expected: size, confirm: kind === 'ours' },
			Empty
		);
		const Ms = z.object({ ms: z.number(), arrivedMs: z.number(), applyMs: z.number() });
		// The first join: the relay has the seed (ours confirmed it) but no cached encoding yet.
		const first = await joiner.call('join', { target: t, expected: size }, Ms);
		// Collect the seed's and the first join's garbage now, not inside the measured joins.
		const before = await stats(server, true);
		const times: z.infer<typeof Ms>[] = [];
		for (let i = 0; i < joins; i++)
			times.push(await joiner.call('join', { target: t, expected: size }, Ms));
		const mean = (pick: (m: z.infer<typeof Ms>) => number): number =>
			times.reduce((sum, m) => sum + pick(m), 0) / times.length;
		const after = await stats(server);
		const mem = await stats(server, true);
		await seeder.call('reset', null, Empty);
		return {
			firstMs: first.ms,
			meanMs: mean((m) => m.ms),
			arrivedMs: mean((m) => m.arrivedMs),
			applyMs: mean((m) => m.applyMs),
			cpuMsPerJoin: (after.cpuUs - before.cpuUs) / 1000 / joins,
			rss: mem.rss,
			heap: mem.heapUsed
		};
	} finally {
		await server.child.stop();
	}
}

interface IdleFigures {
	rooms: number;
	heapGrowth: number;
	rssGrowth: number;
}

async function idle(workers: Child[], kind: ServerKind, rooms: number): Promise<IdleFigures> {
	const server = await startServer(kind, { BENCH_GRACE_MS: String(BENCH_GRACE_MS) });
	try {
		const base = await stats(server, true);
		const targets = await Promise.all(
			Array.from({ length: rooms }, (_, i) => target(server, `idle-${i}`, docName(0)))
		);
		await Promise.all(
			workers.map((worker, w) =>
				worker.call(
					'idle',
					{
						targets: targets.filter((_, i) => i % workers.length === w),
						entries: 10,
						parallel: 10
					},
					Empty
				)
			)
		);
		await new Promise((resolve) => setTimeout(resolve, BENCH_GRACE_MS + 2000));
		const end = await stats(server, true);
		return {
			rooms: end.rooms,
			heapGrowth: end.heapUsed - base.heapUsed,
			rssGrowth: end.rss - base.rss
		};
	} finally {
		await server.child.stop();
	}
}

export async function runRelayBench(options: { quick: boolean }): Promise<void> {
	const quick = options.quick;
	const load0 = loadavg()[0] ?? 0;
	const convergeCases: [number, number][] = quick
		? [
				[2, 1],
				[50, 1],
				[200, 20]
			]
		: [
				[2, 1],
				[10, 1],
				[10, 5],
				[50, 1],
				[50, 20],
				[200, 1],
				[200, 20]
			];
	// BENCH_CASES=10x1,200x20 runs only those converge cases; `join` in the list runs the join
	// scenario too. Idle runs only without BENCH_CASES.
	const listed = process.env.BENCH_CASES?.split(',').map((c) => c.trim());
	const picked = listed
		?.filter((c) => /^\d+x\d+$/.test(c))
		.map((c) => c.split('x').map(Number) as [number, number]);
	if (picked) convergeCases.splice(0, convergeCases.length, ...picked);
	const joinPicked = !listed || listed.includes('join');
	const repeats = Number(process.env.BENCH_REPEAT ?? 1);
	if (!Number.isInteger(repeats) || repeats < 1) throw new Error('BENCH_REPEAT must be 1 or more');
	const durationMs = Number(process.env.BENCH_SECONDS ?? (quick ? 4 : 10)) * 1000;
	if (!(durationMs > 0)) throw new Error('BENCH_SECONDS must be a positive number');
	const joinSizes = !joinPicked ? [] : quick ? [10_000] : [10_000, 100_000];
	const idleRooms = listed ? 0 : quick ? 300 : 1000;

	for (const size of joinSizes) seedFile(size);
	const workers = await Promise.all(
		Array.from(
			{ length: WORKERS },
			async () => (await forkChild('./client-worker.ts', z.object({ pid: z.number() }))).child
		)
	);
	const rows: Row[] = [];
	const notes: string[] = [];
	const intervals: string[] = [];
	try {
		let scenario = 0;
		for (const [index, [n, d]] of convergeCases.entries()) {
			const runs: Record<ServerKind, ConvergeFigures[]> = { ours: [], reference: [] };
			for (let repeat = 0; repeat < repeats; repeat++) {
				for (const kind of serverOrder(index + repeat)) {
					process.stderr.write(`converge N=${n} D=${d} ${kind}…\n`);
					runs[kind].push(await converge(workers, kind, n, d, durationMs, scenario++));
				}
			}
			const o = combineRuns(runs.ours);
			const r = combineRuns(runs.reference);
			if (!o || !r) continue;
			const name = `converge N=${n} D=${d} (${writeRate(n, d)}/s each)`;
			if (repeats > 1) {
				const interval = (p: number): string => {
					const { ratio, low, high } = ratioInterval(
						runs.ours.map((f) => f.latencies),
						runs.reference.map((f) => f.latencies),
						p
					);
					return `p${p} ${ratio.toFixed(2)} (${low.toFixed(2)}–${high.toFixed(2)})`;
				};
				const perRun = runs.ours
					.map((f, i) => (f.p99 / (runs.reference[i]?.p99 ?? NaN)).toFixed(2))
					.join(' ');
				intervals.push(
					`${name}: ours/ref ${interval(50)}, ${interval(99)}; single runs' p99 ratios ${perRun}`
				);
			}
			rows.push(
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
			);
			if (o.delivered < 0.999 || r.delivered < 0.999)
				notes.push(
					`${name}: delivered ours ${(o.delivered * 100).toFixed(1)}%, reference ${(r.delivered * 100).toFixed(1)}%`
				);
		}
		for (const size of joinSizes) {
			const figures: Partial<Record<ServerKind, JoinFigures>> = {};
			for (const kind of SERVERS) {
				process.stderr.write(`join ${size} ${kind}…\n`);
				figures[kind] = await join(workers, kind, size, 5);
			}
			const o = figures.ours;
			const r = figures.reference;
			if (!o || !r) continue;
			const name = `join ${size.toLocaleString('en')} movements`;
			const floor = await workers[1]?.call(
				'apply',
				{ file: seedFile(size), times: 5 },
				z.object({ ms: z.number() })
			);
			if (floor)
				notes.push(
					`${name}: the client alone needs ${floor.ms.toFixed(0)} ms to apply this state from memory ` +
						`(${(floor.ms / r.meanMs).toFixed(2)}× the reference's time to synced): ` +
						`no relay can go below that, and ours adds ${(o.meanMs - floor.ms).toFixed(0)} ms ` +
						`to it where the reference adds ${(r.meanMs - floor.ms).toFixed(0)} ms ` +
						`(${((o.meanMs - floor.ms) / (r.meanMs - floor.ms)).toFixed(2)}×)`
				);
			rows.push(
				{
					scenario: name,
					metric: 'time to synced (first)',
					unit: 'ms',
					ours: o.firstMs,
					reference: r.firstMs
				},
				{
					scenario: name,
					metric: 'time to synced (mean of 5)',
					unit: 'ms',
					ours: o.meanMs,
					reference: r.meanMs
				},
				{
					scenario: name,
					metric: '  of which state arrived',
					unit: 'ms',
					ours: o.arrivedMs,
					reference: r.arrivedMs
				},
				{
					scenario: name,
					metric: '  of which client apply',
					unit: 'ms',
					ours: o.applyMs,
					reference: r.applyMs
				},
				{
					scenario: name,
					metric: 'relay CPU per join',
					unit: 'ms',
					ours: o.cpuMsPerJoin,
					reference: r.cpuMsPerJoin
				},
				{ scenario: name, metric: 'relay RSS', unit: 'MiB', ours: o.rss, reference: r.rss },
				{ scenario: name, metric: 'relay heap', unit: 'MiB', ours: o.heap, reference: r.heap }
			);
		}
		const idleFigures: Partial<Record<ServerKind, IdleFigures>> = {};
		for (const kind of idleRooms > 0 ? SERVERS : []) {
			process.stderr.write(`idle ${idleRooms} rooms ${kind}…\n`);
			idleFigures[kind] = await idle(workers, kind, idleRooms);
		}
		const o = idleFigures.ours;
		const r = idleFigures.reference;
		if (o && r) {
			const name = `${idleRooms} idle rooms`;
			rows.push(
				{
					scenario: name,
					metric: 'rooms still loaded',
					unit: 'n',
					ours: o.rooms,
					reference: r.rooms
				},
				{
					scenario: name,
					metric: 'heap growth',
					unit: 'MiB',
					ours: o.heapGrowth,
					reference: r.heapGrowth
				},
				{
					scenario: name,
					metric: 'RSS growth',
					unit: 'MiB',
					ours: o.rssGrowth,
					reference: r.rssGrowth
				}
			);
		}
	} finally {
		await Promise.all(workers.map((w) => w.stop()));
	}
	console.log(renderTable(rows));
	console.log(
		`\nours = Stockflow relay (SQLite, group commit, STOCKFLOW_SQLITE_SYNC=${process.env.BENCH_SQLITE_SYNC ?? 'split (default)'}${process.env.BENCH_STORE === 'memory' ? ', BENCH_STORE=memory' : ''}; idle rooms unload after ${BENCH_GRACE_MS} ms in this bench, 30 s by default);` +
			'\njoin "state arrived" = connect → the message that completed the doc fully received by the client; "client apply" = its decode and apply (mean of 5).' +
			'\nreference = @y/websocket-server setupWSConnection, in memory (YPERSISTENCE unset).' +
			`\n${WORKERS} client worker processes; writes per client per second = min(10, 100/N, 5000/(N·(N/D−1))); ${repeats > 1 ? `${repeats} runs per case: latency percentiles over all runs' latencies, max the largest, other figures the median; ` : ''}` +
			`${durationMs / 1000} s per converge scenario, ${orderNote()}; ` +
			'latency = writer clock → reader observer.'
	);
	if (intervals.length > 0) {
		console.log(
			'\nlatency ratios with 90% intervals (whole runs resampled 2,000 times: an interval that' +
				' holds 1 is no measurable difference):'
		);
		for (const line of intervals) console.log(`  ${line}`);
	}
	for (const note of notes) console.log(`note: ${note}`);
	console.log(
		`load average (1 min) at start ${load0.toFixed(2)}, at end ${(loadavg()[0] ?? 0).toFixed(2)} on ${cpus().length} CPUs: ` +
			'other work on the machine shows up in both columns, ratios are the figure to read.'
	);
}
