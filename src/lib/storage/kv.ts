// A tiny string key-value port for small browser-local settings (device id, session, pending
// confirmations, IndexedDB redirects). localStorage in the browser, a Map in Node tests. Every
// implementation passes the same contract (kv-contract.ts).

export interface KeyValueStore {
	/** The value last set for `key`; null when it was never set or was removed. */
	get(key: string): string | null;
	set(key: string, value: string): void;
	/** Removing a missing key is a no-op. */
	remove(key: string): void;
}

export function memoryKeyValueStore(): KeyValueStore {
	const values = new Map<string, string>();
	return {
		get: (key) => values.get(key) ?? null,
		set: (key, value) => void values.set(key, value),
		remove: (key) => void values.delete(key)
	};
}

/** The part of the Web Storage API (localStorage) the store uses. */
export type WebStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const byStorage = new WeakMap<WebStorage, KeyValueStore>();

/**
 * A store over Web Storage. One instance per storage object, so a write the platform refused
 * (quota, privacy mode) is still read back — from memory, until reload — by every caller:
 * callers take a fresh `browserKeyValueStore()` per operation.
 */
export function webStorageKeyValueStore(storage: WebStorage): KeyValueStore {
	const existing = byStorage.get(storage);
	if (existing) return existing;
	const unsaved = new Map<string, string>();
	const store: KeyValueStore = {
		get: (key) => unsaved.get(key) ?? storage.getItem(key),
		set: (key, value) => {
			try {
				storage.setItem(key, value);
				unsaved.delete(key);
			} catch (error) {
				unsaved.set(key, value);
				console.error('stockflow: localStorage write failed; kept until reload', key, error);
			}
		},
		remove: (key) => {
			unsaved.delete(key);
			storage.removeItem(key);
		}
	};
	byStorage.set(storage, store);
	return store;
}

let fallback: KeyValueStore | null = null;

/** localStorage when the platform has a working one, else a process-wide in-memory store. */
export function browserKeyValueStore(): KeyValueStore {
	try {
		if (typeof localStorage !== 'undefined' && localStorage !== null)
			return webStorageKeyValueStore(localStorage);
	} catch {
		// Accessing localStorage throws in some sandboxed iframes; fall through to memory.
	}
	fallback ??= memoryKeyValueStore();
	return fallback;
}
