// Integrity bench: the relay with its integrity checks on (sync-server/integrity, the default)
// against the same relay with them off, same machine, same run, same load. Each relay runs in
// its own process (bench/relay/server-ours.ts); the clients (bench/integrity-load.ts) are stock
// y-websocket providers in this process writing what the app writes, so every rule runs:
// a warehouse clerk's movements, a buyer's standard costs and a sales clerk's selling prices
// with their audit entries.
//   live      W workspaces, 25 movements and 5 catalog edits a second each: writer → reader
//             latency p50/p99, relay CPU per write (all threads, and the event loop's alone)
//   catch-up  a device back from a long offline spell sends N movements as one sync step 2
//             (megabytes) while the live load goes on: how long until the relay has stored it,
//             the live p99 meanwhile, the relay's event-loop delay p99 and its CPU for it
// A round runs both relays one after the other (off/on, then on/off), each after a warm-up
// catch-up (its checking thread started); the verdict is the median over rounds of each
// round's on ÷ off, which a slow moment of this shared machine moves less than pooled figures.
// The relay runs compiled, as production runs it (bench/relay/compiled-relay.ts; BENCH_RELAY=tsx:
// from the sources under tsx).
//   npm run bench -- --only integrity [--quick]
//   BENCH_INTEGRITY_ROUNDS=5  BENCH_INTEGRITY_SECONDS=6  BENCH_INTEGRITY_CATCHUP=20000

import { performance } from 'node:perf_hooks';
import type { WebsocketProvider } from 'y-websocket';
import { z } from 'zod';
import {
	CLERK,
	Timing,
	connect,
	ledgerName,
	offlineLedger,
	openWorkspace,
	type Workspace,
	token
} from './integrity-load';
import {
	installStateVectorHandler,
	sendStateVectorQuery
} from '../src/lib/sync/state-vector-query';
import { benchRelayChild, type RelayChild } from './relay/compiled-relay';
import { forkChild, ProcStats } from './relay/rpc';
import { percentile } from './relay/stats';

type Mode = 'off' | 'on';
const TICKS_PER_SECOND = 25;
/** A catalog edit every 5th tick: 5 a second per workspace. */
const CATALOG_EVERY = 5;
/** Past the relay's threshold for checking off its thread (256 KB). */
const WARM_UP_MOVEMENTS = 2500;

interface Options {
	rounds: number;
	seconds: number;
	workspaces: number;
	catchUp: number;
}

interface RoundResult {
	latencies: number[];
	p50: number;
	p99: number;
	cpuUsPerWrite: number;
	mainCpuUsPerWrite: number;
	catchUpMs: number;
	catchUpLiveP99: number;
	catchUpEldP99: number;
	catchUpCpuMs: number;
	/** Large updates the relay checked on its own thread because its check thread failed. */
	fallbacks: number;
}

function until(check: () => boolean, what: string, timeoutMs = 120_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	return new Promise((resolve, reject) => {
		const tick = (): void => {
			if (check()) resolve();
			else if (Date.now() > deadline) reject(new Error(`gave up waiting for ${what}`));
			else setTimeout(tick, 5);
		};
		tick();
	});
}

/** Resolves once the relay answers message 100: everything sent before it is stored. */
function relayStored(provider: WebsocketProvider): Promise<void> {
	return new Promise((resolve, reject) => {
		installStateVectorHandler(provider, () => resolve(), reject);
		if (!sendStateVectorQuery(provider)) reject(new Error('not connected'));
	});
}

/** Sends `count` movements as one catch-up into `workspace`; resolves once they are stored. */
async function catchUp(origin: string, workspace: string, device: string, count: number) {
	const offline = offlineLedger(device, count);
	const provider = connect(
		origin,
		workspace,
		ledgerName(),
		await token(workspace, 'warehouse', CLERK),
		offline
	);
	await until(() => provider.synced, 'the offline device to connect');
	await relayStored(provider);
	return provider;
}

const sorted = (values: number[]): number[] => [...values].sort((a, b) => a - b);

