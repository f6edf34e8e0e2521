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
// The scenarios are in relay/converge.ts, relay/join.ts and relay/idle.ts, the relays under
// test in relay/servers.ts.

import { cpus, loadavg } from 'node:os';
import { z } from 'zod';
import {
	combineRuns,
	converge,
	convergeRows,
	writeRate,
	type ConvergeFigures
} from './relay/converge';
import { idle, idleRows, type IdleFigures } from './relay/idle';
import { join, joinRows, type JoinFigures } from './relay/join';
import { forkChild } from './relay/rpc';
import { seedFile } from './relay/seed';
import { BENCH_GRACE_MS, orderNote, serverOrder, SERVERS, type ServerKind } from './relay/servers';
import { ratioInterval, renderTable, type Row } from './relay/stats';

const WORKERS = 4;

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
			rows.push(...convergeRows(name, o, r));
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
			rows.push(...joinRows(name, o, r));
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
			rows.push(...idleRows(name, o, r));
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
