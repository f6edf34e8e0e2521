// Presence across relays: what a room's own clients announce goes to the other relays that
// share the store (coalesced like room.ts does for its peers), and what they publish is applied
// to the room's awareness, which shows it to the local clients. A relay that starts watching a
// room asks the others for their clients' states (an empty update is that question), so a
// client joining there sees everyone at once instead of at their next renewal (up to 15 s).

import type { Logger } from 'pino';
import * as awarenessProtocol from 'y-protocols/awareness';
import { MAX_AWARENESS_BYTES } from './persistence/postgres-url';
import type { PersistencePort } from './persistence/port';
import { AWARENESS_FLUSH_MS, type Room } from './room';

export interface AwarenessShare {
	/** Starts publishing and asks the other relays for their states. */
	start(): void;
	/** An awareness update (or, empty, a request for states) from another relay. */
	receive(update: Uint8Array): void;
	stop(): void;
}

interface AwarenessChange {
	added: number[];
	updated: number[];
	removed: number[];
}

export function shareAwareness(
	room: Room,
	store: PersistencePort,
	remoteOrigin: unknown,
	logger: Logger
): AwarenessShare {
	const changed = new Set<number>();
	let timer: NodeJS.Timeout | null = null;
	let stopped = false;

	function publish(clients: number[]): void {
		if (stopped || clients.length === 0 || !store.publishAwareness) return;
		const update = awarenessProtocol.encodeAwarenessUpdate(room.awareness, clients);
		if (update.byteLength <= MAX_AWARENESS_BYTES) {
			store.publishAwareness(room.key, update);
			return;
		}
		// Too large for one notification: one per client (a single oversized state is dropped).
		if (clients.length === 1) {
			logger.warn({ bytes: update.byteLength }, 'awareness state too large to share');
			return;
		}
		for (const client of clients) publish([client]);
	}

	function flush(): void {
		timer = null;
		const clients = [...changed];
		changed.clear();
		publish(clients);
	}

	/** Clients announced by this relay's own peers. */
	function localClients(): number[] {
		const clients = new Set<number>();
		for (const peer of room.peers) for (const id of peer.awarenessClients) clients.add(id);
		return [...clients];
	}

	const onUpdate = ({ added, updated, removed }: AwarenessChange, origin: unknown): void => {
		if (origin === remoteOrigin || stopped) return;
		for (const id of [...added, ...updated, ...removed]) {
			if (id !== room.awareness.clientID) changed.add(id);
		}
		if (changed.size > 0) timer ??= setTimeout(flush, AWARENESS_FLUSH_MS);
	};

	return {
		start() {
			room.awareness.on('update', onUpdate);
			store.publishAwareness?.(room.key, new Uint8Array(0));
		},
		receive(update) {
			if (stopped) return;
			if (update.byteLength === 0) {
				publish(localClients());
				return;
			}
			try {
				awarenessProtocol.applyAwarenessUpdate(room.awareness, update, remoteOrigin);
			} catch (err) {
				logger.error({ room: room.key, err }, 'unreadable awareness from another relay');
			}
		},
		stop() {
			stopped = true;
			if (timer) clearTimeout(timer);
			room.awareness.off('update', onUpdate);
		}
	};
}
