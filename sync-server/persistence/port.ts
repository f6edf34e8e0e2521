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

export interface PersistencePort {
	/** Everything stored for a room; an unknown room has no updates. */
	load(room: RoomKey): Promise<StoredUpdates>;
	/** Stores one update durably; resolves only once it would survive a crash. */
	append(room: RoomKey, update: Uint8Array): Promise<AppendResult>;
	/**
	 * Folds the rows stored so far into one snapshot. Updates appended while compaction runs
	 * are kept: only rows up to the sequence read at the start are replaced.
	 */
	compact(room: RoomKey): Promise<CompactResult>;
	/** Number of stored rows of a room. */
	count(room: RoomKey): Promise<number>;
	/** Doc names with stored data in a workspace, sorted. */
	listDocs(workspace: string): Promise<string[]>;
	close(): Promise<void>;
}

export function roomId(room: RoomKey): string {
	return `${room.workspace}/${room.doc}`;
}
