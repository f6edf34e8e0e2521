// Runs the MRP plan, and delivery promises, for a page: the Web Worker loads its copies of the
// catalog and orders docs from IndexedDB, the main thread sends only what they lack as Yjs
// updates (diffs) with its stock fold, and the worker reads the planning snapshot and plans or
// promises, so the page never freezes — not even on the first run, which used to encode both
// whole docs here. Without Worker (tests) it runs inline. A newer run supersedes an older
// answer still in flight.

import type { PromiseAnswer } from '../../commands/production/promise';
import type { Plan } from '../../domain/production/planning';
import type { PromiseRequest } from '../../domain/production/promise';
import { resolveDocDbName } from '../../storage/db-names';
import { browserKeyValueStore } from '../../storage/kv';
import {
	PlanDocsMirror,
	PlanDocsSender,
	planDocsBuffers,
	type PlanDocNames,
	type PlanDocs
} from './production-plan-docs';
import type { PlanReply, PlanRequest } from './production-plan.worker';
import type { WorkspaceState } from '../workspace.svelte';
import { localToday } from './orders-board-helpers';
import PlanWorker from './production-plan.worker?worker';

export class PlanRunner {
	plan = $state.raw<Plan | null>(null);
	running = $state(false);
	error = $state<string | null>(null);
	answer = $state.raw<PromiseAnswer | null>(null);
	asking = $state(false);
	/** Main-thread time of the last run: copying the docs (everything else is in the worker). */
	mainThreadMs = $state(0);
	readonly today = localToday();
	private worker: Worker | null = null;
	private readonly sender = new PlanDocsSender();
	/** Without a Worker the plan runs inline on this copy. */
	private inline: PlanDocsMirror | null = null;
	/** Resolves once the worker's copies are loaded from IndexedDB (null: not asked yet). */
	private held: Promise<void> | null = null;
	private onHeld: ((held: PlanDocNames<Uint8Array>) => void) | null = null;
	private seq = 0;
	private planSeq = 0;
	private askSeq = 0;

	constructor(private readonly ws: WorkspaceState) {}

	run(weeks: number): void {
		this.planSeq = this.post(weeks);
		this.running = true;
		this.error = null;
	}

	/** The earliest date for a prospective order and what a rush would move. */
	promise(requests: PromiseRequest[], weeks: number): void {
		this.askSeq = this.post(weeks, requests);
		this.asking = true;
		this.error = null;
	}

	private post(weeks: number, requests?: PromiseRequest[]): number {
		const id = ++this.seq;
		let worker: Worker | null;
		try {
			worker = this.ensureWorker();
		} catch (err) {
			this.fail(id, err);
			return id;
		}
		if (!worker) {
			const docs = this.encode(id);
			if (!docs) return id;
			queueMicrotask(() => {
				try {
					const mirror = (this.inline ??= new PlanDocsMirror());
					this.finish(
						requests
							? { id, ok: true, answer: mirror.promise(docs, requests, this.today, weeks) }
							: { id, ok: true, plan: mirror.plan(docs, this.today, weeks) }
					);
				} catch (err) {
					this.fail(id, err);
				}
			});
			return id;
		}
		void this.whenHeld(worker).then(() => {
			if (this.worker !== worker) return; // replaced (after an error) or closed
			const docs = this.encode(id);
			if (!docs) return;
			worker.postMessage(
				{
					id,
					docs,
					today: this.today,
					buckets: weeks,
					...(requests ? { requests } : {})
				} satisfies PlanRequest,
				planDocsBuffers(docs)
			);
		});
		return id;
	}

	/** What the worker's copies lack, and the stock fold; null (reported) when it failed. */
	private encode(id: number): PlanDocs | null {
		const started = performance.now();
		try {
			const docs = this.sender.encode(this.ws.runtime.docs, this.ws.balances);
			this.mainThreadMs = performance.now() - started;
			return docs;
		} catch (err) {
			queueMicrotask(() => this.fail(id, err));
			return null;
		}
	}

	/** Asks the worker, once, to load its copies of the docs from this device's IndexedDB. */
	private whenHeld(worker: Worker): Promise<void> {
		this.held ??= new Promise<void>((resolve) => {
			this.onHeld = (held) => {
				this.sender.assumeHeld(held);
				resolve();
			};
			const kv = browserKeyValueStore();
			const workspace = this.ws.session.workspace;
			worker.postMessage({
				id: ++this.seq,
				load: {
					catalog: resolveDocDbName(kv, workspace, 'catalog'),
					orders: resolveDocDbName(kv, workspace, 'orders')
				}
			} satisfies PlanRequest);
		});
		return this.held;
	}

	private fail(id: number, err: unknown): void {
		this.finish({ id, ok: false, message: err instanceof Error ? err.message : String(err) });
	}

	private finish(reply: PlanReply): void {
		if (reply.ok && 'held' in reply) {
			this.onHeld?.(reply.held);
			this.onHeld = null;
		} else if (reply.id === this.planSeq) {
			this.running = false;
			if (reply.ok && 'plan' in reply) this.plan = reply.plan;
			else if (!reply.ok) this.error = reply.message;
		} else if (reply.id === this.askSeq) {
			this.asking = false;
			if (reply.ok && 'answer' in reply) this.answer = reply.answer;
			else if (!reply.ok) this.error = reply.message;
		}
	}

	private ensureWorker(): Worker | null {
		if (this.worker) return this.worker;
		if (typeof Worker === 'undefined') return null;
		this.worker = new PlanWorker();
		// Not outside data: the worker (same build) posts only PlanReply messages.
		this.worker.onmessage = (e: MessageEvent<PlanReply>) => this.finish(e.data);
		this.worker.onerror = (e) => {
			// Its copies of the docs are gone with it: the next run sends everything again.
			this.worker?.terminate();
			this.worker = null;
			this.held = null;
			this.onHeld = null;
			this.sender.reset();
			this.finish({ id: this.planSeq, ok: false, message: e.message });
		};
		return this.worker;
	}

	close(): void {
		this.worker?.terminate();
		this.worker = null;
	}
}
