// Runs planning off the main thread: the page posts the docs as Yjs updates (the whole docs
// first, then what changed) and its stock fold; the worker keeps its copies, reads the planning
// snapshot from them and plans (production-plan-docs.ts).

import type { PromiseRequest } from '../../domain/production/promise';
import { PlanDocsMirror, type PlanDocs } from './production-plan-docs';

const mirror = new PlanDocsMirror();

self.onmessage = (
	event: MessageEvent<{
		id: number;
		docs: PlanDocs;
		today: string;
		buckets: number;
		requests?: PromiseRequest[];
	}>
) => {
	const { id, docs, today, buckets, requests } = event.data;
	try {
		if (requests)
			self.postMessage({ id, ok: true, answer: mirror.promise(docs, requests, today, buckets) });
		else self.postMessage({ id, ok: true, plan: mirror.plan(docs, today, buckets) });
	} catch (err) {
		self.postMessage({ id, ok: false, message: err instanceof Error ? err.message : String(err) });
	}
};
