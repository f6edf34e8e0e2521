// Pick allocation: which positions (bin × lot) of one item in one warehouse to take a
// quantity from. FEFO takes the earliest expiry first, FIFO the earliest receipt; ties go to
// the bin that comes first on the walk. The chosen picks are returned in walking order.
// Pure: balances, lot facts and locations are passed in (see domain/lots for lot facts).

import { heldLocationIds, isHeld } from '../catalog/quarantine';
import type { Stamp } from '../clock/hlc';
import type { Balance } from '../ledger/fold';
import { roundQty } from '../ledger/fold';
import { compareLocationCodes } from './walk-order';

export type PickPolicy = 'fifo' | 'fefo';

/** What is known about one lot of the item ('' = stock without a lot). */
export interface LotFacts {
	/** YYYY-MM-DD, from the receipt; absent = does not expire. */
	expiry?: string;
	/** Stamp of the lot's first receipt into stock; absent = unknown (sorts last). */
	firstReceivedAt?: Stamp;
}

export interface AllocateInput {
	itemId: string;
	warehouseId: string;
	/** > 0, in the item's base unit. */
	qty: number;
	policy: PickPolicy;
	balances: Iterable<Balance>;
	/** Keyed by lot ('' for unlotted stock). */
	lotInfo: ReadonlyMap<string, LotFacts>;
	/** Locations of the warehouse (for codes); an unknown id sorts by its id. */
	locations: readonly { id: string; code: string }[];
	/** Only this lot, when the order names one. */
	lot?: string;
	/** YYYY-MM-DD: lots that expire before this day are not suggested. */
	notExpiredOn?: string;
}

export interface Pick {
	/** '' = stock without a bin. */
	locationId: string;
	locationCode: string;
	/** '' = no lot. */
	lot: string;
	expiry?: string;
	qty: number;
}

export interface Allocation {
	/** In walking order. */
	picks: Pick[];
	/** Quantity the stock could not cover (0 when fully allocated). */
	shortfall: number;
}

interface Candidate extends Pick {
	receivedAt?: Stamp;
	available: number;
}

function compareOptional(a: string | undefined, b: string | undefined): number {
	if (a === b) return 0;
	if (a === undefined) return 1; // unknown / never expires: last
	if (b === undefined) return -1;
	return a < b ? -1 : 1;
}

function comparePriority(policy: PickPolicy): (a: Candidate, b: Candidate) => number {
	return (a, b) => {
		const byPolicy =
			policy === 'fefo'
				? compareOptional(a.expiry, b.expiry) || compareOptional(a.receivedAt, b.receivedAt)
				: compareOptional(a.receivedAt, b.receivedAt);
		return (
			byPolicy ||
			compareLocationCodes(a.locationCode, b.locationCode) ||
			(a.lot < b.lot ? -1 : a.lot > b.lot ? 1 : 0)
		);
	};
}

/** Orders picks the way a person walks: bin by bin, lots of one bin together. */
export function compareWalk(a: Pick, b: Pick): number {
	return (
		compareLocationCodes(a.locationCode, b.locationCode) ||
		(a.lot < b.lot ? -1 : a.lot > b.lot ? 1 : 0)
	);
}

export function allocatePick(input: AllocateInput): Allocation {
	const codes = new Map(input.locations.map((l) => [l.id, l.code]));
	// Goods in quarantine (待驗區) are not picked until released.
	const held = heldLocationIds(input.locations);
	const candidates: Candidate[] = [];
	for (const b of input.balances) {
		if (b.itemId !== input.itemId || b.warehouseId !== input.warehouseId || b.qty <= 0) continue;
		if (isHeld(b, held)) continue;
		if (input.lot !== undefined && b.lot !== input.lot) continue;
		const facts = input.lotInfo.get(b.lot) ?? {};
		if (input.notExpiredOn && facts.expiry && facts.expiry < input.notExpiredOn) continue;
		candidates.push({
			locationId: b.locationId,
			locationCode: b.locationId === '' ? '' : (codes.get(b.locationId) ?? b.locationId),
			lot: b.lot,
			expiry: facts.expiry,
			receivedAt: facts.firstReceivedAt,
			available: b.qty,
			qty: 0
		});
	}
	candidates.sort(comparePriority(input.policy));
	let remaining = input.qty > 0 ? input.qty : 0;
	const picks: Pick[] = [];
	for (const c of candidates) {
		if (remaining <= 0) break;
		const take = roundQty(Math.min(c.available, remaining));
		remaining = roundQty(remaining - take);
		const pick: Pick = {
			locationId: c.locationId,
			locationCode: c.locationCode,
			lot: c.lot,
			qty: take
		};
		if (c.expiry !== undefined) pick.expiry = c.expiry;
		picks.push(pick);
	}
	picks.sort(compareWalk);
	return { picks, shortfall: remaining };
}
