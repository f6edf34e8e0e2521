// The finance figures of one open workspace, shared by every finance page: the docs are copied
// as Yjs updates on the main thread, then read, valued, vouchered and reported in a Web Worker
// (finance-snapshot, domain/reports/finance-view), so a year of movements never blocks the page. Recomputed
// when movements, orders, counts or the catalog change; one instance per workspace.

import * as Y from 'yjs';
import { nextMonth } from '../../domain/ledger/period';
import { computeFinance, type FinanceView } from '../../domain/reports/finance-view';
import { sourcesOfSnapshot, type FinanceSnapshot } from './finance-snapshot';
import type { WorkspaceState } from '../workspace.svelte';
import FinanceWorker from './finance.worker?worker';

type Reply = { id: number; view: FinanceView } | { id: number; error: string };

export class FinanceData {
	view = $state.raw<FinanceView | null>(null);
	computing = $state(false);
	error = $state<string | null>(null);
	/** Main-thread time of the last run (encoding the docs; everything else runs in the worker). */
	readMs = $state(0);

	private worker: Worker | null = null;
	private seq = 0;
	private dirty = false;
	private lastKey = '';
	private readonly stop: () => void;

	constructor(private readonly ws: WorkspaceState) {
		this.stop = $effect.root(() => {
			$effect(() => {
				// Every input the view depends on; reading them subscribes.
				void ws.balances;
				void ws.items;
				void ws.warehouses;
				void ws.ledgerMonths;
				void ws.docRevision.orders;
				void ws.docRevision.counts;
				this.schedule();
			});
		});
	}

	/** The state vectors of every doc the view reads, as one string. */
	private stateKey(): string {
		const runtime = this.ws.runtime;
		const docs = runtime.docs;
		const closed = runtime.closedThrough;
		const base = closed === null ? null : nextMonth(closed);
		const all = [docs.catalog, docs.shared('orders'), docs.shared('counts')];
		for (const m of this.ws.ledgerMonths) if (base === null || m >= base) all.push(docs.ledger(m));
		return `${closed}|${all.map((d) => Y.encodeStateVector(d).join(',')).join('|')}`;
	}

	/**
	 * The docs as Yjs updates: encoding is a fast binary copy, so parsing (zod over every
	 * movement and order) happens in the worker, not on the main thread.
	 */
	private snapshot(): FinanceSnapshot {
		const runtime = this.ws.runtime;
		const docs = runtime.docs;
		const closed = runtime.closedThrough;
		const base = closed === null ? null : nextMonth(closed);
		return {
			catalog: Y.encodeStateAsUpdate(docs.catalog),
			orders: Y.encodeStateAsUpdate(docs.shared('orders')),
			counts: Y.encodeStateAsUpdate(docs.shared('counts')),
			ledgers: this.ws.ledgerMonths
				.filter((m) => base === null || m >= base)
				.map((m) => [m, Y.encodeStateAsUpdate(docs.ledger(m))] as [string, Uint8Array]),
			nowMs: Date.now()
		};
	}

	/** Runs now, or once the run in flight ends (changes in between coalesce into one run). */
	private schedule(): void {
		if (this.computing) {
			this.dirty = true;
			return;
		}
		this.computing = true;
		this.dirty = false;
		const started = performance.now();
		// Nothing changed in the docs since the last run (a re-published fold, a catalog
		// event elsewhere): keep the view instead of recomputing and redrawing it.
		const key = this.stateKey();
		if (key === this.lastKey && this.view !== null) {
			this.computing = false;
			return;
		}
		this.lastKey = key;
		let snap: FinanceSnapshot;
		try {
			snap = this.snapshot();
		} catch (err) {
			this.finish({ id: this.seq, error: err instanceof Error ? err.message : String(err) });
			return;
		}
		this.readMs = performance.now() - started;
		const id = ++this.seq;
		const worker = this.ensureWorker();
		if (!worker) {
			// No Worker (tests, old browsers): compute inline.
			try {
				this.finish({ id, view: computeFinance(sourcesOfSnapshot(snap)) });
			} catch (err) {
				this.finish({ id, error: err instanceof Error ? err.message : String(err) });
			}
			return;
		}
		const buffers = [snap.catalog, snap.orders, snap.counts, ...snap.ledgers.map(([, u]) => u)];
		worker.postMessage(
			{ id, snapshot: snap },
			buffers.map((u) => u.buffer as ArrayBuffer)
		);
	}

	private ensureWorker(): Worker | null {
		if (this.worker) return this.worker;
		if (typeof Worker === 'undefined') return null;
		this.worker = new FinanceWorker();
		this.worker.onmessage = (e: MessageEvent<Reply>) => this.finish(e.data);
		this.worker.onerror = (e) => this.finish({ id: this.seq, error: e.message });
		return this.worker;
	}

	private finish(reply: Reply): void {
		if ('view' in reply) {
			this.view = reply.view;
			this.error = null;
		} else this.error = reply.error;
		this.computing = false;
		if (this.dirty) this.schedule();
	}

	close(): void {
		this.stop();
		this.worker?.terminate();
		this.worker = null;
	}
}

const shared = new WeakMap<WorkspaceState, FinanceData>();

/** The workspace's finance data, created on first use and kept while the workspace is open. */
export function financeData(ws: WorkspaceState): FinanceData {
	let data = shared.get(ws);
	if (!data) {
		data = new FinanceData(ws);
		shared.set(ws, data);
	}
	return data;
}
