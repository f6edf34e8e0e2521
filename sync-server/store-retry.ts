// Appends that outlive a store outage (a database restarting, a network blip): the append is
// tried again with backoff instead of closing the writer's connection at once. Meanwhile that
// connection's later frames wait behind it, so nothing it sent after is stored, forwarded or
// confirmed out of order, and its message-100 answers wait too: the client keeps the changes
// as unconfirmed. Only after `giveUpMs` does the append fail (the caller closes with 1011).

import type { AppendResult, PersistencePort, RoomKey } from './persistence/port';

export interface StoreRetryOptions {
	/** Stop trying after this long (then the last error is thrown). */
	giveUpMs: number;
	/** Called before each new try, with the error that failed the last one. */
	onRetry(err: unknown): void;
	/** The client is gone: stop trying (it sends the change again when it reconnects). */
	abandoned(): boolean;
}

const FIRST_DELAY_MS = 100;
const MAX_DELAY_MS = 1000;

export async function appendWithRetry(
	store: PersistencePort,
	key: RoomKey,
	update: Uint8Array,
	options: StoreRetryOptions
): Promise<AppendResult> {
	const deadline = Date.now() + options.giveUpMs;
	let delayMs = FIRST_DELAY_MS;
	for (;;) {
		try {
			return await store.append(key, update);
		} catch (err) {
			if (Date.now() + delayMs > deadline || options.abandoned()) throw err;
			options.onRetry(err);
			await new Promise((resolve) => setTimeout(resolve, delayMs));
			delayMs = Math.min(MAX_DELAY_MS, delayMs * 2);
		}
	}
}
