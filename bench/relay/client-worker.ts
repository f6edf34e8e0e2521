// Bench child: a process full of stock y-websocket clients (the browser's provider, Node's ws).
// It connects clients, writes entries at a steady rate, and records for every entry another
// client wrote how long it took from the writer's clock to this client's observer. It reports
// its own CPU and event-loop delay so the table can show the clients were not the bottleneck.
// The client pieces are in bench-clients.ts.

import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { z } from 'zod';
import {
	collectGarbage,
	connect,
	isEntry,
	movement,
	relayHasAll,
	synced,
	timedWebSocket
} from './bench-clients';
import { serveRpc } from './rpc';
import { Target, nowMs, type Entry } from './shared';

// Every WebsocketProvider adds a process 'exit' listener; hundreds here are intended.
process.setMaxListeners(0);

interface BenchClient {
	index: number;
	doc: Y.Doc;
	provider: WebsocketProvider;
	written: number;
}

let clients: BenchClient[] = [];

let latencies: number[] = [];
let measuring = false;

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

const ApplyArgs = z.object({ file: z.string(), times: z.number() });
const IdleArgs = z.object({ targets: z.array(Target), entries: z.number(), parallel: z.number() });

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