/** A counter of the relay's GET /metrics. */
async function counter(port: number, name: string): Promise<number> {
	const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
	const line = text.split('\n').find((l) => l.startsWith(`${name} `));
	return line ? Number(line.slice(name.length + 1)) : NaN;
}

async function round(
	mode: Mode,
	options: Options,
	index: number,
	relay: RelayChild
): Promise<RoundResult> {
	const { child, ready } = await forkChild(
		relay.file,
		z.object({ port: z.number() }),
		{ BENCH_INTEGRITY_CHECKS: mode },
		relay.execArgv
	);
	const origin = `ws://127.0.0.1:${ready.port}`;
	const providers: WebsocketProvider[] = [];
	try {
		const timing = new Timing();
		const workspaces: Workspace[] = [];
		for (let w = 0; w < options.workspaces; w++) {
			const workspace = await openWorkspace(origin, `bench-${index}-${w}`, timing, CATALOG_EVERY);
			providers.push(...workspace.providers);
			workspaces.push(workspace);
		}
		await until(() => providers.every((p) => p.synced), 'clients to sync');
		for (const workspace of workspaces) workspace.seed();
		await until(() => workspaces.every((w) => w.seeded()), 'the catalog seed');

		let seq = 0;
		let stopped = false;
		const writing = (async () => {
			while (!stopped) {
				for (const workspace of workspaces) workspace.write(seq);
				seq++;
				await new Promise((r) => setTimeout(r, 1000 / TICKS_PER_SECOND));
			}
		})();

		timing.latencies = [];
		const before = await child.call('stats', null, ProcStats);
		const sentBefore = timing.sentAt.size;
		await new Promise((r) => setTimeout(r, options.seconds * 1000));
		const after = await child.call('stats', null, ProcStats);
		const writes = Math.max(1, timing.sentAt.size - sentBefore);
		const live = sorted(timing.latencies);

		// Catch-up: a device offline for weeks sends its movements as one sync step 2, right
		// after a smaller one elsewhere (the relay's checking thread up, as on a busy relay).
		providers.push(await catchUp(origin, `warm-${index}`, 'bench.warm', WARM_UP_MOVEMENTS));
		timing.latencies = [];
		await child.call('stats', null, ProcStats); // resets the event-loop histogram
		const cpuBefore = (await child.call('stats', null, ProcStats)).cpuUs;
		const started = performance.now();
		providers.push(await catchUp(origin, `bench-${index}-0`, 'bench.offline', options.catchUp));
		const catchUpMs = performance.now() - started;
		const during = await child.call('stats', null, ProcStats);
		const duringLive = sorted(timing.latencies);
		const fallbacks = await counter(ready.port, 'stockflow_integrity_check_fallbacks_total');
		stopped = true;
		await writing;
		return {
			latencies: live,
			p50: percentile(live, 50),
			p99: percentile(live, 99),
			cpuUsPerWrite: (after.cpuUs - before.cpuUs) / writes,
			mainCpuUsPerWrite: (after.mainThreadCpuUs - before.mainThreadCpuUs) / writes,
			catchUpMs,
			catchUpLiveP99: duringLive.length ? percentile(duringLive, 99) : NaN,
			catchUpEldP99: during.eldP99Ms,
			catchUpCpuMs: (during.cpuUs - cpuBefore) / 1000,
			fallbacks
		};
	} finally {
		// The docs too: each provider's awareness keeps an interval until its doc is destroyed,
		// which kept this process alive after the bench finished.
		for (const p of providers) {
			p.destroy();
			p.doc.destroy();
		}
		await child.stop();
	}
}

function table(rows: string[][]): string {
	const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
	return rows
		.map((r) =>
			r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')
		)
		.join('\n');
}

