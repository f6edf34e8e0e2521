// The pieces of a bench client process: stock y-websocket providers on Node's ws (one that notes
// when each message has fully arrived), waiting for a sync or for our relay to hold everything
// sent, and the movement entries clients write.

import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
	installStateVectorHandler,
	sendStateVectorQuery
} from '../../src/lib/sync/state-vector-query';
import { nowMs, type Entry, type Target } from './shared';

export const WebSocketPolyfill = WebSocket as unknown as typeof globalThis.WebSocket;

/** The worker runs with --expose-gc (rpc.ts). */
export function collectGarbage(): void {
	(globalThis as { gc?: () => void }).gc?.();
}

export function isEntry(value: unknown): value is Entry {
	return (
		typeof value === 'object' &&
		value !== null &&
		'w' in value &&
		typeof value.w === 'number' &&
		't' in value &&
		typeof value.t === 'number'
	);
}

export function connect(
	target: Target,
	doc = new Y.Doc(),
	polyfill: typeof globalThis.WebSocket = WebSocketPolyfill
): WebsocketProvider {
	return new WebsocketProvider(target.serverUrl, target.room, doc, {
		params: { token: target.token },
		WebSocketPolyfill: polyfill,
		disableBc: true
	});
}

/**
 * A WebSocket that notes when each message has fully arrived (ws emits 'message' once the last
 * frame is in), before y-websocket's handler decodes and applies it: our listener is added in
 * the constructor, ahead of the provider's `onmessage`.
 */
export function timedWebSocket(onArrival: (atMs: number) => void): typeof globalThis.WebSocket {
	class TimedWebSocket extends WebSocket {
		constructor(url: string | URL, protocols?: string | string[]) {
			super(url, protocols);
			this.addEventListener('message', () => onArrival(nowMs()));
		}
	}
	return TimedWebSocket as unknown as typeof globalThis.WebSocket;
}

export function synced(provider: WebsocketProvider): Promise<void> {
	if (provider.synced) return Promise.resolve();
	return new Promise((resolve) => {
		const on = (isSynced: boolean): void => {
			if (!isSynced) return;
			provider.off('sync', on);
			resolve();
		};
		provider.on('sync', on);
	});
}

/**
 * Resolves once our relay answers message 100 on this connection: it handles a connection's
 * frames in order, so everything the provider sent before (the seed) is stored and applied.
 */
export function relayHasAll(provider: WebsocketProvider): Promise<void> {
	return new Promise((resolve, reject) => {
		installStateVectorHandler(
			provider,
			() => resolve(),
			(error) => reject(error instanceof Error ? error : new Error(String(error)))
		);
		if (!sendStateVectorQuery(provider)) reject(new Error('seeder not connected'));
	});
}
export function movement(writer: number, seq: number): Entry {
	return {
		id: `m-${writer}-${seq}`,
		item: `SKU-${(seq * 7919) % 2000}`,
		wh: 'W1',
		qty: 1 + (seq % 9),
		w: writer,
		t: nowMs()
	};
}
