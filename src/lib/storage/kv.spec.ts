import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeKeyValueStoreContract } from './kv-contract';
import { browserKeyValueStore, memoryKeyValueStore, webStorageKeyValueStore } from './kv';

/**
 * Web Storage as the spec defines it (strings in, null for a missing key), with a quota in
 * characters like a browser's: a write that would exceed it throws QuotaExceededError.
 */
class SpecStorage implements Storage {
	private readonly items = new Map<string, string>();
	constructor(private readonly quotaChars = Infinity) {}
	get length(): number {
		return this.items.size;
	}
	key(index: number): string | null {
		return [...this.items.keys()][index] ?? null;
	}
	getItem(key: string): string | null {
		return this.items.get(String(key)) ?? null;
	}
	setItem(key: string, value: string): void {
		const k = String(key);
		const v = String(value);
		let used = k.length + v.length;
		for (const [other, stored] of this.items) if (other !== k) used += other.length + stored.length;
		if (used > this.quotaChars) throw new DOMException('quota', 'QuotaExceededError');
		this.items.set(k, v);
	}
	removeItem(key: string): void {
		this.items.delete(String(key));
	}
	clear(): void {
		this.items.clear();
	}
}

describeKeyValueStoreContract('in-memory', () => ({ store: memoryKeyValueStore() }));

describeKeyValueStoreContract('Web Storage', () => {
	const storage = new SpecStorage();
	return { store: webStorageKeyValueStore(storage), again: () => webStorageKeyValueStore(storage) };
});

describeKeyValueStoreContract('Web Storage that is full (quota, private mode)', () => {
	const storage = new SpecStorage(0);
	const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
	return {
		store: webStorageKeyValueStore(storage),
		again: () => webStorageKeyValueStore(storage),
		cleanup: () => quiet.mockRestore()
	};
});

describeKeyValueStoreContract('browser (localStorage)', () => {
	vi.stubGlobal('localStorage', new SpecStorage(150_000));
	const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
	return {
		store: browserKeyValueStore(),
		again: () => browserKeyValueStore(),
		cleanup: () => {
			quiet.mockRestore();
			vi.unstubAllGlobals();
		}
	};
});

describe('browser key-value store', () => {
	afterEach(() => vi.unstubAllGlobals());

	it('writes through to localStorage, so the value survives a reload', () => {
		const storage = new SpecStorage();
		vi.stubGlobal('localStorage', storage);
		browserKeyValueStore().set('stockflow.device', 'Dev12345');
		expect(storage.getItem('stockflow.device')).toBe('Dev12345');
		browserKeyValueStore().remove('stockflow.device');
		expect(storage.getItem('stockflow.device')).toBeNull();
	});

	it('falls back to one process-wide memory store without localStorage', () => {
		vi.stubGlobal('localStorage', undefined);
		browserKeyValueStore().set('stockflow.fallback', 'kept');
		expect(browserKeyValueStore().get('stockflow.fallback')).toBe('kept');
		browserKeyValueStore().remove('stockflow.fallback');
	});
});
