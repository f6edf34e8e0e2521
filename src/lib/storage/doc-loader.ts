// Where a doc's stored records are read and chunked: in a Web Worker (doc-load.worker.ts) so
// the main thread only applies the chunks, one per task; inline where there is no Worker (Node
// tests) or the worker failed. One worker serves every doc, and ends when idle.

import { chunkRecords, type ChunkedRecords } from './doc-chunks';
import { readUpdateRecords } from './raw-idb';
import DocLoadWorker from './doc-load.worker?worker';

export interface DocLoadRequest {
	id: number;
	dbName: string;
}

export interface StoredDoc extends ChunkedRecords {
	/** Records stored (read), bad ones included. */
	stored: number;
	/** Key of the last record read: records after it were stored later (by another tab). */
	lastKey: number;
}

export type DocLoadReply =
	({ id: number; ok: true } & StoredDoc) | { id: number; ok: false; reason: string };
export type StoredDocRead = ({ ok: true } & StoredDoc) | { ok: false; reason: string };

const IDLE_MS = 10_000;

let worker: Worker | null = null;
let seq = 0;
let idleTimer: ReturnType<typeof setTimeout> | null = null;
const waiting = new Map<number, (reply: DocLoadReply | null) => void>();

function ensureWorker(): Worker | null {
	if (worker) return worker;
	if (typeof Worker === 'undefined') return null;
	try {
		worker = new DocLoadWorker();
	} catch {
		return null;
	}
	// Not outside data: the worker (same build) posts only what its `load` returns.
	worker.onmessage = (e: MessageEvent<DocLoadReply>) => {
		waiting.get(e.data.id)?.(e.data);
		waiting.delete(e.data.id);
		scheduleIdle();
	};
	worker.onerror = () => {
		// Every load in flight is read inline instead.
		worker?.terminate();
		worker = null;
		for (const resolve of waiting.values()) resolve(null);
		waiting.clear();
	};
	return worker;
}

function scheduleIdle(): void {
	if (idleTimer) clearTimeout(idleTimer);
	idleTimer = setTimeout(() => {
		idleTimer = null;
		if (waiting.size > 0) return;
		worker?.terminate();
		worker = null;
	}, IDLE_MS);
}

/**
 * Every stored record of the doc database, applied and chunked. `db` is an open, checked
 * connection to it (the caller closes it); the worker reads through its own.
 */
export async function readStoredDoc(db: IDBDatabase): Promise<StoredDocRead> {
	const w = ensureWorker();
	if (w) {
		const id = ++seq;
		const reply = await new Promise<DocLoadReply | null>((resolve) => {
			waiting.set(id, resolve);
			w.postMessage({ id, dbName: db.name } satisfies DocLoadRequest);
		});
		if (reply) return reply;
	}
	try {
		const { values, lastKey } = await readUpdateRecords(db);
		return { ok: true, lastKey, stored: values.length, ...chunkRecords(values) };
	} catch (error) {
		return { ok: false, reason: `read failed: ${String(error)}` };
	}
}
