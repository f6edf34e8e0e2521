// Runs the MRP plan, and delivery promises, for a page: the main thread only copies the docs as
// Yjs updates (diffs after the first run) with its stock fold; the Web Worker keeps its copies,
// reads the planning snapshot and plans or promises, so the page never freezes. Without Worker
// (tests) it runs inline. A newer run supersedes an older answer still in flight.

import type { PromiseAnswer } from '../../commands/production/promise';
import type { Plan } from '../../domain/production/planning';
import type { PromiseRequest } from '../../domain/production/promise';
import {
	PlanDocsMirror,
	PlanDocsSender,
	planDocsBuffers,
	type PlanDocs
} from './production-plan-docs';
import type { WorkspaceState } from '../workspace.svelte';
import { localToday } from './orders-board-helpers';
import PlanWorker from './production-plan.worker?worker';

type Reply =
	| { id: number; ok: true; plan: Plan }
	| { id: number; ok: true; answer: PromiseAnswer }
	| { id: number; ok: false; message: string };

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
		let docs: PlanDocs;
		const started = performance.now();
		try {
			this.ensureWorker();
			docs = this.sender.encode(this.ws.runtime.docs, this.ws.balances);
		} catch (err) {
			queueMicrotask(() =>
				this.finish({ id, ok: false, message: err instanceof Error ? err.message : String(err) })
			);
			return id;
		}
		this.mainThreadMs = performance.now() - started;
		const worker = this.worker;
		if (!worker) {
			queueMicrotask(() => {
				try {
					const mirror = (this.inline ??= new PlanDocsMirror());
					this.finish(
						requests
							? { id, ok: true, answer: mirror.promise(docs, requests, this.today, weeks) }
							: { id, ok: true, plan: mirror.plan(docs, this.today, weeks) }
					);
				} catch (err) {
					this.finish({ id, ok: false, message: err instanceof Error ? err.message : String(err) });
				}
			});
			return id;
		}
		worker.postMessage(
			{ id, docs, today: this.today, buckets: weeks, ...(requests ? { requests } : {}) },
			planDocsBuffers(docs)
		);
		return id;
	}

	private finish(reply: Reply): void {
		if (reply.id === this.planSeq) {
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
		this.worker.onmessage = (e: MessageEvent<Reply>) => this.finish(e.data);
		this.worker.onerror = (e) => {
			// Its copies of the docs are gone with it: the next run sends everything again.
			this.worker?.terminate();
			this.worker = null;
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
