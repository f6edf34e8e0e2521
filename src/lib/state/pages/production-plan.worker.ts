// Runs planning off the main thread: the worker first loads its copies of the docs from
// IndexedDB and says what they hold; the page then posts what they lack as Yjs updates (then
// what changed) with its stock fold; the worker reads the planning snapshot and plans
// (production-plan-docs.ts). Messages are handled in order, the load finishing first.

import type { PromiseRequest } from '../../domain/production/promise';
import { PlanDocsMirror, type PlanDocNames, type PlanDocs } from './production-plan-docs';

export type PlanRequest =
	| { id: number; load: PlanDocNames }
	| { id: number; docs: PlanDocs; today: string; buckets: number; requests?: PromiseRequest[] };

const mirror = new PlanDocsMirror();
let queue: Promise<void> = Promise.resolve();

self.onmessage = (event: MessageEvent<PlanRequest>) => {
	const msg = event.data;
	queue = queue.then(() => handle(msg)).catch(() => undefined);
};

async function handle(msg: PlanRequest): Promise<void> {
	if ('load' in msg) {
		const held = await mirror.load(msg.load);
		self.postMessage(
			{ id: msg.id, ok: true, held },
			{ transfer: [held.catalog.buffer as ArrayBuffer, held.orders.buffer as ArrayBuffer] }
		);
		return;
	}
	const { id, docs, today, buckets, requests } = msg;
	try {
		if (requests)
			self.postMessage({ id, ok: true, answer: mirror.promise(docs, requests, today, buckets) });
		else self.postMessage({ id, ok: true, plan: mirror.plan(docs, today, buckets) });
	} catch (err) {
		self.postMessage({ id, ok: false, message: err instanceof Error ? err.message : String(err) });
	}
}
