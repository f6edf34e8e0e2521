// View model of the refused-change banner: which docs hold changes of this device that the
// relay refused (connection.refusals), in words, and setting them aside: a copy is downloaded,
// the doc moves to a fresh database and the app reloads, so the doc re-syncs from the relay
// under a new Yjs client id (sync/refusals.ts explains why nothing else would get later work
// of that doc through). Other tabs of this workspace reload too: they hold the refused change
// in memory and would hand it back through the cross-tab channel.

import { t } from '../i18n';
import { CATALOG, monthOfLedgerDoc } from '../doc/names';
import type { RefusalReason } from '../sync/protocol';
import type { DocRefusal } from '../sync/refusals';
import type { SetAsideCopy } from '../sync/set-aside';
import { connection } from './connection.svelte';
import { getWorkspace } from './workspace.svelte';

const CHANNEL = 'stockflow-set-aside';

export interface RefusedDocView {
	doc: string;
	/** The doc in words ("the catalog (items, customers, warehouses)"). */
	docLabel: string;
	reason: RefusalReason;
	reasonText: string;
	/** The relay's own words (English, technical): for the administrator. */
	detail: string;
	/** Changes of this doc waiting for the relay: set aside with the refused one. */
	unsynced: number;
}

export interface RefusedChangesDeps {
	save(blob: Blob, fileName: string): void;
	reload(): void;
	setAside(doc: string): SetAsideCopy | null;
	unsynced(doc: string): number;
	workspace(): string | null;
}

function docLabel(doc: string): string {
	if (doc === CATALOG) return t('refused.doc.catalog');
	if (doc === 'orders') return t('refused.doc.orders');
	if (doc === 'counts') return t('refused.doc.counts');
	const month = monthOfLedgerDoc(doc);
	return month === null ? doc : t('refused.doc.ledger', { month });
}

export function describeRefusal(refusal: DocRefusal, unsynced: number): RefusedDocView {
	return {
		doc: refusal.doc,
		docLabel: docLabel(refusal.doc),
		reason: refusal.reason,
		reasonText: t(`refused.reason.${refusal.reason}`),
		detail: refusal.detail,
		unsynced
	};
}

const browserDeps: RefusedChangesDeps = {
	save: () => {},
	reload: () => location.reload(),
	setAside: (doc) => getWorkspace()?.runtime.setAsideRefused(doc) ?? null,
	unsynced: (doc) => getWorkspace()?.runtime.pending.countFor(doc) ?? 0,
	workspace: () => getWorkspace()?.session.workspace ?? null
};

export class RefusedChangesModel {
	/** The doc whose set-aside is being confirmed, if any. */
	confirming = $state<string | null>(null);
	busy = $state(false);
	private readonly deps: RefusedChangesDeps;

	constructor(
		save: (blob: Blob, fileName: string) => void,
		deps: Partial<RefusedChangesDeps> = {}
	) {
		this.deps = { ...browserDeps, save, ...deps };
	}

	get docs(): RefusedDocView[] {
		// Read so the unsynced counts follow the pending list.
		void connection.pending;
		return connection.refusals.map((r) => describeRefusal(r, this.deps.unsynced(r.doc)));
	}

	/** Listens for another tab's set-aside of this workspace; returns the stop function. */
	followOtherTabs(): () => void {
		if (typeof BroadcastChannel === 'undefined') return () => {};
		const channel = new BroadcastChannel(CHANNEL);
		channel.onmessage = (event: MessageEvent<unknown>) => {
			const data = event.data;
			const workspace = typeof data === 'object' && data !== null && 'workspace' in data;
			if (workspace && data.workspace === this.deps.workspace()) this.deps.reload();
		};
		return () => channel.close();
	}

	ask(doc: string): void {
		this.confirming = doc;
	}

	cancel(): void {
		this.confirming = null;
	}

	/** Downloads the copy, re-points the doc and reloads (this tab and the workspace's others). */
	setAside(doc: string): void {
		if (this.busy) return;
		this.busy = true;
		const copy = this.deps.setAside(doc);
		if (copy) this.deps.save(new Blob([copy.text], { type: 'application/json' }), copy.fileName);
		if (typeof BroadcastChannel !== 'undefined') {
			const channel = new BroadcastChannel(CHANNEL);
			channel.postMessage({ workspace: this.deps.workspace(), doc });
			channel.close();
		}
		// Let the download start before the page goes.
		setTimeout(() => this.deps.reload(), 300);
	}
}
