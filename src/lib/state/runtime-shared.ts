// The runtime's shared docs (`orders`, `counts`: SHARED_DOCS in commands/context.ts), opened on
// first use and persisted and synced like the catalog (runtime-docs.ts). A shared doc announces
// its changes only once it holds all its stored records (they load in chunks over several
// tasks, storage/local-doc.ts), never half-loaded, and then at most once per microtask.

import * as Y from 'yjs';
import { isSharedDocName, type SharedDocName } from '../commands/context';
import type { OpenDoc } from './closed-months';
import { openLocal, type DocHost } from './runtime-docs';
import { mergeStamps } from './stamp-merge';

export class RuntimeShared {
	private readonly open = new Map<SharedDocName, OpenDoc>();

	constructor(private readonly host: DocHost) {}

	/** The doc, opened on first use. */
	get(name: SharedDocName): OpenDoc {
		let open = this.open.get(name);
		if (!open) this.open.set(name, (open = openSharedDoc(this.host, name)));
		return open;
	}

	/** The shared doc named `docName`, if it is open. */
	find(docName: string): OpenDoc | undefined {
		return isSharedDocName(docName) ? this.open.get(docName) : undefined;
	}

	/** Every shared doc opened so far. */
	all(): OpenDoc[] {
		return [...this.open.values()];
	}
}

/** Whether a transaction changed the doc (what Yjs would send an 'update' for). */
function changedDoc(transaction: Y.Transaction): boolean {
	if (transaction.deleteSet.clients.size > 0) return true;
	for (const [client, clock] of transaction.afterState)
		if (transaction.beforeState.get(client) !== clock) return true;
	return false;
}

function openSharedDoc(host: DocHost, name: SharedDocName): OpenDoc {
	const doc = new Y.Doc();
	mergeStamps(doc, host.clock);
	// Not while its stored chunks load (readers would fold a half-loaded doc each time): once,
	// when it holds them all.
	let loaded = false;
	let queued = false;
	// 'afterTransaction', not 'update': no encoding of each transaction for a notification.
	doc.on('afterTransaction', (transaction: Y.Transaction) => {
		if (queued || !loaded || !changedDoc(transaction)) return;
		queued = true;
		queueMicrotask(() => {
			queued = false;
			host.emit({ kind: 'doc', name });
		});
	});
	const local = openLocal(host, name, doc).then((l) => {
		loaded = true;
		host.emit({ kind: 'doc', name });
		return l;
	});
	return { doc, local };
}
