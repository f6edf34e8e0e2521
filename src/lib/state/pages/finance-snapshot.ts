// The docs the finance view needs, as Yjs updates (what the main thread posts to the worker),
// and their reading into plain sources on the other side.

import * as Y from 'yjs';
import { readFinanceSources } from '../../commands/finance-book';
import type { FinanceSources } from '../../domain/reports/finance-view';

export interface FinanceSnapshot {
	catalog: Uint8Array;
	orders: Uint8Array;
	counts: Uint8Array;
	/** [month, update] of the ledgers from the base month on. */
	ledgers: [string, Uint8Array][];
	nowMs: number;
}

function docOf(update: Uint8Array): Y.Doc {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, update);
	return doc;
}

export function sourcesOfSnapshot(snap: FinanceSnapshot): FinanceSources {
	return readFinanceSources(
		{
			catalog: docOf(snap.catalog),
			orders: docOf(snap.orders),
			counts: docOf(snap.counts),
			ledgers: new Map(snap.ledgers.map(([m, u]) => [m, docOf(u)]))
		},
		snap.nowMs
	);
}
