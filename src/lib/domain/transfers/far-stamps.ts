// A transfer's events are ordered by stamp, and the state machine reads them in that order. An
// event stamped far ahead (a device clock that was wrong; the relay keeps up to a day) makes a
// new event stamped now sort *before* it: a receipt would read as one before the dispatch and be
// overruled (its stock reversed). So a new event waits for an admin's confirmation, and is then
// stamped just after the far one, the order the people actually acted in.

import { formatStamp, parseStamp, type Stamp } from '../clock/hlc';
import { stampTrust, FLAG_AHEAD_MS } from '../clock/stamp-trust';
import type { TransferEvent } from './transfer';

/** The transfer's latest event when it is stamped more than the flag bound ahead of `nowMs`. */
export function farAheadEvent(
	events: readonly Pick<TransferEvent, 'at'>[],
	nowMs: number
): Pick<TransferEvent, 'at'> | null {
	let latest: Pick<TransferEvent, 'at'> | null = null;
	for (const e of events) if (latest === null || e.at > latest.at) latest = e;
	return latest !== null && stampTrust(latest.at, nowMs, FLAG_AHEAD_MS) === 'ahead' ? latest : null;
}

/** The first stamp of `device` after `stamp` (same wall time, next counter). */
export function stampAfter(stamp: Stamp, device: string): Stamp {
	const parsed = parseStamp(stamp);
	if (!parsed) throw new Error(`not a stamp: ${stamp}`);
	return formatStamp({ wallMs: parsed.wallMs, counter: parsed.counter + 1, device });
}
