// How far a stamp may sit from the relay's time and still be trusted (issue 15, point 3). Two
// bounds ahead: a device does not adopt (and flags) a stamp more than FLAG_AHEAD_MS ahead of
// its relay-corrected clock; the relay refuses one more than REFUSE_AHEAD_MS ahead of its own.
// One bound behind, the same for both: nothing Stockflow holds predates STAMP_FLOOR_MS, so an
// earlier stamp comes from a clock that was reset (to 2001, 1970 …). Stamps in between are
// legitimate: an offline device syncs days or months later with its past stamps.

import { isStamp, stampWallMs, type Stamp } from './hlc';

/** A device flags (and does not adopt) a stamp further ahead of its clock than this. */
export const FLAG_AHEAD_MS = 5 * 60_000;
/** The relay refuses an entry stamped further ahead of its clock than this. */
export const REFUSE_AHEAD_MS = 24 * 60 * 60_000;
/** No Stockflow record is older than this (2020-01-01 UTC): an earlier stamp is a reset clock. */
export const STAMP_FLOOR_MS = Date.UTC(2020, 0, 1);

export type StampTrust = 'ok' | 'ahead' | 'behind';

/** Whether a stamp is within `aheadMs` of `nowMs` and not before the floor. */
export function stampTrust(stamp: Stamp, nowMs: number, aheadMs: number): StampTrust {
	const wallMs = stampWallMs(stamp);
	if (wallMs < STAMP_FLOOR_MS) return 'behind';
	return wallMs - nowMs > aheadMs ? 'ahead' : 'ok';
}

/** The relay's verdict on an entry's stamp, against its own clock. */
export function relayStampTrust(stamp: Stamp, relayNowMs: number): StampTrust {
	return stampTrust(stamp, relayNowMs, REFUSE_AHEAD_MS);
}

/**
 * The relay's verdict on a ledger month (the catalog's `ledgerMonths` key): a month whose first
 * millisecond is a stamp the relay would refuse as ahead holds nothing it would store, and a
 * month before the floor holds only reset clocks' entries. Same bounds as `relayStampTrust`.
 */
export function relayMonthTrust(month: string, relayNowMs: number): StampTrust {
	const m = /^(\d{4})-(\d{2})$/.exec(month);
	if (!m) return 'ok';
	const startMs = Date.UTC(Number(m[1]), Number(m[2]) - 1, 1);
	if (startMs < STAMP_FLOOR_MS) return 'behind';
	return startMs - relayNowMs > REFUSE_AHEAD_MS ? 'ahead' : 'ok';
}

/** Whether a device shows a stamp as not to be trusted (admin clock page, approval gates). */
export function isFlaggedStamp(stamp: Stamp, nowMs: number): boolean {
	return stampTrust(stamp, nowMs, FLAG_AHEAD_MS) !== 'ok';
}

/** The `at` stamp of an entry (movement, event, count line, audit entry), if it has one. */
export function entryStamp(value: unknown): Stamp | null {
	if (typeof value !== 'object' || value === null || !('at' in value)) return null;
	return isStamp(value.at) ? value.at : null;
}

export interface TrustedTimeInput {
	/** The device's clock plus its last measured relay offset. */
	relayMs: number;
	/** Whether the offset was measured since this run started (the relay answered). */
	measured: boolean;
	/** Wall time of the stamp clock's persisted high-water mark (0: none). */
	highWaterMs: number;
}

/**
 * The time a device reasons with (which month is current, which may be closed): the relay's
 * once it answered this run; before that (offline) never earlier than the latest stamp this
 * device recorded, so a clock reset to 2001 does not make it June 2001 — and never before the
 * floor.
 */
export function trustedNowMs({ relayMs, measured, highWaterMs }: TrustedTimeInput): number {
	if (measured) return relayMs;
	return Math.max(relayMs, highWaterMs, STAMP_FLOOR_MS);
}
