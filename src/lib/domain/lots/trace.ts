// Lot traceability: every movement of one lot of one item, oldest first, split into where it
// came from (receipts, production, returns) and where it went (issues, transfers, counts).
// A lot received before a closed month enters as the opening carry-forward (synthetic
// `opening` movements): that is where it came *from* (brought forward, first received on the
// lot's first-receipt stamp), never a destination.

import { compareMovements } from '../ledger/fold';
import type { Movement } from '../ledger/movement';

export interface LotTrace {
	itemId: string;
	lot: string;
	/** Inflows: receipts, production, returns (qty > 0 and not a transfer leg). */
	origins: Movement[];
	/** Every other movement, in clock order. */
	flow: Movement[];
	expiry?: string;
	/** Stock of the lot brought forward from closed months; null when none was. */
	carriedIn: CarriedIn | null;
}

export interface CarriedIn {
	qty: number;
	/** The last closed month the quantity was carried out of (YYYY-MM). */
	closedMonth: string;
	/** When the lot first came into stock, as the close kept it (absent = unknown). */
	firstReceivedAt?: string;
}

const OPENING_ID = /^opening:(\d{4}-\d{2}):/;

function carriedInOf(opening: readonly Movement[], firstReceivedAt?: string): CarriedIn | null {
	if (opening.length === 0) return null;
	const months = opening.map((m) => OPENING_ID.exec(m.id)?.[1] ?? '').sort();
	const qty = Math.round(opening.reduce((sum, m) => sum + m.qty, 0) * 1e6) / 1e6;
	return {
		qty,
		closedMonth: months[months.length - 1] ?? '',
		...(firstReceivedAt ? { firstReceivedAt } : {})
	};
}

const ORIGINS = new Set(['receipt', 'production', 'return']);

export function traceLot(
	movements: Iterable<Movement>,
	itemId: string,
	lot: string,
	facts: { firstReceivedAt?: string } = {}
): LotTrace {
	const seen = new Set<string>();
	const mine = [...movements]
		.filter((m) => m.itemId === itemId && (m.lot ?? '') === lot)
		.filter((m) => !seen.has(m.id) && seen.add(m.id))
		.sort(compareMovements);
	const opening = mine.filter((m) => m.reason === 'opening');
	const origins = mine.filter((m) => m.qty > 0 && ORIGINS.has(m.reason));
	const flow = mine.filter((m) => m.reason !== 'opening' && !(m.qty > 0 && ORIGINS.has(m.reason)));
	const carriedIn = carriedInOf(opening, facts.firstReceivedAt);
	const expiry = mine
		.map((m) => m.expiry)
		.filter((e): e is string => !!e)
		.sort()[0];
	return expiry
		? { itemId, lot, origins, flow, expiry, carriedIn }
		: { itemId, lot, origins, flow, carriedIn };
}
