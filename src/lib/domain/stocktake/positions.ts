// Count positions: the stock key a count line measures (item × bin × lot in the session's
// warehouse), and "latest count per position wins" so recounts replace earlier counts.

import { compareStamps } from '../clock/hlc';
import type { CountLine } from './session';

export function positionKey(p: { itemId: string; locationId: string; lot: string }): string {
	return `${p.itemId}|${p.locationId}|${p.lot}`;
}

/** The latest line per position (stamp order, line id as tiebreak), keyed by positionKey. */
export function latestLines(lines: Iterable<CountLine>): Map<string, CountLine> {
	const latest = new Map<string, CountLine>();
	for (const line of lines) {
		const k = positionKey(line);
		const current = latest.get(k);
		if (
			!current ||
			compareStamps(line.at, current.at) > 0 ||
			(line.at === current.at && line.id > current.id)
		)
			latest.set(k, line);
	}
	return latest;
}
