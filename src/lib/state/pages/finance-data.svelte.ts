// The finance figures of one open workspace, shared by every finance page. A Web Worker keeps
// its own copy of the docs (finance-snapshot.ts), loaded from the device's IndexedDB; the main
// thread sends only what that copy lacks, then each doc's updates; the worker reads, values,
// vouchers and reports
// (domain/reports/finance-view), so a year of movements never blocks the page. Recomputed when
// movements, orders, counts or the catalog change; one instance per workspace.

import { untrack } from 'svelte';
import * as Y from 'yjs';
import { readFinanceSources } from '../../commands/finance-book';
import { nextMonth } from '../../domain/ledger/period';
import { computeFinance, type FinanceView } from '../../domain/reports/finance-view';
import { resolveDocDbName } from '../../storage/db-names';
import { browserKeyValueStore } from '../../storage/kv';
import { ledgerReplicaName, type FinanceReply, type FinanceRequest } from './finance-snapshot';
import type { WorkspaceState } from '../workspace.svelte';
import FinanceWorker from './finance.worker?worker';

type Reply = { id: number; view: FinanceView } | { id: number; error: string };

export class FinanceData {
	view = $state.raw<FinanceView | null>(null);
	computing = $state(false);
	error = $state<string | null>(null);
	/** Longest main-thread step of a sync (encoding what the worker's copy of a doc lacked). */
	readMs = $state(0);

	private worker: Worker | null = null;
	private seq = 0;
	private dirty = false;
	private lastKey = '';
	private closed = false;
	/** Docs the worker holds, by name → stop forwarding its updates. */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never rendered
	private readonly synced = new Map<string, () => void>();
	/** Docs the worker is loading → send it what it lacks once it says what it holds. */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never rendered
	private readonly loading = new Map<string, (stateVector: Uint8Array) => void>();
	private readonly stop: () => void;

	constructor(private readonly ws: WorkspaceState) {
		this.stop = $effect.root(() => {
			$effect(() => {
				// Every input the view depends on; reading them subscribes.
				void ws.balances;
				void ws.items;
				void ws.warehouses;
				void ws.ledgerMonths;
				// Account codes and the valuation method arrive as catalog changes of their own.
				void ws.catalogRevision;
				void ws.docRevision.orders;
				void ws.docRevision.counts;
				// Only those: what schedule reads (its own state, the docs) must not rerun this.
				untrack(() => this.schedule());
			});
		});
	}

	/** The docs the view reads: catalog, orders, counts and the ledgers from the base month on. */
	private inputs(): { docs: [string, Y.Doc][]; months: string[] } {
		const runtime = this.ws.runtime;
		const docs = runtime.docs;
		const closed = runtime.closedThrough;
		const base = closed === null ? null : nextMonth(closed);
		const months = this.ws.ledgerMonths.filter((m) => base === null || m >= base);
		return {
			docs: [
				['catalog', docs.catalog],
				['orders', docs.shared('orders')],
				['counts', docs.shared('counts')],
				...months.map((m) => [ledgerReplicaName(m), docs.ledger(m)] as [string, Y.Doc])
			],
			months
		};
	}

	/** The state vectors of every doc the view reads, as one string. */
	private stateKey(docs: [string, Y.Doc][]): string {
		const closed = this.ws.runtime.closedThrough;
		return `${closed}|${docs.map(([n, d]) => `${n}:${Y.encodeStateVector(d).join(',')}`).join('|')}`;
	}

	/**
	 * Brings the worker's copy of each doc up to date: it loads the doc from IndexedDB itself,
	 * then gets the part it lacks (usually nothing but the delete set); updates that happen from
	 * now on are forwarded as they come.
	 */
	private async sync(worker: Worker, docs: [string, Y.Doc][]): Promise<unknown> {
		// Not while the docs load: a forwarding listener makes Yjs encode every stored chunk the
		// main thread applies (a ledger month's in one task), and the worker reads them itself.
		await this.ws.runtime.ready.catch(() => undefined);
		if (this.closed) return;
		const kv = browserKeyValueStore();
		const workspace = this.ws.session.workspace;
		const loads: Promise<void>[] = [];
		for (const [name, doc] of docs) {
			if (this.synced.has(name)) continue;
			// Forwarding starts before the load: an update is in the stored records, forwarded,
			// or in the diff below (applying one twice is harmless).
			const forward = (u: Uint8Array) =>
				this.worker?.postMessage({ kind: 'update', name, update: u } satisfies FinanceRequest);
			doc.on('update', forward);
			this.synced.set(name, () => doc.off('update', forward));
			loads.push(
				new Promise<void>((resolve) => {
					this.loading.set(name, (stateVector) => {
						const started = performance.now();
						const update = Y.encodeStateAsUpdate(doc, stateVector);
						worker.postMessage({ kind: 'update', name, update } satisfies FinanceRequest, [
							update.buffer as ArrayBuffer
						]);
						this.readMs = Math.max(this.readMs, performance.now() - started);
						resolve();
					});
					worker.postMessage({
						kind: 'load',
						name,
						dbName: resolveDocDbName(kv, workspace, name)
					} satisfies FinanceRequest);
				})
			);
		}
		return Promise.all(loads);
	}

	/** Runs now, or once the run in flight ends (changes in between coalesce into one run). */
	private schedule(): void {
		if (this.computing) {
			this.dirty = true;
			return;
		}
		this.computing = true;
		this.dirty = false;
		const { docs, months } = this.inputs();
		// Nothing changed in the docs since the last run (a re-published fold, a catalog
		// event elsewhere): keep the view instead of recomputing and redrawing it.
		const key = this.stateKey(docs);
		if (key === this.lastKey && this.view !== null) {
			this.computing = false;
			return;
		}
		this.lastKey = key;
		const id = ++this.seq;
		const worker = this.ensureWorker();
		if (!worker) {
			// No Worker (tests, old browsers): compute inline from the docs themselves.
			try {
				const d = this.ws.runtime.docs;
				const sources = readFinanceSources(
					{
						catalog: d.catalog,
						orders: d.shared('orders'),
						counts: d.shared('counts'),
						// eslint-disable-next-line svelte/prefer-svelte-reactivity -- read once, here
						ledgers: new Map(months.map((m) => [m, d.ledger(m)]))
					},
					Date.now()
				);
				this.finish({ id, view: computeFinance(sources) });
			} catch (err) {
				this.finish({ id, error: err instanceof Error ? err.message : String(err) });
			}
			return;
		}
		this.sync(worker, docs).then(
			() => {
				if (this.closed) return;
				worker.postMessage({
					kind: 'compute',
					id,
					months,
					nowMs: Date.now()
				} satisfies FinanceRequest);
			},
			(err: unknown) => this.finish({ id, error: err instanceof Error ? err.message : String(err) })
		);
	}

	private ensureWorker(): Worker | null {
		if (this.worker) return this.worker;
		if (typeof Worker === 'undefined') return null;
		this.worker = new FinanceWorker();
		this.worker.onmessage = (e: MessageEvent<FinanceReply>) => {
			const r = e.data;
			if (r.kind === 'loaded') {
				this.loading.get(r.name)?.(r.stateVector);
				this.loading.delete(r.name);
			} else this.finish(r.kind === 'view' ? { id: r.id, view: r.view } : r);
		};
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
		this.closed = true;
		for (const off of this.synced.values()) off();
		this.synced.clear();
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
