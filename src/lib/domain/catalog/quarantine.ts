// Quarantine (待驗區): the bin coded QC in a warehouse holds goods that failed or await
// inspection. They are physically on hand but nobody may promise, pick or plan with them
// until they are released (concession) or sent back to the supplier.

import { normalizeCode } from './entities';

export const QUARANTINE_CODE = 'QC';

export function isQuarantineLocation(location: { code: string }): boolean {
	return normalizeCode(location.code) === QUARANTINE_CODE;
}

/** Ids of the locations whose stock is held (not available to promise, pick or plan). */
export function heldLocationIds(
	locations: Iterable<{ id: string; code: string }>
): ReadonlySet<string> {
	const out = new Set<string>();
	for (const l of locations) if (isQuarantineLocation(l)) out.add(l.id);
	return out;
}

/** Stock outside held locations (stock without a bin is never held). */
export function isHeld(balance: { locationId: string }, held: ReadonlySet<string>): boolean {
	return balance.locationId !== '' && held.has(balance.locationId);
}
