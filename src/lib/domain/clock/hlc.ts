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
	/** Merge a stamp received from another device so later local stamps sort after it. */
	receive(stamp: Stamp): void;
	readonly device: string;
}

export function createHlc(device: string, wallClockMs: () => number): Hlc {
	let last: HlcState = { wallMs: 0, counter: 0, device };
	return {
		device,
		now() {
			const wall = wallClockMs();
			if (wall > last.wallMs) last = { wallMs: wall, counter: 0, device };
			else last = { wallMs: last.wallMs, counter: last.counter + 1, device };
			return formatStamp(last);
		},
		receive(stamp) {
			const remote = parseStamp(stamp);
			if (!remote) return;
			if (remote.wallMs > last.wallMs)
				last = { wallMs: remote.wallMs, counter: remote.counter, device };
			else if (remote.wallMs === last.wallMs && remote.counter > last.counter)
				last = { wallMs: last.wallMs, counter: remote.counter, device };
		}
	};
}
