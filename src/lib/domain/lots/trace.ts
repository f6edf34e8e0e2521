// Lot traceability: every movement of one lot of one item, oldest first, split into where it
// came from (receipts, production, returns) and where it went (issues, transfers, counts).

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
}

const ORIGINS = new Set(['receipt', 'production', 'return']);

export function traceLot(movements: Iterable<Movement>, itemId: string, lot: string): LotTrace {
	const seen = new Set<string>();
	const mine = [...movements]
		.filter((m) => m.itemId === itemId && (m.lot ?? '') === lot)
		.filter((m) => !seen.has(m.id) && seen.add(m.id))
		.sort(compareMovements);
	const origins = mine.filter((m) => m.qty > 0 && ORIGINS.has(m.reason));
	const flow = mine.filter((m) => !(m.qty > 0 && ORIGINS.has(m.reason)));
	const expiry = mine
		.map((m) => m.expiry)
		.filter((e): e is string => !!e)
		.sort()[0];
	return expiry ? { itemId, lot, origins, flow, expiry } : { itemId, lot, origins, flow };
}
