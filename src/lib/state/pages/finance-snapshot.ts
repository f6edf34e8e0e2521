// The worker's copy of the docs the finance view reads. The worker loads each doc from the
// device's own IndexedDB records (as the app does at start), tells the main thread what it holds
// (a state vector), and the main thread sends only what is missing and, from then on, each doc's
// updates as they happen — so opening finance never re-encodes a year of documents on the main
// thread, and a change costs it a postMessage.

import * as Y from 'yjs';
import { readFinanceSources } from '../../commands/finance-book';
import type { FinanceSources, FinanceView } from '../../domain/reports/finance-view';
import { loadStoredRecords } from '../../storage/stored-records';

/** Replies from the finance worker. */
export type FinanceReply =
	| { kind: 'loaded'; name: string; stateVector: Uint8Array }
	| { kind: 'view'; id: number; view: FinanceView }
	| { kind: 'error'; id: number; error: string };

/** Messages to the finance worker. Doc names: catalog, orders, counts, ledger-YYYY-MM. */
export type FinanceRequest =
	| { kind: 'load'; name: string; dbName: string }
	| { kind: 'update'; name: string; update: Uint8Array }
	| { kind: 'compute'; id: number; months: string[]; nowMs: number };

export function ledgerReplicaName(month: string): string {
	return `ledger-${month}`;
}

export class FinanceReplica {
	private readonly docs = new Map<string, Y.Doc>();

	private doc(name: string): Y.Doc {
		let doc = this.docs.get(name);
		if (!doc) {
			doc = new Y.Doc();
			this.docs.set(name, doc);
		}
		return doc;
	}

	/** Applies a full or incremental update (Yjs updates commute and repeat harmlessly). */
	apply(name: string, update: Uint8Array): void {
		Y.applyUpdate(this.doc(name), update);
	}

	/**
	 * Loads a doc's records from its IndexedDB database (best effort: whatever is missing, the
	 * main thread sends) and returns the replica's state vector.
	 */
	async load(name: string, dbName: string): Promise<Uint8Array> {
		return loadStoredRecords(this.doc(name), dbName);
	}

	/** The sources of the open period: the ledgers of `months` (from the base month on). */
	sources(months: readonly string[], nowMs: number): FinanceSources {
		return readFinanceSources(
			{
				catalog: this.doc('catalog'),
				orders: this.doc('orders'),
				counts: this.doc('counts'),
				ledgers: new Map(months.map((m) => [m, this.doc(ledgerReplicaName(m))]))
			},
			nowMs
		);
	}
}
