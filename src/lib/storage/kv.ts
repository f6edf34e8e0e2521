// A tiny string key-value port for small browser-local settings (device id, session, pending
// confirmations, IndexedDB redirects). localStorage in the browser, a Map in Node tests.

export interface KeyValueStore {
	get(key: string): string | null;
	set(key: string, value: string): void;
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

let fallback: KeyValueStore | null = null;

/** localStorage when the platform has a working one, else a process-wide in-memory store. */
export function browserKeyValueStore(): KeyValueStore {
	try {
		if (typeof localStorage !== 'undefined' && localStorage !== null) {
			const ls = localStorage;
			return {
				get: (key) => ls.getItem(key),
				set: (key, value) => {
					try {
						ls.setItem(key, value);
					} catch (error) {
						// Quota or privacy mode: the value lives only until reload, which is still usable.
						console.error('stockflow: localStorage write failed', key, error);
					}
				},
				remove: (key) => ls.removeItem(key)
			};
		}
	} catch {
		// Accessing localStorage throws in some sandboxed iframes; fall through to memory.
	}
	fallback ??= memoryKeyValueStore();
	return fallback;
}
