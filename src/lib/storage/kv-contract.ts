// The key-value port's contract: what the device id, the session, the pending-confirmation
// tracker and the IndexedDB redirects rely on. Every KeyValueStore runs this same suite.

import { afterEach, describe, expect, it } from 'vitest';
import type { KeyValueStore } from './kv';

export interface KeyValueStoreHarness {
	readonly store: KeyValueStore;
	/** The store as the next caller gets it (callers take a fresh one per operation). */
	again?: () => KeyValueStore;
	cleanup?: () => void;
}

export function describeKeyValueStoreContract(
	name: string,
	make: () => KeyValueStoreHarness
): void {
	describe(`key-value store contract: ${name}`, () => {
		const harnesses: KeyValueStoreHarness[] = [];
		const open = (): KeyValueStoreHarness => {
			const h = make();
			harnesses.push(h);
			return h;
		};
		afterEach(() => {
			for (const h of harnesses.splice(0)) h.cleanup?.();
		});

		it('answers null for a key never set', () => {
			const { store } = open();
			expect(store.get('stockflow.device')).toBeNull();
			expect(store.get('')).toBeNull();
		});

		it('returns what was set, and the last value set', () => {
			const { store } = open();
			store.set('stockflow.device', 'K7QMab12');
			expect(store.get('stockflow.device')).toBe('K7QMab12');
			store.set('stockflow.device', 'Z9');
			expect(store.get('stockflow.device')).toBe('Z9');
		});

		it('forgets a removed key; removing a missing key is a no-op', () => {
			const { store } = open();
			store.set('stockflow.session', 'jwt');
			store.remove('stockflow.session');
			expect(store.get('stockflow.session')).toBeNull();
			expect(() => store.remove('stockflow.never-set')).not.toThrow();
			store.set('stockflow.session', 'again');
			expect(store.get('stockflow.session')).toBe('again');
		});

		it('keeps keys apart, including prefixes and case', () => {
			const { store } = open();
			const keys = [
				'stockflow.pending.acme',
				'stockflow.pending.acme2',
				'stockflow.pending.ACME',
				'stockflow.pending',
				'stockflow.idb-redirect.acme.ledger-2026-11',
				'stockflow.idb-redirect.acme.ledger-2026-1'
			];
			keys.forEach((key, i) => store.set(key, `v${i}`));
			keys.forEach((key, i) => expect(store.get(key)).toBe(`v${i}`));
			store.remove('stockflow.pending.acme');
			expect(store.get('stockflow.pending.acme')).toBeNull();
			keys.slice(1).forEach((key, i) => expect(store.get(key)).toBe(`v${i + 1}`));
		});

		it('round-trips values exactly', () => {
			const { store } = open();
			const values = [
				'',
				'null',
				'undefined',
				' padded ',
				'桃園總倉 · 紅茶 600ml 🧋',
				JSON.stringify([{ doc: 'ledger-2026-11', clock: 12, note: 'line\nbreak\t"quoted"' }]),
				// The pending tracker stores one entry per unconfirmed transaction: it grows offline.
				'x'.repeat(200_000)
			];
			values.forEach((value, i) => store.set(`k${i}`, value));
			values.forEach((value, i) => expect(store.get(`k${i}`)).toBe(value));
		});

		it('is the same store for the next caller', (ctx) => {
			const h = open();
			if (!h.again) return ctx.skip();
			h.store.set('stockflow.device', 'Dev12345');
			h.store.set('gone', 'soon');
			h.store.remove('gone');
			const next = h.again();
			expect(next.get('stockflow.device')).toBe('Dev12345');
			expect(next.get('gone')).toBeNull();
			next.set('stockflow.device', 'Other999');
			expect(h.store.get('stockflow.device')).toBe('Other999');
		});
	});
}
