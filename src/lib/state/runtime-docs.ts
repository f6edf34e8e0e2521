// Opening the runtime's docs (workspace-runtime.ts): local persistence first, then the
// provider, so the relay diff is computed against local data; and setting a refused doc's
// changes aside.

import * as Y from 'yjs';
import { CATALOG } from '../doc/names';
import type { Hlc } from '../domain/clock/hlc';
import { docDbName, redirectDocDb } from '../storage/db-names';
import type { KeyValueStore } from '../storage/kv';
import { openLocalDoc, type LocalDoc } from '../storage/local-doc';
import type { PendingTracker } from '../sync/pending-tracker';
import { setAsideCopy, type SetAsideCopy } from '../sync/set-aside';
import type { SyncClient } from '../sync/sync-client';
import type { RuntimeEvent } from './runtime-types';

/** What opening a doc needs of the runtime. */
export interface DocHost {
	readonly storageNamespace: string;
	readonly kv: KeyValueStore;
	readonly nowMs: () => number;
	readonly sync: SyncClient | null;
	readonly clock: Hlc;
	/** The session's user. */
	readonly user: string;
	isClosed(): boolean;
	emit(event: RuntimeEvent): void;
}

/** Local persistence first, then the provider: the relay diff is computed against local data. */
export async function openLocal(host: DocHost, name: string, doc: Y.Doc): Promise<LocalDoc | null> {
	let local: LocalDoc | null = null;
	try {
		local = await openLocalDoc({
			workspace: host.storageNamespace,
			docName: name,
			doc,
			kv: host.kv,
			nowMs: host.nowMs
		});
		if (local.recovered) host.emit({ kind: 'corrupt-doc', report: local.recovered });
	} catch (error) {
		// Without IndexedDB the app still works online; nothing survives a reload.
		console.error(
			`stockflow: no local persistence for ${docDbName(host.storageNamespace, name)}`,
			error
		);
	}
	if (host.isClosed()) {
		await local?.destroy();
		return null;
	}
	host.sync?.addDoc(name, doc);
	if (name === CATALOG) host.emit({ kind: 'connection' });
	return local;
}

/**
 * Sets a refused doc's changes aside: returns a copy of everything this device holds that the
 * relay has not stored, points the doc at a fresh database (the old one stays in place), forgets
 * its unconfirmed entries and stops syncing it. The app then reloads: the doc opens empty under
 * a new Yjs client id and the relay fills it, so later work is not stuck behind the refused
 * struct (see sync/refusals.ts).
 */
export function setAsideDoc(
	host: DocHost,
	target: { docName: string; doc: Y.Doc; workspace: string; pending: PendingTracker }
): SetAsideCopy {
	const { docName, doc, workspace, pending } = target;
	const copy = setAsideCopy({
		workspace,
		docName,
		doc,
		refusal: host.sync?.refusal(docName) ?? null,
		relayStateVector: host.sync?.relayStateVector(docName) ?? null,
		user: host.user,
		device: host.clock.device,
		nowMs: host.nowMs()
	});
	redirectDocDb(host.kv, host.storageNamespace, docName, host.nowMs());
	pending.drop(docName);
	host.sync?.setAside(docName);
	return copy;
}
