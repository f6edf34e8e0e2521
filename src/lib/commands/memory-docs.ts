// WorkspaceDocs backed by plain in-memory Y.Docs, created on demand. Used by tests, the
// simulated devices of the convergence test, and the CLI (which persists them itself).

import * as Y from 'yjs';
import { CATALOG, isMonth, ledgerDocName } from '../doc/names';
import { baseMonthOf } from '../doc/period-doc';
import { isSharedDocName, SHARED_DOCS, type SharedDocName, type WorkspaceDocs } from './context';

export interface MemoryWorkspaceDocs extends WorkspaceDocs {
	/** Names of every doc created so far (`catalog`, the shared docs, then ledgers by month). */
	names(): string[];
	/** The doc with this name, created when missing (`catalog`, `orders`, `counts`, `ledger-YYYY-MM`). */
	get(name: string): Y.Doc;
}

export function workspaceDocsInMemory(): MemoryWorkspaceDocs {
	const catalog = new Y.Doc();
	const shared = new Map<SharedDocName, Y.Doc>(SHARED_DOCS.map((name) => [name, new Y.Doc()]));
	const sharedDoc = (name: SharedDocName): Y.Doc => {
		const doc = shared.get(name);
		if (!doc) throw new RangeError(`Unknown doc ${name}`);
		return doc;
	};
	const ledgers = new Map<string, Y.Doc>();
	const ledger = (month: string): Y.Doc => {
		if (!isMonth(month)) throw new RangeError(`Not a month: ${month}`);
		let doc = ledgers.get(month);
		if (!doc) {
			doc = new Y.Doc();
			ledgers.set(month, doc);
		}
		return doc;
	};
	return {
		catalog,
		shared: sharedDoc,
		ledger,
		ledgers: () => {
			const base = baseMonthOf(catalog);
			return [...ledgers.entries()]
				.filter(([month]) => base === null || month >= base)
				.sort(([a], [b]) => (a < b ? -1 : 1))
				.map(([, d]) => d);
		},
		names: () => [CATALOG, ...SHARED_DOCS, ...[...ledgers.keys()].sort().map(ledgerDocName)],
		get(name) {
			if (name === CATALOG) return catalog;
			if (isSharedDocName(name)) return sharedDoc(name);
			const m = /^ledger-(\d{4}-\d{2})$/.exec(name);
			if (!m?.[1]) throw new RangeError(`Unknown doc ${name}`);
			return ledger(m[1]);
		}
	};
}
