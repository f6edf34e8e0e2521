// The finance figures of one open workspace, shared by every finance page: the docs are read
// into plain sources on the main thread, then valued, vouchered and reported in a Web Worker
// (domain/reports/finance-view), so a year of movements never blocks the page. Recomputed
// when movements, orders, counts or the catalog change; one instance per workspace.

import { readFinanceSources } from '../../commands/finance-book';
import { nextMonth } from '../../domain/ledger/period';
import {
	computeFinance,
	type FinanceSources,
	type FinanceView
} from '../../domain/reports/finance-view';
import type { WorkspaceState } from '../workspace.svelte';
import FinanceWorker from './finance.worker?worker';

type Reply = { id: number; view: FinanceView } | { id: number; error: string };

export class FinanceData {
	view = $state.raw<FinanceView | null>(null);
	computing = $state(false);
	error = $state<string | null>(null);
	/** Main-thread time of the last run (reading the docs; the valuation runs in the worker). */
	readMs = $state(0);

	private worker: Worker | null = null;
	private seq = 0;
	private dirty = false;
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

	private sources(): FinanceSources {
		const runtime = this.ws.runtime;
		const docs = runtime.docs;
		const closed = runtime.closedThrough;
		const base = closed === null ? null : nextMonth(closed);
		// A plain lookup built per run, not reactive state.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const ledgers = new Map(
			this.ws.ledgerMonths
				.filter((m) => base === null || m >= base)
				.map((m) => [m, docs.ledger(m)] as const)
		);
		return readFinanceSources(
			{
				catalog: docs.catalog,
				orders: docs.shared('orders'),
				counts: docs.shared('counts'),
				ledgers
			},
			Date.now()
		);
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
		let src: FinanceSources;
		try {
			src = this.sources();
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
				this.finish({ id, view: computeFinance(src) });
			} catch (err) {
				this.finish({ id, error: err instanceof Error ? err.message : String(err) });
			}
			return;
		}
		worker.postMessage({ id, sources: src });
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
