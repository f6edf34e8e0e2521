// What planning reads, as the main thread hands it to the Web Worker: the catalog and orders
// docs as Yjs updates (a binary copy) and the stock balances the page already keeps folded (so
// a year of ledgers is neither copied nor refolded). In the app the worker first loads both docs
// from this device's IndexedDB itself (as the finance worker does), so even the first run sends
// only what that copy lacks instead of encoding the whole docs on the main thread. The worker
// reads the planning snapshot (order board, supply, forecast) and plans. bench/planning.ts
// measures the main thread's share against reading the snapshot there.

import * as Y from 'yjs';
import { workspaceDocsInMemory } from '../../commands/memory-docs';
import type { WorkspaceDocs } from '../../commands/context';
import { readPlanningSnapshot } from '../../commands/production/planning';
import { promiseForOrder, type PromiseAnswer } from '../../commands/production/promise';
import type { PromiseRequest } from '../../domain/production/promise';
import type { Balance } from '../../domain/ledger/fold';
import { stockKeyString } from '../../domain/ledger/movement';
import { buildPlan, type Plan } from '../../domain/production/planning';
import { loadStoredRecords } from '../../storage/stored-records';

/** The docs planning reads, by role: their IndexedDB names, or what a copy holds of them. */
export interface PlanDocNames<T = string> {
	catalog: T;
	orders: T;
}

export interface PlanDocs {
	catalog: Uint8Array;
	orders: Uint8Array;
	/** Stock per position (item × warehouse × bin × lot), as the page's fold has it. */
	balances: Balance[];
}

/**
 * The page's side. The first message carries the whole catalog and orders docs; later ones only
 * what changed since the last one sent (a state-vector diff), so a re-plan after a receipt or a
 * conversion copies a few bytes. `reset` when the worker that holds the copies is replaced.
 */
export class PlanDocsSender {
	private sent: { catalog: Uint8Array; orders: Uint8Array } | null = null;

	encode(docs: WorkspaceDocs, balances: Iterable<Balance>): PlanDocs {
		const orders = docs.shared('orders');
		const snap: PlanDocs = {
			catalog: Y.encodeStateAsUpdate(docs.catalog, this.sent?.catalog),
			orders: Y.encodeStateAsUpdate(orders, this.sent?.orders),
			balances: [...balances]
		};
		this.sent = { catalog: Y.encodeStateVector(docs.catalog), orders: Y.encodeStateVector(orders) };
		return snap;
	}

	/** The worker's copies hold this much (state vectors): the next message sends the rest. */
	assumeHeld(held: PlanDocNames<Uint8Array>): void {
		this.sent = { catalog: held.catalog, orders: held.orders };
	}

	reset(): void {
		this.sent = null;
	}
}

/** The whole docs at once (the CLI-like, stateless form used by tests and the benchmark). */
export function encodePlanDocs(docs: WorkspaceDocs, balances: Iterable<Balance>): PlanDocs {
	return new PlanDocsSender().encode(docs, balances);
}

/** The buffers to transfer with a message carrying both encoded docs. */
export function planDocsBuffers(snap: { catalog: Uint8Array; orders: Uint8Array }): ArrayBuffer[] {
	// Yjs encodes into plain ArrayBuffers (never shared ones), which a transfer list takes.
	return [snap.catalog.buffer as ArrayBuffer, snap.orders.buffer as ArrayBuffer];
}

/** The worker's side: its copies of the docs live across runs; each run applies the updates. */
export class PlanDocsMirror {
	private readonly docs = workspaceDocsInMemory();

	/** Loads both docs from their IndexedDB databases; returns what the copies hold. */
	async load(dbNames: PlanDocNames): Promise<PlanDocNames<Uint8Array>> {
		const [catalog, orders] = await Promise.all([
			loadStoredRecords(this.docs.catalog, dbNames.catalog),
			loadStoredRecords(this.docs.shared('orders'), dbNames.orders)
		]);
		return { catalog, orders };
	}

	plan(snap: PlanDocs, today: string, buckets: number): Plan {
		return buildPlan(readPlanningSnapshot(this.context(snap), today, buckets), buckets);
	}

	/** The delivery promise and rush preview for one prospective order (one or more lines). */
	promise(
		snap: PlanDocs,
		requests: readonly PromiseRequest[],
		today: string,
		buckets: number
	): PromiseAnswer {
		return promiseForOrder(this.context(snap), requests, today, buckets);
	}

	private context(snap: PlanDocs) {
		Y.applyUpdate(this.docs.catalog, snap.catalog);
		Y.applyUpdate(this.docs.shared('orders'), snap.orders);
		const balances = new Map(snap.balances.map((b) => [stockKeyString(b), b]));
		return { docs: this.docs, balances: () => balances };
	}
}

/** Rebuilds the docs from the updates and plans on them. */
export function planOfDocs(snap: PlanDocs, today: string, buckets: number): Plan {
	return new PlanDocsMirror().plan(snap, today, buckets);
}
