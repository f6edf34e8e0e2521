// Hybrid logical clock: stamps `<wall ms>-<counter>-<device>` that every device orders
// the same way after a merge. Business order comes from stamps, never from array position.
// The wall clock is passed in (the domain never reads the system clock itself).

export type Stamp = string;

export interface HlcState {
	wallMs: number;
	counter: number;
	device: string;
}

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 6;
const STAMP = /^(\d{15})-(\d{6})-([A-Za-z0-9_.:]{1,64})$/;

export function formatStamp(state: HlcState): Stamp {
	return `${String(state.wallMs).padStart(WALL_DIGITS, '0')}-${String(state.counter).padStart(COUNTER_DIGITS, '0')}-${state.device}`;
}

export function parseStamp(stamp: string): HlcState | null {
	const m = STAMP.exec(stamp);
	if (!m?.[3]) return null;
	return { wallMs: Number(m[1]), counter: Number(m[2]), device: m[3] };
}

export function isStamp(value: unknown): value is Stamp {
	return typeof value === 'string' && STAMP.test(value);
}

/**
 * Total order over stamps. Zero-padded fields make it a plain string comparison,
 * which is also what IndexedDB and SQLite indexes use.
 */
export function compareStamps(a: Stamp, b: Stamp): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** Wall milliseconds of a stamp (for month partitioning and display). */
export function stampWallMs(stamp: Stamp): number {
	return Number(stamp.slice(0, WALL_DIGITS));
}

export interface Hlc {
	/** A new stamp for a local event, strictly greater than every stamp seen so far. */
	now(): Stamp;
	/**
	 * Merge a stamp received from another device so later local stamps sort after it. Returns
	 * false when the stamp is not adopted: malformed, or (with `maxAheadMs`) too far ahead of
	 * this device's clock to trust.
	 */
	receive(stamp: Stamp): boolean;
	/**
	 * Once the wall clock is trusted again (the relay answered), drops a high-water mark more
	 * than `maxAheadMs` ahead of it — left by this device's own clock running far ahead while
	 * offline — so stamps return to real time instead of staying in the future. Returns the
	 * dropped mark, or null when nothing was dropped.
	 */
	dropFarAhead(): Stamp | null;
	readonly device: string;
}

export interface HlcOptions {
	/**
	 * A remote wall time more than this far ahead of the local clock is not adopted: one device
	 * with a clock 400 days ahead must not drag every device's stamps (and ledger months) along.
	 * Such entries are kept as they are and reported to `onFarAhead`. Unset: no bound.
	 */
	maxAheadMs?: number;
	onFarAhead?: (stamp: Stamp, aheadMs: number) => void;
	/**
	 * The high-water mark the last run persisted (`onAdvance`): stamps continue after it, so
	 * they never go backwards across restarts, even when the clock was set back meanwhile.
	 */
	start?: string | null;
	/** Called with the new high-water mark whenever it moves (to persist it). */
	onAdvance?: (stamp: Stamp) => void;
}

export function createHlc(
	device: string,
	wallClockMs: () => number,
	options: HlcOptions = {}
): Hlc {
	const started = options.start ? parseStamp(options.start) : null;
	let last: HlcState = started
		? { wallMs: started.wallMs, counter: started.counter, device }
		: { wallMs: 0, counter: 0, device };
	const advance = (next: HlcState): void => {
		last = next;
		options.onAdvance?.(formatStamp(last));
	};
	return {
		device,
		now() {
			const wall = wallClockMs();
			if (wall > last.wallMs) advance({ wallMs: wall, counter: 0, device });
			else advance({ wallMs: last.wallMs, counter: last.counter + 1, device });
			return formatStamp(last);
		},
		receive(stamp) {
			const remote = parseStamp(stamp);
			if (!remote) return false;
			if (options.maxAheadMs !== undefined) {
				const aheadMs = remote.wallMs - wallClockMs();
				if (aheadMs > options.maxAheadMs) {
					options.onFarAhead?.(stamp, aheadMs);
					return false;
				}
			}
			if (remote.wallMs > last.wallMs)
				advance({ wallMs: remote.wallMs, counter: remote.counter, device });
			else if (remote.wallMs === last.wallMs && remote.counter > last.counter)
				advance({ wallMs: last.wallMs, counter: remote.counter, device });
			return true;
		},
		dropFarAhead() {
			if (options.maxAheadMs === undefined) return null;
			const wall = wallClockMs();
			if (last.wallMs - wall <= options.maxAheadMs) return null;
			const dropped = formatStamp(last);
			advance({ wallMs: wall, counter: 0, device });
			return dropped;
		}
	};
}
