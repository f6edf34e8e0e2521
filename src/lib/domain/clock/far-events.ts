// A transfer's or an order's (sales, purchase, work) status is folded from its event log in
// stamp order. An event stamped far ahead (a device clock that was wrong; the relay keeps up to
// a day) makes a new event stamped now sort *before* it: a receipt would read as one before the
// dispatch and be overruled, a shipment as one before the pick it followed, a cancel as the
// first word. So a new event on such a log waits for an admin's confirmation and is then stamped
// just after the far one, the order the people actually acted in. Within FLAG_AHEAD_MS nobody
// is asked: the device has merged that stamp (doc/update-stamps.ts) and stamps after it anyway.

import { formatStamp, parseStamp, type Stamp } from './hlc';
import { stampTrust, FLAG_AHEAD_MS } from './stamp-trust';

/** The latest of `stamps` when it is more than FLAG_AHEAD_MS ahead of `nowMs`, else null. */
export function farAheadStamp(stamps: readonly Stamp[], nowMs: number): Stamp | null {
	let latest: Stamp | null = null;
	for (const s of stamps) if (latest === null || s > latest) latest = s;
	return latest !== null && stampTrust(latest, nowMs, FLAG_AHEAD_MS) === 'ahead' ? latest : null;
}

/** The first stamp of `device` after `stamp` (same wall time, next counter). */
export function stampAfter(stamp: Stamp, device: string): Stamp {
	const parsed = parseStamp(stamp);
	if (!parsed) throw new Error(`not a stamp: ${stamp}`);
	return formatStamp({ wallMs: parsed.wallMs, counter: parsed.counter + 1, device });
}

/** May a new event be appended to a log, and how is it stamped. */
export type FarEventVerdict =
	/** Nothing far ahead: stamped by the device's clock. */
	| { kind: 'now' }
	/** Confirmed by an admin: stamped just after `far` (unless the clock is already past it). */
	| { kind: 'after'; far: Stamp }
	/** Waits for an admin; `mayConfirm` says whether this actor is one. */
	| { kind: 'refused'; mayConfirm: boolean };

export interface FarEventActor {
	admin: boolean;
	/** The actor confirmed acting although the log holds an event stamped far ahead. */
	confirmed: boolean;
}

/** The verdict on a new event for a log stamped `stamps`, with the relay's time `nowMs`. */
export function farEventVerdict(
	stamps: readonly Stamp[],
	nowMs: number,
	actor: FarEventActor
): FarEventVerdict {
	const far = farAheadStamp(stamps, nowMs);
	if (far === null) return { kind: 'now' };
	if (actor.admin && actor.confirmed) return { kind: 'after', far };
	return { kind: 'refused', mayConfirm: actor.admin };
}

/** The stamp of an allowed new event: `now`, or just after the far one when that sorts later. */
export function newEventStamp(
	verdict: Exclude<FarEventVerdict, { kind: 'refused' }>,
	now: Stamp,
	device: string
): Stamp {
	return verdict.kind === 'after' && verdict.far > now ? stampAfter(verdict.far, device) : now;
}
