// A tiny request/response channel over Node's IPC between the bench orchestrator and its
// child processes (relays under test, client workers), so each side runs in its own process
// and the clients never share a CPU-bound event loop with the relay they measure.

import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const Reply = z.object({
	id: z.number(),
	ok: z.boolean(),
	result: z.unknown(),
	error: z.string().optional()
});
const Request = z.object({ id: z.number(), cmd: z.string(), args: z.unknown() });

export interface Child {
	readonly pid: number;
	call<T>(cmd: string, args: unknown, schema: z.ZodType<T>): Promise<T>;
	stop(): Promise<void>;
}

/**
 * Forks `bench/relay/<file>` under tsx (or, given an absolute path to a `.js` file, that file
 * under plain node: a compiled relay) and waits for its `ready` message (with a payload).
 */
export function forkChild<T>(
	file: string,
	ready: z.ZodType<T>,
	env: Record<string, string> = {},
	extraExecArgv: string[] = []
): Promise<{ child: Child; ready: T }> {
	const compiled = isAbsolute(file) && file.endsWith('.js');
	const path = compiled ? file : fileURLToPath(new URL(file, import.meta.url));
	const proc: ChildProcess = fork(path, [], {
		execArgv: [...(compiled ? [] : ['--import', 'tsx']), '--expose-gc', ...extraExecArgv],
		env: { ...process.env, ...env },
		stdio: ['ignore', 'inherit', 'inherit', 'ipc']
	});
	const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
	let nextId = 1;
	const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
	return new Promise((resolve, reject) => {
		proc.once('exit', (code) => {
			for (const p of pending.values()) p.reject(new Error(`${file} exited (${code})`));
			reject(new Error(`${file} exited before ready (${code})`));
		});
		proc.on('message', (raw: unknown) => {
			const readyMsg = z.object({ ready: z.unknown() }).safeParse(raw);
			if (readyMsg.success) {
				const child: Child = {
					pid: proc.pid ?? 0,
					call(cmd, args, schema) {
						const id = nextId++;
						return new Promise((res, rej) => {
							pending.set(id, {
								resolve: (v) => {
									const parsed = schema.safeParse(v);
									if (parsed.success) res(parsed.data);
									else rej(new Error(`${file} ${cmd}: bad reply ${parsed.error.message}`));
								},
								reject: rej
							});
							proc.send({ id, cmd, args });
						});
					},
					async stop() {
						if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
						await exited;
					}
				};
				resolve({ child, ready: ready.parse(readyMsg.data.ready) });
				return;
			}
			const reply = Reply.safeParse(raw);
			if (!reply.success) return;
			const p = pending.get(reply.data.id);
			pending.delete(reply.data.id);
			if (reply.data.ok) p?.resolve(reply.data.result);
			else p?.reject(new Error(reply.data.error ?? 'failed'));
		});
	});
}

export type Handlers = Record<string, (args: unknown) => unknown>;

/** Child side: answers requests with the handler's (awaited) result. */
export function serveRpc(handlers: Handlers, ready: unknown): void {
	process.on('message', (raw: unknown) => {
		const req = Request.safeParse(raw);
		if (!req.success) return;
		const { id, cmd, args } = req.data;
		const handler = handlers[cmd];
		Promise.resolve()
			.then(() => {
				if (!handler) throw new Error(`unknown command ${cmd}`);
				return handler(args);
			})
			.then(
				(result) => process.send?.({ id, ok: true, result }),
				(err: unknown) =>
					process.send?.({ id, ok: false, error: err instanceof Error ? err.message : String(err) })
			);
	});
	process.send?.({ ready });
	// The orchestrator going away ends the child too.
	process.on('disconnect', () => process.exit(0));
}

export const ProcStats = z.object({
	cpuUs: z.number(),
	/** CPU of the process's main thread alone (Linux; NaN elsewhere): the relay's event loop. */
	mainThreadCpuUs: z.number(),
	rss: z.number(),
	heapUsed: z.number(),
	rooms: z.number(),
	/** Event-loop delay p99 since the previous call: a stalled relay delays every forward. */
	eldP99Ms: z.number()
});
export type ProcStats = z.infer<typeof ProcStats>;

let loopDelay: IntervalHistogram | null = null;

/** CPU (user + system) and memory of this process, after a full GC when asked. */
export function procStats(rooms: number, collect = false): ProcStats {
	if (!loopDelay) {
		loopDelay = monitorEventLoopDelay({ resolution: 5 });
		loopDelay.enable();
	}
	const eldP99Ms = loopDelay.count > 0 ? loopDelay.percentile(99) / 1e6 : 0;
	loopDelay.reset();
	const gc = (globalThis as { gc?: () => void }).gc;
	if (collect && gc) {
		gc();
		gc();
	}
	const cpu = process.cpuUsage();
	const mem = process.memoryUsage();
	return {
		cpuUs: cpu.user + cpu.system,
		mainThreadCpuUs: mainThreadCpuUs(),
		rss: mem.rss,
		heapUsed: mem.heapUsed,
		rooms,
		eldP99Ms
	};
}

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const USER_HZ = 100;

/**
 * utime + stime of the main thread from /proc (its task id is the pid): the process figure
 * also counts helper threads (ours: durability, compaction; both: the tsx loader).
 */
function mainThreadCpuUs(): number {
	try {
		const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
		// Fields after "pid (comm) ": state is the first, utime the 12th, stime the 13th.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return ((Number(fields[11]) + Number(fields[12])) / USER_HZ) * 1e6;
	} catch {
		return NaN;
	}
}
