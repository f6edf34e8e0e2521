// The relay's storage port. Rooms are append-only logs of Yjs updates that compaction folds
// into one snapshot row. Methods are async so a networked backend (Postgres, Redis streams)
// fits the same contract; every implementation must pass `describePersistenceContract`.

export interface RoomKey {
	readonly workspace: string;
	readonly doc: string;
}

export interface StoredUpdates {
	/** Snapshot (if any) first, then updates in append order. */
	readonly updates: Uint8Array[];
	/** Highest sequence number stored for the room (0 when empty). */
	readonly lastSeq: number;
}

export interface AppendResult {
	readonly seq: number;
	/** Rows now stored for the room (snapshot included): the compaction trigger. */
	readonly storedRows: number;
}

export interface CompactResult {
	/** Rows folded into the snapshot (0 when there was nothing to do). */
	readonly merged: number;
	readonly snapshotBytes: number;
}

/** What a relay holding a room hears from the other relays sharing its store. */
export interface RoomWatch {
	/**
	 * Updates another relay stored, in seq order; `startedAtMs` holds, for those whose
	 * notification arrived, when that relay started the batch that stored them (epoch ms).
	 */
	updates(updates: Uint8Array[], startedAtMs: number[]): void;
	/** An awareness update another relay's clients sent for the room. */
	awareness?(update: Uint8Array): void;
}

export interface PersistencePort {
	/**
	 * Resolves once the backend can store without a start-up delay (threads started, connections
	 * open); rejects when it cannot start. The relay listens only after it.
	 */
	ready(): Promise<void>;
	/** Everything stored for a room; an unknown room has no updates. */
	load(room: RoomKey): Promise<StoredUpdates>;
	/**
	 * Stores one update; resolves once it is stored: it survives a crash or `kill -9` of the
	 * relay process (the relay forwards it only then).
	 */
	append(room: RoomKey, update: Uint8Array): Promise<AppendResult>;
	/**
	 * Resolves once every append that resolved before this call would also survive power loss
	 * (the relay confirms state with message 100 only then). A backend whose appends are already
	 * that durable resolves at once. Rejects when durability can no longer be promised.
	 */
	durable(): Promise<void>;
	/**
	 * Folds the rows stored so far into one snapshot. Updates appended while compaction runs
	 * are kept: only rows up to the sequence read at the start are replaced.
	 */
	compact(room: RoomKey): Promise<CompactResult>;
	/** Number of stored rows of a room. */
	count(room: RoomKey): Promise<number>;
	/** Doc names with stored data in a workspace, sorted. */
	listDocs(workspace: string): Promise<string[]>;
	/**
	 * Shared backends only (several relays on one database): tells `handlers` what other
	 * relays store for the room after `afterSeq` (starting with what is already there) and the
	 * presence they publish for it. Returns a function that stops watching. A backend only one
	 * relay uses leaves it out.
	 */
	watch?(room: RoomKey, afterSeq: number, handlers: RoomWatch): () => void;
	/** Shared backends only: sends a room's awareness (presence) update to the other relays. */
	publishAwareness?(room: RoomKey, update: Uint8Array): void;
	/**
	 * Networked backends only: resolves when the backend answers now, rejects when it is
	 * unreachable (what /healthz reports). An embedded backend leaves it out.
	 */
	health?(): Promise<void>;
	close(): Promise<void>;
}

export function roomId(room: RoomKey): string {
	return `${room.workspace}/${room.doc}`;
}
