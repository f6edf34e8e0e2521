// In-memory persistence: the reference implementation of the port, for tests and for
// trying a backend change against the contract suite without a database.

import * as Y from 'yjs';
import type { AppendResult, CompactResult, PersistencePort, RoomKey, StoredUpdates } from './port';
import { roomId } from './port';
import { mergeStored } from './merge';

interface Row {
	seq: number;
	snapshot: boolean;
	data: Uint8Array;
}

export function createMemoryStore(): PersistencePort {
	const rooms = new Map<string, { workspace: string; doc: string; rows: Row[] }>();
	let nextSeq = 1;
	let closed = false;

	function open(): void {
		if (closed) throw new Error('Memory store is closed');
	}

	function roomRows(room: RoomKey): Row[] {
		return rooms.get(roomId(room))?.rows ?? [];
	}

	return {
		async ready(): Promise<void> {},
		async load(room: RoomKey): Promise<StoredUpdates> {
			open();
			const rows = [...roomRows(room)].sort(
				(a, b) => Number(b.snapshot) - Number(a.snapshot) || a.seq - b.seq
			);
			return {
				updates: rows.map((row) => row.data.slice()),
				lastSeq: rows.reduce((max, row) => Math.max(max, row.seq), 0)
			};
		},
		async append(room: RoomKey, update: Uint8Array): Promise<AppendResult> {
			open();
			const id = roomId(room);
			let entry = rooms.get(id);
			if (!entry) {
				entry = { workspace: room.workspace, doc: room.doc, rows: [] };
				rooms.set(id, entry);
			}
			const seq = nextSeq++;
			entry.rows.push({ seq, snapshot: false, data: update.slice() });
			return { seq, storedRows: entry.rows.length };
		},
		async durable(): Promise<void> {
			// Nothing here survives the process; "as durable as it gets" is now.
			open();
		},
		async compact(room: RoomKey): Promise<CompactResult> {
			open();
			const entry = rooms.get(roomId(room));
			if (!entry) return { merged: 0, snapshotBytes: 0 };
			const bound = entry.rows.reduce((max, row) => Math.max(max, row.seq), 0);
			// Yield once, as a networked backend would: appends that land now must survive.
			await Promise.resolve();
			const taken = entry.rows.filter((row) => row.seq <= bound && decodes(row.data));
			if (taken.length <= 1) return { merged: 0, snapshotBytes: 0 };
			const snapshot = mergeStored(taken.map((row) => row.data));
			const takenSeqs = new Set(taken.map((row) => row.seq));
			const top = Math.max(...takenSeqs);
			entry.rows = entry.rows.filter((row) => !takenSeqs.has(row.seq));
			entry.rows.push({ seq: top, snapshot: true, data: snapshot });
			return { merged: taken.length, snapshotBytes: snapshot.byteLength };
		},
		async count(room: RoomKey): Promise<number> {
			open();
			return roomRows(room).length;
		},
		async listDocs(workspace: string): Promise<string[]> {
			open();
			return [...rooms.values()]
				.filter((entry) => entry.workspace === workspace && entry.rows.length > 0)
				.map((entry) => entry.doc)
				.sort();
		},
		async close(): Promise<void> {
			closed = true;
		}
	};
}

function decodes(update: Uint8Array): boolean {
	try {
		Y.decodeUpdate(update);
		return true;
	} catch {
		return false;
	}
}
