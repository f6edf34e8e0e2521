// Runs the MRP plan for a page: the planning snapshot is read from the docs on the main thread
// (plain data), the pure plan runs in a Web Worker so the page never freezes. Without Worker
// (tests) it runs inline. A newer run supersedes an older answer still in flight.

import { readPlanningSnapshot } from '../../commands/production/planning';
import { buildPlan, type Plan } from '../../domain/production/planning';
import type { WorkspaceState } from '../workspace.svelte';
import { localToday } from './orders-board-helpers';
import PlanWorker from './production-plan.worker?worker';

type Reply = { id: number; ok: true; plan: Plan } | { id: number; ok: false; message: string };

export class PlanRunner {
	plan = $state.raw<Plan | null>(null);
	running = $state(false);
	error = $state<string | null>(null);
	readonly today = localToday();
	private worker: Worker | null = null;
	private seq = 0;

	constructor(private readonly ws: WorkspaceState) {}

	run(weeks: number): void {
		const id = ++this.seq;
		this.running = true;
		this.error = null;
		let snapshot;
		try {
			snapshot = readPlanningSnapshot({ docs: this.ws.runtime.docs }, this.today, weeks);
		} catch (err) {
			this.finish({ id, ok: false, message: err instanceof Error ? err.message : String(err) });
			return;
		}
		const worker = this.ensureWorker();
		if (!worker) {
			this.finish({ id, ok: true, plan: buildPlan(snapshot, weeks) });
			return;
		}
		worker.postMessage({ id, snapshot, buckets: weeks });
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
		this.worker.onerror = (e) => this.finish({ id: this.seq, ok: false, message: e.message });
		return this.worker;
	}

	close(): void {
		this.worker?.terminate();
		this.worker = null;
	}
}
