// "Changed just now" on the order board: the sales orders another device changed in the last
// few seconds. Loading (before the first sync with the relay) and a catch-up after reconnecting
// that touches many orders at once are not news and mark nothing.

import type * as Y from 'yjs';
import { salesOrdersMap } from '../../doc/orders-doc';
import type { WorkspaceState } from '../workspace.svelte';
import { changedOrderIds } from './orders-board-helpers';

/** A remote transaction touching more orders than this is a catch-up sync, not a live edit. */
const BULK_SYNC_ORDERS = 5;

/** How long a remotely changed card stays highlighted. */
export const CHANGED_HIGHLIGHT_MS = 5000;

export class RemoteOrderChanges {
	/** Order id → wall ms of its last change by another device. */
	changed: Record<string, number> = $state({});

	private readonly stop: () => void;
	private timers: ReturnType<typeof setTimeout>[] = [];
	private seenSync: boolean;

	constructor(ws: WorkspaceState, doc: Y.Doc) {
		this.seenSync = ws.runtime.sync?.provider('orders')?.synced ?? false;
		const map = salesOrdersMap(doc);
		const onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[], txn: Y.Transaction): void => {
			// Local commands are local transactions; everything else came from another device.
			if (txn.local || !ws.ready) return;
			// Until the first sync with the relay completes, remote changes are loading, not news;
			// a later catch-up (after reconnecting) that touches many orders at once is too.
			const provider = ws.runtime.sync?.provider('orders');
			const synced = provider?.synced ?? false;
			if (!this.seenSync) {
				this.seenSync = synced;
				if (!synced) return;
			}
			const ids = changedOrderIds(map, events);
			if (ids.length > 0 && (synced || ids.length <= BULK_SYNC_ORDERS)) this.mark(ids);
		};
		map.observeDeep(onChange);
		this.stop = () => map.unobserveDeep(onChange);
	}

	has(id: string): boolean {
		return id in this.changed;
	}

	private mark(ids: string[]): void {
		const now = Date.now();
		this.changed = { ...this.changed, ...Object.fromEntries(ids.map((id) => [id, now])) };
		const timer = setTimeout(() => {
			this.timers = this.timers.filter((t) => t !== timer);
			const cutoff = Date.now() - CHANGED_HIGHLIGHT_MS + 50;
			this.changed = Object.fromEntries(
				Object.entries(this.changed).filter(([, at]) => at > cutoff)
			);
		}, CHANGED_HIGHLIGHT_MS);
		this.timers.push(timer);
	}

	close(): void {
		this.stop();
		for (const t of this.timers) clearTimeout(t);
		this.timers = [];
	}
}
