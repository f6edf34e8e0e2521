// One doc's sync state inside the sync client, and how its provider's events and this device's
// command transactions move it: connected / closed (counting upgrades that never opened), the
// relay's deliberate closes, a finished sync, and local changes the relay has yet to confirm.

import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { isCommandOrigin } from '../doc/origin';
import { closeOutcome } from './protocol';
import type { RelayTimeQuery } from './relay-time';

/** Consecutive failed upgrades (never opened) before we ask /healthz whether the relay is up. */
const FAILED_OPENS_BEFORE_PROBE = 4;

export interface DocSync {
	provider: WebsocketProvider;
	settled: boolean;
	opened: boolean;
	failedOpens: number;
	queryTimer: ReturnType<typeof setTimeout> | null;
	/** The relay's state vector at its last answer to message 100. */
	relaySV: Map<number, number> | null;
	/** Its refused changes were set aside: no more syncing under this doc (the app reloads). */
	setAside: boolean;
	time: RelayTimeQuery | null;
	detach: () => void;
}

/** What the sync client does about one doc's events. */
export interface DocSyncHooks {
	/** Status, pending or confirmations may have changed. */
	onChange(): void;
	/** Ask the relay (message 100) what it holds of the doc, soon. */
	queryRelay(): void;
	/** A local command changed the doc up to `clock` (this device's client id). */
	recordLocal(clientID: number, clock: number): void;
	/** Upgrades keep failing without ever opening: is the relay refusing us? */
	probeRefusal(): void;
	/** The relay closed us on purpose: this app is too old, or we are not let in. */
	closedOnPurpose(outcome: 'outdated' | 'refused'): void;
}

/** Follows the doc's provider and command transactions; sets `entry.detach` to stop. */
export function followDocSync(entry: DocSync, doc: Y.Doc, hooks: DocSyncHooks): void {
	const { provider } = entry;
	const onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }): void => {
		if (status === 'connected') {
			entry.settled = true;
			entry.opened = true;
			entry.failedOpens = 0;
			entry.time?.send();
		}
		hooks.onChange();
	};
	const onSync = (synced: boolean): void => {
		if (synced) hooks.queryRelay();
		hooks.onChange();
	};
	const onClose = (): void => {
		entry.settled = true;
		if (!entry.opened) entry.failedOpens++;
		entry.opened = false;
		if (entry.failedOpens >= FAILED_OPENS_BEFORE_PROBE) hooks.probeRefusal();
		hooks.onChange();
	};
	const onClosed = ({ code }: { code: number }): void => {
		const outcome = closeOutcome(code);
		if (outcome !== 'reconnect') hooks.closedOnPurpose(outcome);
	};
	const onAfterTransaction = (tr: Y.Transaction): void => {
		if (!isCommandOrigin(tr.origin)) return;
		const before = tr.beforeState.get(doc.clientID) ?? 0;
		const after = Y.getState(doc.store, doc.clientID);
		if (after === before) return;
		hooks.recordLocal(doc.clientID, after);
		hooks.queryRelay();
		hooks.onChange();
	};
	provider.on('status', onStatus);
	provider.on('sync', onSync);
	provider.on('connection-close', onClose);
	provider.on('closed', onClosed);
	doc.on('afterTransaction', onAfterTransaction);
	entry.detach = () => {
		provider.off('status', onStatus);
		provider.off('sync', onSync);
		provider.off('connection-close', onClose);
		provider.off('closed', onClosed);
		doc.off('afterTransaction', onAfterTransaction);
	};
}
