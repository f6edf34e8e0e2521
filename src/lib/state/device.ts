// A short per-browser device id (part of every HLC stamp and movement), kept in
// localStorage `stockflow.device`.

import type { KeyValueStore } from '../storage/kv';

const KEY = 'stockflow.device';
const VALID = /^[A-Za-z0-9]{4,32}$/;
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

export function randomDeviceId(length = 8): string {
	const bytes = new Uint8Array(length);
	crypto.getRandomValues(bytes);
	return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
}

export function deviceId(kv: KeyValueStore): string {
	const stored = kv.get(KEY);
	if (stored !== null && VALID.test(stored)) return stored;
	const id = randomDeviceId();
	kv.set(KEY, id);
	return id;
}

/** Uniform in [0, 1) from the platform CSPRNG, for the domain id generator. */
export function cryptoRandom(): number {
	const buf = new Uint32Array(1);
	crypto.getRandomValues(buf);
	return (buf[0] ?? 0) / 4294967296;
}
