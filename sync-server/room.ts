// A room is one workspace doc held in memory while clients are connected: the Y.Doc, its
// awareness, and the peers that receive every change (except the one that sent it).

import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { RoomKey } from './persistence/port';
import { encodeAwareness, encodeUpdate } from './protocol';

export interface Peer {
	send(message: Uint8Array): void;
	/** Awareness client ids this peer announced; removed when it disconnects. */
	readonly awarenessClients: Set<number>;
}

export interface Room {
	readonly key: RoomKey;
	readonly doc: Y.Doc;
	readonly awareness: awarenessProtocol.Awareness;
	readonly peers: Set<Peer>;
	destroy(): void;
}

interface AwarenessChange {
	added: number[];
	updated: number[];
	removed: number[];
}

export function createRoom(key: RoomKey, doc: Y.Doc): Room {
	const peers = new Set<Peer>();
	const awareness = new awarenessProtocol.Awareness(doc);
	// The relay itself is not a participant.
	awareness.setLocalState(null);

	const onUpdate = (update: Uint8Array, origin: unknown): void => {
		const message = encodeUpdate(update);
		for (const peer of peers) if (peer !== origin) peer.send(message);
	};
	doc.on('update', onUpdate);

	const onAwareness = ({ added, updated, removed }: AwarenessChange, origin: unknown): void => {
		const changed = [...added, ...updated, ...removed];
		const sender = [...peers].find((peer) => peer === origin);
		if (sender) {
			for (const id of [...added, ...updated]) sender.awarenessClients.add(id);
			for (const id of removed) sender.awarenessClients.delete(id);
		}
		const message = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(awareness, changed));
		for (const peer of peers) peer.send(message);
	};
	awareness.on('update', onAwareness);

	return {
		key,
		doc,
		awareness,
		peers,
		destroy() {
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
