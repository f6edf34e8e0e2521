// The entries an admin should look at (the clock page): stamped more than the flag bound ahead
// of the relay's time, or before any Stockflow record. They are kept — deleting history is not
// an answer — but listed with the device that stamped them, latest first.

import { compareStamps, parseStamp, stampWallMs, type Stamp } from './hlc';
import { FLAG_AHEAD_MS, stampTrust } from './stamp-trust';

export const STAMPED_KINDS = ['movement', 'count-line', 'event', 'audit'] as const;
export type StampedKind = (typeof STAMPED_KINDS)[number];

/** Any entry a device stamped: a movement, a counted line, a document event, an audit entry. */
export interface StampedEntry {
	kind: StampedKind;
	id: string;
	at: Stamp;
	/** What it belongs to, as people know it (order or count number, movement reference). */
	ref: string;
	user: string;
	/** A movement's or counted line's item (shown when there is no reference). */
	itemId?: string;
}

export interface FlaggedEntry extends StampedEntry {
	/** The stamping device's clock id (the stamp's last part). */
	device: string;
	trust: 'ahead' | 'behind';
	/** Stamp wall time minus the relay's time (positive: ahead). */
	offByMs: number;
}

export function flaggedEntries(entries: Iterable<StampedEntry>, nowMs: number): FlaggedEntry[] {
	const out: FlaggedEntry[] = [];
	for (const e of entries) {
		const trust = stampTrust(e.at, nowMs, FLAG_AHEAD_MS);
		if (trust === 'ok') continue;
		const device = parseStamp(e.at)?.device ?? '';
		out.push({ ...e, device, trust, offByMs: stampWallMs(e.at) - nowMs });
	}
	return out.sort((a, b) => compareStamps(b.at, a.at));
}
