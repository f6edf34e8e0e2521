// A worker thread for occasional heavy work (compacting a room, checking a megabyte update):
// started by the first request, so a relay that never needs it never pays for it, and stopped
// after a while without requests (an idle isolate is ~10 MB a quiet relay gives back); the
// next request starts a new one. A thread that dies fails the requests it held, and the next
// request starts a new one too.
//
// Protocol: requests are `{ id, ...body }` and each is answered by one message `{ id, ... }`;
// `{ id, close: true }` asks the thread to release what it holds (answered, then terminated).

import { Worker } from 'node:worker_threads';

export interface LazyWorker {
	/** Posts `{ id, ...body }`; resolves with the thread's answer (rejects if the thread dies). */
	request(body: object, transfer?: readonly ArrayBuffer[]): Promise<unknown>;
	/** Whether the thread is up. */
	running(): boolean;
	/** Lets the thread release what it holds, then stops it; later requests reject. */
	close(): Promise<void>;
}

export interface LazyWorkerOptions {
	/** Passed to the thread as `workerData`. */
	workerData?: unknown;
	/** The thread stops after this long without a request. */
	idleStopMs: number;
	/** What the thread is, for the error of a request it failed ("SQLite compaction thread"). */
	name: string;
}

interface Waiter {
	resolve(reply: unknown): void;
	reject(err: Error): void;
}

const idOf = (raw: unknown): number | null =>
	typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'number'
		? raw.id
		: null;

export function createLazyWorker(url: URL, options: LazyWorkerOptions): LazyWorker {
	let worker: Worker | null = null;
	let idleTimer: NodeJS.Timeout | null = null;
	const waiting = new Map<number, Waiter>();
	let nextId = 1;
	let closed = false;

	function thread(): Worker {
		if (worker) return worker;
		const started = new Worker(url, { workerData: options.workerData });
		const gone = (message: string): void => {
			// A thread stopped on purpose (idle, closed) fails nothing: its requests were answered.
			if (worker !== started) return;
			worker = null;
			for (const waiter of waiting.values()) waiter.reject(new Error(message));
			waiting.clear();
		};
		started.on('error', (err) => gone(`${options.name} failed: ${err.message}`));
		started.on('exit', (code) => gone(`${options.name} exited (${code})`));
		started.on('message', (raw: unknown) => {
			const id = idOf(raw);
			if (id === null) return;
			waiting.get(id)?.resolve(raw);
			waiting.delete(id);
			if (closed || waiting.size > 0 || worker !== started) return;
			// Idle, the thread must not keep the process alive, and stops after a while.
			started.unref();
			idleTimer = setTimeout(() => stopIdle(started), options.idleStopMs);
			idleTimer.unref();
		});
		worker = started;
		return started;
	}

	function stopIdle(idle: Worker): void {
		idleTimer = null;
		if (worker !== idle || waiting.size > 0) return;
		worker = null;
		// It releases what it holds first; a request meanwhile starts a new thread.
		idle.postMessage({ id: 0, close: true });
		idle.once('message', () => void idle.terminate());
	}

	function post(body: object, transfer: readonly ArrayBuffer[] = []): Promise<unknown> {
		const id = nextId++;
		if (idleTimer) clearTimeout(idleTimer);
		idleTimer = null;
		return new Promise((resolve, reject) => {
			waiting.set(id, { resolve, reject });
			const running = thread();
			running.ref();
			running.postMessage({ id, ...body }, [...transfer]);
		});
	}

	return {
		request(body, transfer) {
			if (closed) return Promise.reject(new Error(`${options.name} closed`));
			return post(body, transfer);
		},
		running: () => worker !== null,
		async close() {
			closed = true;
			if (idleTimer) clearTimeout(idleTimer);
			idleTimer = null;
			const running = worker;
			if (!running) return;
			await post({ close: true });
			worker = null;
			await running.terminate();
		}
	};
}
