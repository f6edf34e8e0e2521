// While the session store cannot be read (the shared Postgres restarting), a device that drops
// and reconnects would be refused: its credential cannot be checked. The relay keeps the last
// answer it read for each session and each user's revocation, and uses it — only when the store
// fails, and only if it is at most `maxAgeMs` old — so connections come back through a database
// restart like they do through a relay restart. A device the relay has not seen lately is
// refused until the store answers again; the guard keeps polling the store itself, so a
// revocation is applied as soon as it can be read.

import type { SessionStore, StoredDeviceSession } from './store';

interface Known<T> {
	readonly value: T;
	readonly atMs: number;
}

/** Entries kept at most (oldest dropped first): a relay sees far fewer devices. */
const MAX_ENTRIES = 20_000;

export function withLastKnown(
	store: SessionStore,
	options: { maxAgeMs: number; onFallback?: (err: unknown) => void }
): SessionStore {
	const sessions = new Map<string, Known<StoredDeviceSession | null>>();
	const revocations = new Map<string, Known<number | null>>();
	// Real elapsed time, not the relay's (test) clock.
	const now = (): number => performance.now();

	function remember<T>(cache: Map<string, Known<T>>, key: string, value: T): T {
		cache.delete(key);
		cache.set(key, { value, atMs: now() });
		if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
		return value;
	}

	async function read<T>(cache: Map<string, Known<T>>, key: string, load: () => Promise<T>) {
		try {
			return remember(cache, key, await load());
		} catch (err) {
			const known = cache.get(key);
			if (!known || now() - known.atMs > options.maxAgeMs) throw err;
			options.onFallback?.(err);
			return known.value;
		}
	}

	return {
		...store,
		// What this relay ends is forgotten at once: never reused as "open" during an outage.
		async endSession(id, reason, nowMs) {
			sessions.delete(id);
			return store.endSession(id, reason, nowMs);
		},
		async revokeUser(workspace, user, reason, nowMs) {
			for (const [id, known] of sessions) {
				if (known.value?.workspace === workspace && known.value.user === user) sessions.delete(id);
			}
			revocations.delete(`${workspace}\u0000${user}`);
			return store.revokeUser(workspace, user, reason, nowMs);
		},
		session: (id) => read(sessions, id, () => store.session(id)),
		userRevokedAtMs: (workspace, user) =>
			read(revocations, `${workspace}\u0000${user}`, () => store.userRevokedAtMs(workspace, user))
	};
}
