// Bench child: a process full of stock y-websocket clients (the browser's provider, Node's ws).
// It connects clients, writes entries at a steady rate, and records for every entry another
// client wrote how long it took from the writer's clock to this client's observer. It reports
// its own CPU and event-loop delay so the table can show the clients were not the bottleneck.

import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { z } from 'zod';
import {
	installStateVectorHandler,
	sendStateVectorQuery
} from '../../src/lib/sync/state-vector-query';
import { serveRpc } from './rpc';
import { Target, nowMs, type Entry } from './shared';

const WebSocketPolyfill = WebSocket as unknown as typeof globalThis.WebSocket;
// Every WebsocketProvider adds a process 'exit' listener; hundreds here are intended.
process.setMaxListeners(0);

interface BenchClient {
	index: number;
	doc: Y.Doc;
	provider: WebsocketProvider;
	written: number;
}

let clients: BenchClient[] = [];

/** The worker runs with --expose-gc (rpc.ts). */
function collectGarbage(): void {
	(globalThis as { gc?: () => void }).gc?.();
}
let latencies: number[] = [];
let measuring = false;

function isEntry(value: unknown): value is Entry {
	return (
		typeof value === 'object' &&
		value !== null &&
		'w' in value &&
		typeof value.w === 'number' &&
		't' in value &&
		typeof value.t === 'number'
	);
}

function connect(
	target: Target,
	doc = new Y.Doc(),
	polyfill: typeof globalThis.WebSocket = WebSocketPolyfill
): WebsocketProvider {
	return new WebsocketProvider(target.serverUrl, target.room, doc, {
		params: { token: target.token },
		WebSocketPolyfill: polyfill,
		disableBc: true
	});
}

/**
 * A WebSocket that notes when each message has fully arrived (ws emits 'message' once the last
 * frame is in), before y-websocket's handler decodes and applies it: our listener is added in
 * the constructor, ahead of the provider's `onmessage`.
 */
function timedWebSocket(onArrival: (atMs: number) => void): typeof globalThis.WebSocket {
	class TimedWebSocket extends WebSocket {
		constructor(url: string | URL, protocols?: string | string[]) {
			super(url, protocols);
			this.addEventListener('message', () => onArrival(nowMs()));
		}
	}
	return TimedWebSocket as unknown as typeof globalThis.WebSocket;
}

function synced(provider: WebsocketProvider): Promise<void> {
	if (provider.synced) return Promise.resolve();
	return new Promise((resolve) => {
		const on = (isSynced: boolean): void => {
			if (!isSynced) return;
			provider.off('sync', on);
			resolve();
		};
		provider.on('sync', on);
	});
}

const ConnectArgs = z.object({ targets: z.array(Target), firstIndex: z.number() });
const RunArgs = z.object({
	durationMs: z.number(),
	writesPerSecond: z.number(),
	drainMs: z.number()
});
const JoinArgs = z.object({ target: Target, expected: z.number() });
const SeedArgs = z.object({
	target: Target,
	file: z.string(),
	expected: z.number(),
	/** Wait for the relay's answer to message 100 (ours only; the reference has no such message). */
	confirm: z.boolean()
});

/**
 * Resolves once our relay answers message 100 on this connection: it handles a connection's
 * frames in order, so everything the provider sent before (the seed) is stored and applied.
 */
function relayHasAll(provider: WebsocketProvider): Promise<void> {
	return new Promise((resolve, reject) => {
		installStateVectorHandler(
			provider,
			() => resolve(),
			(error) => reject(error instanceof Error ? error : new Error(String(error)))
		);
		if (!sendStateVectorQuery(provider)) reject(new Error('seeder not connected'));
	});
}
const ApplyArgs = z.object({ file: z.string(), times: z.number() });
const IdleArgs = z.object({ targets: z.array(Target), entries: z.number(), parallel: z.number() });

function movement(writer: number, seq: number): Entry {
	return {
		id: `m-${writer}-${seq}`,
		item: `SKU-${(seq * 7919) % 2000}`,
		wh: 'W1',
		qty: 1 + (seq % 9),
		w: writer,
		t: nowMs()
	};
}

const seeded: WebsocketProvider[] = [];

