// Runs the MRP plan for a page: the main thread only copies the docs as Yjs updates; the Web
// Worker reads the planning snapshot from them and plans, so the page never freezes. Without
// Worker (tests) it runs inline. A newer run supersedes an older answer still in flight.

import type { Plan } from '../../domain/production/planning';
import {
	PlanDocsMirror,
	PlanDocsSender,
	planDocsBuffers,
	type PlanDocs
} from './production-plan-docs';
import type { WorkspaceState } from '../workspace.svelte';
import { localToday } from './orders-board-helpers';
import PlanWorker from './production-plan.worker?worker';

type Reply = { id: number; ok: true; plan: Plan } | { id: number; ok: false; message: string };

export class PlanRunner {
	plan = $state.raw<Plan | null>(null);
	running = $state(false);
	error = $state<string | null>(null);
	/** Main-thread time of the last run: copying the docs (everything else is in the worker). */
	mainThreadMs = $state(0);
	readonly today = localToday();
	private worker: Worker | null = null;
	private readonly sender = new PlanDocsSender();
	/** Without a Worker the plan runs inline on this copy. */
	private inline: PlanDocsMirror | null = null;
	private seq = 0;

	constructor(private readonly ws: WorkspaceState) {}

	run(weeks: number): void {
		const id = ++this.seq;
		this.running = true;
		this.error = null;
		let docs: PlanDocs;
		const started = performance.now();
		try {
			this.ensureWorker();
			docs = this.sender.encode(this.ws.runtime.docs, this.ws.balances);
		} catch (err) {
			this.finish({ id, ok: false, message: err instanceof Error ? err.message : String(err) });
			return;
		}
		this.mainThreadMs = performance.now() - started;
		const worker = this.worker;
		if (!worker) {
			try {
				const mirror = (this.inline ??= new PlanDocsMirror());
				this.finish({ id, ok: true, plan: mirror.plan(docs, this.today, weeks) });
			} catch (err) {
				this.finish({ id, ok: false, message: err instanceof Error ? err.message : String(err) });
			}
			return;
		}
		worker.postMessage({ id, docs, today: this.today, buckets: weeks }, planDocsBuffers(docs));
	}

	private finish(reply: Reply): void {
		if (reply.id !== this.seq) return;
		this.running = false;
		if (reply.ok) this.plan = reply.plan;
		else this.error = reply.message;
	}

	private ensureWorker(): Worker | null {
		if (this.worker) return this.worker;
		if (typeof Worker === 'undefined') return null;
		this.worker = new PlanWorker();
		this.worker.onmessage = (e: MessageEvent<Reply>) => this.finish(e.data);
		this.worker.onerror = (e) => {
			// Its copies of the docs are gone with it: the next run sends everything again.
			this.worker?.terminate();
			this.worker = null;
			this.sender.reset();
			this.finish({ id: this.seq, ok: false, message: e.message });
		};
		return this.worker;
	}

	close(): void {
		this.worker?.terminate();
		this.worker = null;
	}
}
