// The registry of loaded rooms: loads a room lazily from persistence on first connection,
// unloads it after a grace period without connections, and compacts stored updates in the
// background once a room has many rows.

import type { Logger } from 'pino';
import type { Metrics } from './metrics';
import type { PersistencePort, RoomKey } from './persistence/port';
import { roomId } from './persistence/port';
import { docFromUpdates } from './persistence/merge';
import * as Y from 'yjs';
import { createRoom, type Room } from './room';
import { shareAwareness } from './awareness-relay';

export interface RoomRegistryOptions {
	store: PersistencePort;
	logger: Logger;
	/** Keep an unused room in memory this long (reconnects are cheap). */
	graceMs: number;
	/** Compact a room once it has more stored rows than this. */
	compactAfterRows: number;
	/** Compaction counters (optional: tests and tools may leave them out). */
	metrics?: Metrics;
}

interface Entry {
	refs: number;
	ready: Promise<Room>;
	unloadTimer: NodeJS.Timeout | null;
	/** Stops receiving what other relays store for the room (shared stores only). */
	unwatch?: () => void;
}

/** Origin of updates another relay stored: applied to the room, which forwards them. */
export const FROM_OTHER_RELAY = Symbol('from another relay');

export interface RoomRegistry {
	acquire(key: RoomKey): Promise<Room>;
	release(key: RoomKey): void;
	/** Called after each stored update with the room's row count. */
	stored(key: RoomKey, storedRows: number): void;
	size(): number;
	close(): Promise<void>;
}

export function createRoomRegistry(options: RoomRegistryOptions): RoomRegistry {
	const { store, logger } = options;
	const entries = new Map<string, Entry>();
	const compacting = new Map<string, Promise<void>>();

	function unload(id: string): void {
		const entry = entries.get(id);
		if (!entry || entry.refs > 0) return;
		entries.delete(id);
		entry.unwatch?.();
		void entry.ready.then((room) => {
			room.destroy();
			logger.debug({ room: id }, 'room unloaded');
		});
	}

	function compact(key: RoomKey): void {
		const id = roomId(key);
		if (compacting.has(id)) return;
		const run = new Promise<void>((resolve) => setImmediate(resolve))
			.then(() => store.compact(key))
			.then((result) => {
				if (options.metrics && result.merged > 0) {
					options.metrics.compactions += 1;
					options.metrics.compactedRows += result.merged;
				}
				logger.info({ room: id, ...result }, 'room compacted');
			})
			.catch((err: unknown) => {
				if (options.metrics) options.metrics.compactionFailures += 1;
				logger.error({ room: id, err }, 'compaction failed');
			})
			.finally(() => compacting.delete(id));
		compacting.set(id, run);
	}

	return {
		acquire(key) {
			const id = roomId(key);
			const existing = entries.get(id);
			if (existing) {
				existing.refs += 1;
				if (existing.unloadTimer) clearTimeout(existing.unloadTimer);
				existing.unloadTimer = null;
				return existing.ready;
			}
			const ready = store.load(key).then(({ updates, lastSeq }) => {
				const { doc, skipped } = docFromUpdates(updates);
				if (skipped > 0) logger.error({ room: id, skipped }, 'skipped unreadable stored updates');
				logger.debug({ room: id, rows: updates.length }, 'room loaded');
				const bytes = updates.reduce((sum, update) => sum + update.byteLength, 0);
				const room = createRoom(key, doc, bytes);
				// Several relays on one store: what the others store reaches this room's clients.
				const entry = entries.get(id);
				if (entry?.ready === ready && store.watch) {
					const presence = shareAwareness(room, store, FROM_OTHER_RELAY, logger);
					const unwatch = store.watch(key, lastSeq, {
						updates(remote, startedAtMs) {
							const appliedMs = Date.now();
							for (const update of remote) {
								try {
									Y.applyUpdate(doc, update, FROM_OTHER_RELAY);
								} catch (err) {
									logger.error({ room: id, err }, 'unreadable update from another relay');
								}
							}
							if (options.metrics) {
								options.metrics.fanoutUpdates += remote.length;
								for (const at of startedAtMs) options.metrics.fanoutLag.observe(appliedMs - at);
							}
						},
						awareness: presence.receive
					});
					presence.start();
					entry.unwatch = () => {
						unwatch();
						presence.stop();
					};
				}
				return room;
			});
			const entry: Entry = { refs: 1, ready, unloadTimer: null };
			entries.set(id, entry);
			ready.catch(() => {
				if (entries.get(id) === entry) entries.delete(id);
			});
			return ready;
		},
		release(key) {
			const id = roomId(key);
			const entry = entries.get(id);
			if (!entry) return;
			entry.refs -= 1;
			if (entry.refs > 0) return;
			entry.unloadTimer = setTimeout(() => unload(id), options.graceMs);
			entry.unloadTimer.unref();
		},
		stored(key, storedRows) {
			if (storedRows > options.compactAfterRows) compact(key);
		},
		size() {
			return entries.size;
		},
		async close() {
			await Promise.all(compacting.values());
			for (const [id, entry] of entries) {
				if (entry.unloadTimer) clearTimeout(entry.unloadTimer);
				entry.unwatch?.();
				entries.delete(id);
				await entry.ready.then((room) => room.destroy()).catch(() => undefined);
			}
		}
	};
}
