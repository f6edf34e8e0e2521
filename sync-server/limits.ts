// Per-connection and per-room limits that keep one misbehaving or slow client from costing
// the relay unbounded memory or CPU. Each breach closes only that connection, with an
// application close code and a reason text (see protocol.ts), and counts in /metrics.

export interface RelayLimits {
	/**
	 * A connection whose unsent bytes (ws `bufferedAmount`) pass this when the relay forwards
	 * to it is closed with 4408 instead of queueing more: its client reconnects and catches up
	 * with one sync step, which is far smaller than the backlog. Must stay above the largest
	 * document a client joins (the initial sync is one message).
	 */
	maxBufferedBytes: number;
	/** Sustained messages per second per connection (token bucket refill). */
	messagesPerSecond: number;
	/** Messages a connection may send at once before the sustained rate applies. */
	messageBurst: number;
	/**
	 * An update that would grow a document's stored bytes past this is refused (not stored,
	 * not forwarded) and the connection closed with 4413.
	 */
	maxDocBytes: number;
}

const MiB = 1024 * 1024;

// A year of one company's movements is a few MiB per monthly ledger doc; 64 MiB leaves an
// order of magnitude of room. Bursts: a reconnecting client replays one message per offline
// transaction, so the burst is generous and the sustained rate is what stops a flood.
export const DEFAULT_LIMITS: RelayLimits = {
	maxBufferedBytes: 64 * MiB,
	messagesPerSecond: 200,
	messageBurst: 2000,
	maxDocBytes: 64 * MiB
};

export function resolveLimits(partial: Partial<RelayLimits> | undefined): RelayLimits {
	return { ...DEFAULT_LIMITS, ...partial };
}

/** A token bucket: `take()` is false once the connection is over its rate. */
export interface RateLimiter {
	take(): boolean;
}

export function createRateLimiter(
	perSecond: number,
	burst: number,
	now: () => number = () => performance.now()
): RateLimiter {
	let tokens = burst;
	let last = now();
	return {
		take() {
			const t = now();
			tokens = Math.min(burst, tokens + ((t - last) / 1000) * perSecond);
			last = t;
			if (tokens < 1) return false;
			tokens -= 1;
			return true;
		}
	};
}
