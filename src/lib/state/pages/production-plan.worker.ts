// Runs planning off the main thread: the worker first loads its copies of the docs from
// IndexedDB and says what they hold; the page then posts what they lack as Yjs updates (then
// what changed) with its stock fold; the worker reads the planning snapshot and plans
// (production-plan-docs.ts). Messages are handled in order, the load finishing first.

import type { PromiseAnswer } from '../../commands/production/promise';
import type { Plan } from '../../domain/production/planning';
import type { PromiseRequest } from '../../domain/production/promise';
import {
	PlanDocsMirror,
	planDocsBuffers,
	type PlanDocNames,
	type PlanDocs
} from './production-plan-docs';

export type PlanRequest =
	| { id: number; load: PlanDocNames }
	| { id: number; docs: PlanDocs; today: string; buckets: number; requests?: PromiseRequest[] };

export type PlanReply =
	| { id: number; ok: true; held: PlanDocNames<Uint8Array> }
	| { id: number; ok: true; plan: Plan }
	| { id: number; ok: true; answer: PromiseAnswer }
	| { id: number; ok: false; message: string };

const mirror = new PlanDocsMirror();

function reply(message: PlanReply, transfer: Transferable[] = []): void {
	self.postMessage(message, { transfer });
}
let queue: Promise<void> = Promise.resolve();

// Not outside data: the runner (same build) posts only `satisfies PlanRequest` messages.
self.onmessage = (event: MessageEvent<PlanRequest>) => {
	const msg = event.data;
	queue = queue.then(() => handle(msg)).catch(() => undefined);
};

async function handle(msg: PlanRequest): Promise<void> {
	if ('load' in msg) {
		const held = await mirror.load(msg.load);
		reply({ id: msg.id, ok: true, held }, planDocsBuffers(held));
		return;
	}
	const { id, docs, today, buckets, requests } = msg;
	try {
		if (requests) reply({ id, ok: true, answer: mirror.promise(docs, requests, today, buckets) });
		else reply({ id, ok: true, plan: mirror.plan(docs, today, buckets) });
	} catch (err) {
		reply({ id, ok: false, message: err instanceof Error ? err.message : String(err) });
	}
}