serveRpc(
	{
		async connect(raw) {
			const { targets, firstIndex } = ConnectArgs.parse(raw);
			const added = targets.map((target, i): BenchClient => {
				const index = firstIndex + i;
				const doc = new Y.Doc();
				doc.getArray('movements').observe((event) => {
					if (!measuring) return;
					const at = nowMs();
					for (const delta of event.changes.delta) {
						if (!delta.insert || !Array.isArray(delta.insert)) continue;
						for (const entry of delta.insert) {
							if (isEntry(entry) && entry.w !== index) latencies.push(at - entry.t);
						}
					}
				});
				return { index, doc, provider: connect(target, doc), written: 0 };
			});
			clients.push(...added);
			await Promise.all(added.map((c) => synced(c.provider)));
			return { clients: clients.length };
		},
		async run(raw) {
			const { durationMs, writesPerSecond, drainMs } = RunArgs.parse(raw);
			latencies = [];
			// The previous case's garbage is collected here, not inside this one's measurements.
			collectGarbage();
			const eld = monitorEventLoopDelay({ resolution: 5 });
			eld.enable();
			const cpu0 = process.cpuUsage();
			const t0 = nowMs();
			measuring = true;
			const period = 1000 / writesPerSecond;
			const timers = clients.map((client) => {
				// Random phase so the clients do not all write in the same millisecond.
				let next = t0 + Math.random() * period;
				const tick = (): void => {
					if (nowMs() - t0 >= durationMs) return;
					client.doc.getArray<Entry>('movements').push([movement(client.index, client.written++)]);
					next += period;
					timer = setTimeout(tick, Math.max(0, next - nowMs()));
				};
				let timer = setTimeout(tick, next - t0);
				return () => clearTimeout(timer);
			});
			await new Promise((resolve) => setTimeout(resolve, durationMs + drainMs));
			for (const stop of timers) stop();
			measuring = false;
			const cpu = process.cpuUsage(cpu0);
			eld.disable();
			return {
				latencies,
				writes: clients.reduce((sum, c) => sum + c.written, 0),
				cpuUs: cpu.user + cpu.system,
				wallMs: nowMs() - t0,
				eldP99Ms: eld.percentile(99) / 1e6,
				eldMaxMs: eld.max / 1e6
			};
		},
		async reset() {
			for (const c of clients) {
				c.provider.destroy();
				c.doc.destroy();
			}
			clients = [];
			for (const p of seeded.splice(0)) p.destroy();
			return {};
		},
		async seed(raw) {
			const { target, file, expected, confirm } = SeedArgs.parse(raw);
			const doc = new Y.Doc();
			Y.applyUpdate(doc, new Uint8Array(readFileSync(file)));
			if (doc.getArray('movements').length !== expected) throw new Error('seed file mismatch');
			const provider = connect(target, doc);
			seeded.push(provider);
			await synced(provider);
			// Synced means the relay's state reached the seeder, not that the seed reached the relay:
			// ours checks a large update on a thread and would answer a join meanwhile.
			if (confirm) await relayHasAll(provider);
			return {};
		},
		async join(raw) {
			const { target, expected } = JoinArgs.parse(raw);
			// The previous join's doc is garbage now: collect it here, not inside this join.
			collectGarbage();
			const t0 = nowMs();
			const doc = new Y.Doc();
			const movements = doc.getArray('movements');
			// When the message being applied arrived: at completion, that is the one that made the
			// doc whole, so arrival − t0 is what the relay and network took, the rest is the client.
			let lastArrivalMs = t0;
			const provider = connect(
				target,
				doc,
				timedWebSocket((at) => (lastArrivalMs = at))
			);
			let arrivedMs = 0;
			let doneMs = 0;
			// Synced *and* holding the whole doc: the relay may still be storing the seed.
			const whole = new Promise<void>((resolve, reject) => {
				const timeout = setTimeout(
					() => reject(new Error(`joined with ${movements.length} of ${expected} entries`)),
					60_000
				);
				const check = (): void => {
					if (!provider.synced || movements.length < expected) return;
					doneMs = nowMs();
					arrivedMs = lastArrivalMs;
					clearTimeout(timeout);
					movements.unobserve(check);
					provider.off('sync', check);
					resolve();
				};
				movements.observe(check);
				provider.on('sync', check);
				check();
			});
			try {
				await whole;
				return { ms: nowMs() - t0, arrivedMs: arrivedMs - t0, applyMs: doneMs - arrivedMs };
			} finally {
				provider.destroy();
				doc.destroy();
			}
		},
		/**
		 * The client's floor for a join: decoding and applying the same state from memory into a
		 * doc set up as y-websocket's provider sets it up, no relay and no socket (mean of `times`
		 * after one warm-up). No relay can make a join faster than this.
		 */
		apply(raw) {
			const { file, times } = ApplyArgs.parse(raw);
			const update = readFileSync(file);
			const once = (): number => {
				collectGarbage();
				const doc = new Y.Doc();
				// As on the provider's doc: with an 'update' listener Yjs re-encodes every applied
				// transaction for it, part of what any y-websocket client pays on a join.
				doc.on('update', () => undefined);
				const t0 = nowMs();
				Y.applyUpdate(doc, update);
				const ms = nowMs() - t0;
				doc.destroy();
				return ms;
			};
			once();
			let total = 0;
			for (let i = 0; i < times; i++) total += once();
			return { ms: total / times };
		},
		async idle(raw) {
			const { targets, entries, parallel } = IdleArgs.parse(raw);
			let next = 0;
			const lane = async (): Promise<void> => {
				while (next < targets.length) {
					const target = targets[next++];
					if (!target) return;
					const doc = new Y.Doc();
					const provider = connect(target, doc);
					await synced(provider);
					const movements = doc.getArray<Entry>('movements');
					for (let i = 0; i < entries; i++) movements.push([movement(0, i)]);
					// Let the frames leave before closing (y-websocket closes after queued sends).
					await new Promise((resolve) => setTimeout(resolve, 20));
					provider.destroy();
					doc.destroy();
				}
			};
			await Promise.all(Array.from({ length: parallel }, lane));
			return {};
		}
	},
	{ pid: process.pid }
);
