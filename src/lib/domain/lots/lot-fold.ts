// Lots folded from movements: each lot's expiry and first receipt (for FEFO/FIFO and expiry
// alerts) and where it sits now. A lot's expiry comes from its receipts; when receipts
// disagree the earliest expiry wins, because warning early is the safe mistake.

import { compareStamps, type Stamp } from '../clock/hlc';
import { compareMovements, roundQty } from '../ledger/fold';
import type { Movement } from '../ledger/movement';
import type { LotFacts } from '../picking/allocate';

export interface LotSummary {
	itemId: string;
	/** '' = unlotted stock of the item. */
	lot: string;
	expiry?: string;
	firstReceivedAt?: Stamp;
	/** On hand over every warehouse and bin. */
	onHand: number;
	/** On hand per warehouse id. */
	byWarehouse: Map<string, number>;
}

function lotKey(itemId: string, lot: string): string {
	return `${itemId}|${lot}`;
}

const INFLOW_REASONS = new Set(['receipt', 'production', 'return']);

/** Lot facts carried over from closed periods (see ledger/period.ts `openingLots`). */
export interface LotSeed {
	itemId: string;
	lot: string;
	expiry?: string;
	firstReceivedAt?: Stamp;
}

export function foldLots(
	movements: Iterable<Movement>,
	seeds: Iterable<LotSeed> = []
): Map<string, LotSummary> {
	const lots = new Map<string, LotSummary>();
	for (const seed of seeds) {
		lots.set(lotKey(seed.itemId, seed.lot), {
			itemId: seed.itemId,
			lot: seed.lot,
			...(seed.expiry ? { expiry: seed.expiry } : {}),
			...(seed.firstReceivedAt ? { firstReceivedAt: seed.firstReceivedAt } : {}),
			onHand: 0,
			byWarehouse: new Map()
		});
	}
	const seen = new Set<string>(); // a movement id seen twice counts once, as in foldBalances
	for (const m of [...movements].sort(compareMovements)) {
		if (seen.has(m.id)) continue;
		seen.add(m.id);
		const lot = m.lot ?? '';
		const k = lotKey(m.itemId, lot);
		let s = lots.get(k);
		if (!s) {
			s = { itemId: m.itemId, lot, onHand: 0, byWarehouse: new Map() };
			lots.set(k, s);
		}
		s.onHand = roundQty(s.onHand + m.qty);
		s.byWarehouse.set(m.warehouseId, roundQty((s.byWarehouse.get(m.warehouseId) ?? 0) + m.qty));
		if (m.qty > 0 && INFLOW_REASONS.has(m.reason)) {
			if (!s.firstReceivedAt || compareStamps(m.at, s.firstReceivedAt) < 0)
				s.firstReceivedAt = m.at;
		}
		if (m.expiry && (!s.expiry || m.expiry < s.expiry)) s.expiry = m.expiry;
	}
	return lots;
}

/** The lot facts of one item, keyed by lot, as `allocatePick` takes them. */
export function lotFactsOf(
	lots: ReadonlyMap<string, LotSummary>,
	itemId: string
): Map<string, LotFacts> {
	const out = new Map<string, LotFacts>();
	for (const s of lots.values()) {
		if (s.itemId !== itemId) continue;
		const facts: LotFacts = {};
		if (s.expiry) facts.expiry = s.expiry;
		if (s.firstReceivedAt) facts.firstReceivedAt = s.firstReceivedAt;
		out.set(s.lot, facts);
	}
	return out;
}
