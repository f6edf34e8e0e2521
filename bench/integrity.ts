// Integrity bench: the relay with its integrity checks on (sync-server/integrity, the default)
// against the same relay with them off, same machine, same run, same load. Each relay runs in
// its own process (bench/relay/server-ours.ts); the clients are stock y-websocket providers in
// this process writing domain-valid movements as a warehouse clerk (so every check runs: schema,
// authorship, rights, append-only).
//   live      W writers and W readers on W ledger docs, 25 movements a second each: writer →
//             reader latency p50/p99 and relay CPU per update
//   catch-up  a device back from a long offline spell sends N movements as one sync step 2
//             (megabytes) while the live load goes on: how long until the relay has stored it,
//             the live p99 meanwhile, and the relay's event-loop delay p99
// The order alternates by round (off/on, then on/off). Ratios are on ÷ off; the issue's budget
// is p99 within 1.2× of the relay without checks.
//   npm run bench -- --only integrity [--quick]
//   BENCH_INTEGRITY_ROUNDS=3  BENCH_INTEGRITY_SECONDS=8  BENCH_INTEGRITY_CATCHUP=20000

import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { z } from 'zod';
import { issueToken } from '../sync-server/auth';
import { createHlc } from '../src/lib/domain/clock/hlc';
import type { Movement } from '../src/lib/domain/ledger/movement';
import {
	installStateVectorHandler,
	sendStateVectorQuery
} from '../src/lib/sync/state-vector-query';
import { forkChild, ProcStats } from './relay/rpc';
import { BENCH_SECRET } from './relay/shared';
import { percentile } from './relay/stats';

type Mode = 'off' | 'on';
const WebSocketPolyfill = WebSocket as unknown as typeof globalThis.WebSocket;
const USER = 'bench-clerk';
const WRITES_PER_SECOND = 25;

interface Options {
	rounds: number;
	seconds: number;
	writers: number;
	catchUp: number;
}

interface RoundResult {
	mode: Mode;
	latencies: number[];
	cpuUsPerUpdate: number;
	catchUpMs: number;
	catchUpLiveP99: number;
	catchUpEldP99: number;
}

function ledgerName(): string {
	return `ledger-${new Date().toISOString().slice(0, 7)}`;
}

function movementFactory(device: string): (seq: number) => Movement {
	const clock = createHlc(device, Date.now);
	return (seq) => ({
		id: `${device}-${seq}`,
		at: clock.now(),
		itemId: `item-${seq % 500}`,
		warehouseId: 'wh-1',
		qty: 1 + (seq % 9),
		unitCostCents: 1250,
		reason: 'receipt',
		device,
		user: USER
	});
}

