// A room is one workspace doc held in memory while clients are connected: the Y.Doc, its
// awareness, and the peers that receive every change (except the one that sent it).

import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { RoomKey } from './persistence/port';
import { encodeAwareness, encodeFullStateUpdate, encodeUpdate } from '../src/lib/sync/protocol';

export interface Peer {
	send(message: Uint8Array): void;
	/** Forwarding another peer's change: may close a peer whose send buffer is full. */
	forward(message: Uint8Array): void;
	/** Awareness client ids this peer announced; removed when it disconnects. */
	readonly awarenessClients: Set<number>;
}

export interface Room {
	readonly key: RoomKey;
	readonly doc: Y.Doc;
	readonly awareness: awarenessProtocol.Awareness;
	readonly peers: Set<Peer>;
	/**
	 * Bytes stored for this doc since it was loaded (snapshot and rows at load, plus every
	 * update stored since): what the document size limit checks, without encoding the doc.
	 */
	storedBytes: number;
	/**
	 * What a client that has nothing (a fresh join) needs: one sync step 2 with the whole doc,
	 * encoded once and reused until the doc changes. Updates applied since are merged into it
	 * (`Y.mergeUpdates`, no walk of the live doc) rather than sent after it: a client must see
	 * the doc's current state in one transaction, not a stale state followed by catch-up (a
	 * catalog from before a period close would have it open a closed month).
	 */
	fullStateMessages(): Uint8Array[];
	/**
	 * Sends a stored, well-formed update from `from` to every other peer as it is, before the
	 * room applies it, so a reader does not wait for the room's integration of it; returns the
	 * origin to apply it with next, in the same turn (the room then does not forward it again).
	 * While the doc holds updates waiting for a missing dependency, applying this one may
	 * integrate those too: then nothing is sent now and the apply forwards all that is new.
	 */
	forwardBeforeApply(update: Uint8Array, from: Peer): unknown;
	destroy(): void;
}

interface AwarenessChange {
	added: number[];
	updated: number[];
	removed: number[];
}

/** Updates merged into the cached state at the next join before it is re-encoded instead. */
const MAX_TAIL_UPDATES = 256;

/**
 * Presence changes within this window reach the peers as one message. Every y-websocket client
 * renews its presence every 15 s; 200 clients that connected together (after a relay restart,
 * say) renew together, and one message per renewal per peer was 40,000 sends in a few seconds,
 * which held doc updates up by hundreds of milliseconds for every peer of the room.
 */
export const AWARENESS_FLUSH_MS = 40;

/** Origin of an update `forwardBeforeApply` already sent to the peers. */
const ALREADY_FORWARDED = Symbol('already forwarded');

export function createRoom(key: RoomKey, doc: Y.Doc, storedBytes = 0): Room {
	const peers = new Set<Peer>();
	// The cached whole-doc update (and its message) and the updates applied after it. The tail
	// is dropped (and the state re-encoded by the next join) once it grows large.
	let fullUpdate: Uint8Array | null = null;
	let fullMessage: Uint8Array | null = null;
	let tail: Uint8Array[] = [];
	let tailBytes = 0;
	const awareness = new awarenessProtocol.Awareness(doc);
	// The relay itself is not a participant.
	awareness.setLocalState(null);

	/** One update to every peer but the one it came from (`from` may be no peer at all). */
	const forwardUpdate = (update: Uint8Array, from: unknown): void => {
		const message = encodeUpdate(update);
		for (const peer of peers) if (peer !== from) peer.forward(message);
	};

	const onUpdate = (update: Uint8Array, origin: unknown): void => {
		if (fullUpdate) {
			fullMessage = null;
			tail.push(update);
			tailBytes += update.byteLength;
			if (tail.length > MAX_TAIL_UPDATES || tailBytes > fullUpdate.byteLength / 2) {
				fullUpdate = null;
				tail = [];
				tailBytes = 0;
			}
		}
		if (origin !== ALREADY_FORWARDED) forwardUpdate(update, origin);
	};
	doc.on('update', onUpdate);

	// Clients whose presence changed since the last flush (their latest state is sent).
	const awarenessChanged = new Set<number>();
	let awarenessTimer: NodeJS.Timeout | null = null;
	const flushAwareness = (): void => {
		awarenessTimer = null;
		if (awarenessChanged.size === 0) return;
		const changed = [...awarenessChanged];
		awarenessChanged.clear();
		const message = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(awareness, changed));
		for (const peer of peers) peer.forward(message);
	};

	const onAwareness = ({ added, updated, removed }: AwarenessChange, origin: unknown): void => {
		// Identity only: an origin that is one of this room's peers is that peer.
		const sender = peers.has(origin as Peer) ? (origin as Peer) : null;
		for (const id of [...added, ...updated]) {
			sender?.awarenessClients.add(id);
			awarenessChanged.add(id);
		}
		for (const id of removed) {
			sender?.awarenessClients.delete(id);
			awarenessChanged.add(id);
		}
		awarenessTimer ??= setTimeout(flushAwareness, AWARENESS_FLUSH_MS);
	};
	awareness.on('update', onAwareness);

	return {
		key,
		doc,
		awareness,
		peers,
		storedBytes,
		fullStateMessages() {
			if (!fullUpdate) fullUpdate = Y.encodeStateAsUpdate(doc);
			else if (tail.length > 0) fullUpdate = Y.mergeUpdates([fullUpdate, ...tail]);
			else if (fullMessage) return [fullMessage];
			tail = [];
			tailBytes = 0;
			fullMessage = encodeFullStateUpdate(fullUpdate);
			return [fullMessage];
		},
		forwardBeforeApply(update, from) {
			if (doc.store.pendingStructs || doc.store.pendingDs) return from;
			forwardUpdate(update, from);
			return ALREADY_FORWARDED;
		},
		destroy() {
			if (awarenessTimer) clearTimeout(awarenessTimer);
			awarenessTimer = null;
			fullUpdate = null;
			fullMessage = null;
			tail = [];
			awareness.off('update', onAwareness);
			doc.off('update', onUpdate);
			awareness.destroy();
			doc.destroy();
			peers.clear();
		}
	};
}

/** Removes a peer and the awareness states it announced, telling everyone else. */
export function removePeer(room: Room, peer: Peer): void {
	room.peers.delete(peer);
	if (peer.awarenessClients.size > 0) {
		awarenessProtocol.removeAwarenessStates(room.awareness, [...peer.awarenessClients], null);
		peer.awarenessClients.clear();
	}
}

/** Current awareness of a room as one message, for a peer that just joined. */
export function awarenessSnapshot(room: Room): Uint8Array | null {
	const clients = [...room.awareness.getStates().keys()];
	if (clients.length === 0) return null;
	return encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(room.awareness, clients));
}
