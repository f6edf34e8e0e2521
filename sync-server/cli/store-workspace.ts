// A workspace read straight from the relay's store (no relay running): every stored doc is
// loaded into memory; changes made to the docs afterwards are collected so `save` appends
// exactly them, one merged update per doc, through the persistence port.

import * as Y from 'yjs';
import { isSharedDocName, type WorkspaceDocs } from '../../src/lib/commands/context';
import {
	workspaceDocsInMemory,
	type MemoryWorkspaceDocs
} from '../../src/lib/commands/memory-docs';
import { CATALOG, isLedgerDocName } from '../../src/lib/doc/names';
import type { PersistencePort } from '../persistence/port';

export interface StoreWorkspace {
	readonly docs: WorkspaceDocs;
	/** Doc names loaded or created, `catalog` first. */
	names(): string[];
	doc(name: string): Y.Doc;
	/** Stored rows Yjs could not apply (skipped). */
	readonly skippedRows: number;
	/** Appends what changed since loading; returns the number of docs written. */
	save(): Promise<{ docs: number; bytes: number }>;
}

export async function loadStoreWorkspace(
	store: PersistencePort,
	workspace: string
): Promise<StoreWorkspace> {
	const inner: MemoryWorkspaceDocs = workspaceDocsInMemory();
	let skippedRows = 0;
	for (const name of await store.listDocs(workspace)) {
		if (name !== CATALOG && !isSharedDocName(name) && !isLedgerDocName(name)) continue;
		const target = inner.get(name);
		for (const update of (await store.load({ workspace, doc: name })).updates) {
			try {
				Y.applyUpdate(target, update, 'store');
			} catch {
				skippedRows += 1;
			}
		}
	}

	const pending = new Map<string, Uint8Array[]>();
	const watched = new WeakSet<Y.Doc>();
	const watch = (name: string, doc: Y.Doc): Y.Doc => {
		if (watched.has(doc)) return doc;
		watched.add(doc);
		doc.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin === 'store') return;
			const list = pending.get(name) ?? [];
			list.push(update);
			pending.set(name, list);
		});
		return doc;
	};
	for (const name of inner.names()) watch(name, inner.get(name));

	const docs: WorkspaceDocs = {
		catalog: inner.catalog,
		shared: (name) => watch(name, inner.shared(name)),
		ledger(month) {
			const doc = inner.ledger(month);
			return watch(`ledger-${month}`, doc);
		},
		ledgers: () => inner.ledgers()
	};

	return {
		docs,
		names: () => inner.names(),
		doc: (name) => inner.get(name),
		skippedRows,
		async save() {
			let written = 0;
			let bytes = 0;
			for (const [name, updates] of pending) {
				if (updates.length === 0) continue;
				const merged = updates.length === 1 && updates[0] ? updates[0] : Y.mergeUpdates(updates);
				await store.append({ workspace, doc: name }, merged);
				written += 1;
				bytes += merged.byteLength;
			}
			pending.clear();
			return { docs: written, bytes };
		}
	};
}