function connect(origin: string, workspace: string, token: string): WebsocketProvider {
	return new WebsocketProvider(`${origin}/sync/${workspace}`, ledgerName(), new Y.Doc(), {
		params: { token },
		WebSocketPolyfill,
		disableBc: true
	});
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

async function round(mode: Mode, options: Options, index: number): Promise<RoundResult> {
	const { child, ready } = await forkChild('server-ours.ts', z.object({ port: z.number() }), {
		BENCH_INTEGRITY_CHECKS: mode
	});
	const origin = `ws://127.0.0.1:${ready.port}`;
	const providers: WebsocketProvider[] = [];
	try {
		const sentAt = new Map<string, number>();
		let latencies: number[] = [];
		const writers: Array<{ provider: WebsocketProvider; next: (seq: number) => Movement }> = [];
		for (let w = 0; w < options.writers; w++) {
			const workspace = `bench-${index}-${w}`;
			const token = await issueToken({
				secret: BENCH_SECRET,
				workspace,
				role: 'warehouse',
				user: USER,
				ttl: '1h'
			});
			const writer = connect(origin, workspace, token);
			const reader = connect(origin, workspace, token);
			providers.push(writer, reader);
			reader.doc.getArray<Movement>('movements').observe((event) => {
				const at = performance.now();
				for (const item of event.changes.added)
					for (const value of item.content.getContent() as Movement[]) {
						const sent = sentAt.get(value.id);
						if (sent !== undefined) latencies.push(at - sent);
					}
			});
			writers.push({ provider: writer, next: movementFactory(`bench.${w}`) });
		}
		await until(() => providers.every((p) => p.synced), 'clients to sync');

		let seq = 0;
		let stopped = false;
		const writing = (async () => {
			const intervalMs = 1000 / WRITES_PER_SECOND;
			while (!stopped) {
				for (const { provider, next } of writers) {
					const movement = next(seq);
					sentAt.set(movement.id, performance.now());
					provider.doc.getArray<Movement>('movements').push([movement]);
				}
				seq++;
				await new Promise((r) => setTimeout(r, intervalMs));
			}
		})();

		const before = await child.call('stats', null, ProcStats);
		const writtenBefore = seq;
		await new Promise((r) => setTimeout(r, options.seconds * 1000));
		const after = await child.call('stats', null, ProcStats);
		const updates = (seq - writtenBefore) * writers.length;
		const live = latencies;

		// Catch-up: a device offline for weeks sends its movements as one sync step 2.
		latencies = [];
		const workspace = `bench-${index}-0`;
		const token = await issueToken({
			secret: BENCH_SECRET,
			workspace,
			role: 'warehouse',
			user: USER,
			ttl: '1h'
		});
		const offline = new Y.Doc();
		const next = movementFactory('bench.offline');
		const array = offline.getArray<Movement>('movements');
		offline.transact(() => {
			for (let i = 0; i < options.catchUp; i++) array.push([next(i)]);
		});
		await child.call('stats', null, ProcStats); // resets the event-loop histogram
		const started = performance.now();
		const device = new WebsocketProvider(`${origin}/sync/${workspace}`, ledgerName(), offline, {
			params: { token },
			WebSocketPolyfill,
			disableBc: true
		});
		providers.push(device);
		await until(() => device.synced, 'the offline device to connect');
		await relayStored(device);
		const catchUpMs = performance.now() - started;
		const during = await child.call('stats', null, ProcStats);
		const duringLive = [...latencies].sort((a, b) => a - b);
		stopped = true;
		await writing;
		return {
			mode,
			latencies: live,
			cpuUsPerUpdate: (after.cpuUs - before.cpuUs) / Math.max(1, updates),
			catchUpMs,
			catchUpLiveP99: duringLive.length ? percentile(duringLive, 99) : NaN,
			catchUpEldP99: during.eldP99Ms
		};
	} finally {
		for (const p of providers) p.destroy();
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
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

export async function runIntegrityBench(quick: boolean): Promise<void> {
	const options: Options = {
		rounds: Number(process.env.BENCH_INTEGRITY_ROUNDS ?? (quick ? 2 : 3)),
		seconds: Number(process.env.BENCH_INTEGRITY_SECONDS ?? (quick ? 4 : 8)),
		writers: 4,
		catchUp: Number(process.env.BENCH_INTEGRITY_CATCHUP ?? (quick ? 5000 : 20000))
	};
	const results: RoundResult[] = [];
	for (let i = 0; i < options.rounds; i++) {
		const order: Mode[] = i % 2 === 0 ? ['off', 'on'] : ['on', 'off'];
		for (const mode of order) results.push(await round(mode, options, i));
	}
	const of = (mode: Mode): RoundResult[] => results.filter((r) => r.mode === mode);
	const pooled = (mode: Mode): number[] =>
		of(mode)
			.flatMap((r) => r.latencies)
			.sort((a, b) => a - b);
	const fig = (mode: Mode) => ({
		p50: percentile(pooled(mode), 50),
		p99: percentile(pooled(mode), 99),
		cpu: median(of(mode).map((r) => r.cpuUsPerUpdate)),
		catchUp: median(of(mode).map((r) => r.catchUpMs)),
		catchUpLive: median(of(mode).map((r) => r.catchUpLiveP99)),
		eld: median(of(mode).map((r) => r.catchUpEldP99))
	});
	const off = fig('off');
	const on = fig('on');
	const row = (label: string, a: number, b: number, unit: string): string[] => [
		label,
		`${b.toFixed(2)} ${unit}`,
		`${a.toFixed(2)} ${unit}`,
		`${(a / b).toFixed(2)}×`
	];
	console.log(
		`${options.rounds} rounds × ${options.seconds} s, ${options.writers} writers at ${WRITES_PER_SECOND}/s, ` +
			`catch-up of ${options.catchUp} movements; ${pooled('on').length} / ${pooled('off').length} latencies (on / off)\n`
	);
	console.log(
		table([
			['', 'checks off', 'checks on', 'on ÷ off'],
			row('live latency p50', on.p50, off.p50, 'ms'),
			row('live latency p99', on.p99, off.p99, 'ms'),
			row('relay CPU per update', on.cpu, off.cpu, 'µs'),
			row('catch-up stored after', on.catchUp, off.catchUp, 'ms'),
			row('live p99 during catch-up', on.catchUpLive, off.catchUpLive, 'ms'),
			row('relay event-loop delay p99 during catch-up', on.eld, off.eld, 'ms')
		])
	);
	const ratio = on.p99 / off.p99;
	console.log(
		`\nlive p99 ratio (on ÷ off): ${ratio.toFixed(2)} — budget 1.20: ${ratio <= 1.2 ? 'within' : 'OVER'}`
	);
}