const median = (values: number[]): number => {
	const s = sorted(values);
	if (s.length === 0) return NaN;
	const mid = s.length >> 1;
	return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

type Figure = Exclude<keyof RoundResult, 'latencies' | 'fallbacks'>;
const FIGURES: Array<[Figure, string, string]> = [
	['p50', 'live latency p50', 'ms'],
	['p99', 'live latency p99', 'ms'],
	['cpuUsPerWrite', 'relay CPU per write, all threads', 'µs'],
	['mainCpuUsPerWrite', 'relay CPU per write, event loop', 'µs'],
	['catchUpMs', 'catch-up stored after', 'ms'],
	['catchUpLiveP99', 'live p99 during catch-up', 'ms'],
	['catchUpEldP99', 'relay event-loop delay p99 during catch-up', 'ms'],
	['catchUpCpuMs', 'relay CPU for the catch-up, all threads', 'ms']
];

export async function runIntegrityBench(quick: boolean): Promise<void> {
	const options: Options = {
		rounds: Number(process.env.BENCH_INTEGRITY_ROUNDS ?? (quick ? 2 : 5)),
		seconds: Number(process.env.BENCH_INTEGRITY_SECONDS ?? (quick ? 4 : 6)),
		workspaces: 4,
		catchUp: Number(process.env.BENCH_INTEGRITY_CATCHUP ?? (quick ? 5000 : 20000))
	};
	const relay = await benchRelayChild();
	console.log(`relay: ${relay.label}`);
	const pairs: Array<Record<Mode, RoundResult>> = [];
	try {
		for (let i = 0; i < options.rounds; i++) await roundPair(options, i, relay, pairs);
	} finally {
		relay.remove();
	}
	report(options, pairs);
}

/** Round `i`: both relays one after the other (off/on, then on/off in the next round). */
async function roundPair(
	options: Options,
	i: number,
	relay: RelayChild,
	pairs: Array<Record<Mode, RoundResult>>
): Promise<void> {
	const order: Mode[] = i % 2 === 0 ? ['off', 'on'] : ['on', 'off'];
	const pair: Partial<Record<Mode, RoundResult>> = {};
	for (const mode of order) pair[mode] = await round(mode, options, i, relay);
	const { on, off } = pair as Record<Mode, RoundResult>;
	pairs.push({ on, off });
	console.log(
		`round ${i + 1}: live p99 ${on.p99.toFixed(1)} / ${off.p99.toFixed(1)} ms (on / off) = ` +
			`${(on.p99 / off.p99).toFixed(2)}×, event-loop delay during catch-up ` +
			`${on.catchUpEldP99.toFixed(1)} / ${off.catchUpEldP99.toFixed(1)} ms` +
			(on.fallbacks > 0
				? `, check thread FAILED ${on.fallbacks}× (checked on the relay's thread)`
				: '')
	);
}

function report(options: Options, pairs: Array<Record<Mode, RoundResult>>): void {
	const pooled = (mode: Mode): number[] => sorted(pairs.flatMap((p) => p[mode].latencies));
	console.log(
		`\n${options.rounds} rounds × ${options.seconds} s, ${options.workspaces} workspaces at ` +
			`${TICKS_PER_SECOND} movements and ${TICKS_PER_SECOND / CATALOG_EVERY} catalog edits ` +
			`(cost or price + audit entry) a second each, catch-up of ${options.catchUp} movements; ` +
			`${pooled('on').length} / ${pooled('off').length} live latencies (on / off)\n`
	);
	const rows = [['', 'checks off', 'checks on', 'on ÷ off (median of rounds)', 'range']];
	for (const [figure, label, unit] of FIGURES) {
		const ratios = pairs.map((p) => p.on[figure] / p.off[figure]);
		rows.push([
			label,
			`${median(pairs.map((p) => p.off[figure])).toFixed(2)} ${unit}`,
			`${median(pairs.map((p) => p.on[figure])).toFixed(2)} ${unit}`,
			`${median(ratios).toFixed(2)}×`,
			`${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`
		]);
	}
	console.log(table(rows));
	const pooledRatio = percentile(pooled('on'), 99) / percentile(pooled('off'), 99);
	const ratio = median(pairs.map((p) => p.on.p99 / p.off.p99));
	console.log(
		`\nlive p99, median of the rounds' on ÷ off: ${ratio.toFixed(2)} (pooled: ${pooledRatio.toFixed(2)}) ` +
			`— budget 1.20: ${ratio <= 1.2 ? 'within' : 'OVER'}`
	);
}
