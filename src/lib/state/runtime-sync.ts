// The runtime's sync client (null when local-only): one provider per doc as docs open, its
// status changes as 'connection' events, the relay's time samples to the device clock. A token
// the relay will refuse (an expired JWT kept offline, an ended device session) makes no
// reconnect attempts.

import type { RelayTimeSample } from '../domain/clock/relay-clock';
import type { PendingTracker } from '../sync/pending-tracker';
import { SyncClient } from '../sync/sync-client';
import type { RuntimeEvent, RuntimeOptions } from './runtime-types';

export interface SyncHooks {
	pending: PendingTracker;
	/** The device's stamp time (its clock plus the relay's offset). */
	nowMs: () => number;
	/** The device's own clock, against which the relay's time is measured. */
	deviceMs: () => number;
	emit: (event: RuntimeEvent) => void;
	onRelayTime: (sample: RelayTimeSample) => void;
}

export function createSyncClient(options: RuntimeOptions, hooks: SyncHooks): SyncClient | null {
	if (options.serverUrl === null) return null;
	const sync = new SyncClient({
		serverUrl: options.serverUrl,
		token: options.session.token,
		pending: hooks.pending,
		onChange: () => hooks.emit({ kind: 'connection' }),
		...(options.isBrowserOnline ? { isBrowserOnline: options.isBrowserOnline } : {}),
		...(options.checkToken ? { checkToken: options.checkToken } : {}),
		...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
		nowMs: hooks.nowMs,
		relayTime: { wallMs: hooks.deviceMs, onSample: hooks.onRelayTime }
	});
	// After construction, since it notifies `onEvent`, whose owner may not hold the runtime yet.
	if (options.session.expMs <= hooks.nowMs()) queueMicrotask(() => sync.setUnauthorized());
	return sync;
}
