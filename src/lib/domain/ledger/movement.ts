// The stock movement: the atom of Stockflow. Immutable once written; corrections are new
// reversing movements. On-hand, lots and valuation are folds over movements.

import { z } from 'zod';
import { isStamp } from '../clock/hlc';

export const MOVEMENT_REASONS = [
	'receipt',
	'issue',
	'transfer-out',
	'transfer-in',
	'adjustment',
	'count',
	'return',
	'production',
	'opening'
] as const;
export type MovementReason = (typeof MOVEMENT_REASONS)[number];

/** Reasons whose quantity is always positive (stock comes in). */
export const INBOUND_REASONS: readonly MovementReason[] = ['receipt', 'transfer-in', 'return'];
/** Reasons whose quantity is always negative (stock goes out). */
export const OUTBOUND_REASONS: readonly MovementReason[] = ['issue', 'transfer-out'];
/** `adjustment`, `count` and `production` may go either way. `opening` is never stored in a
 * ledger: it is the synthetic carry-in of a closed period's balances (see ledger/period.ts). */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const movementSchema = z.object({
	id: z.string().min(1).max(64),
	at: z.string().refine(isStamp, 'expected an HLC stamp'),
	itemId: z.string().min(1).max(64),
	warehouseId: z.string().min(1).max(64),
	locationId: z.string().min(1).max(64).optional(),
	lot: z.string().min(1).max(64).optional(),
	expiry: isoDate.optional(),
	/** Signed quantity in the item's base unit. */
	qty: z
		.number()
		.finite()
		.refine((n) => n !== 0, 'quantity cannot be zero'),
	unitCostCents: z.number().int().nonnegative().optional(),
	reason: z.enum(MOVEMENT_REASONS),
	/** Groups related movements: both legs of a transfer, or a business document id. */
	ref: z.string().max(128).optional(),
	note: z.string().max(500).optional(),
	/** The movement this one reverses exactly (a repair of a wrong clock's entry, ledger/repair.ts). */
	reverses: z.string().min(1).max(64).optional(),
	device: z.string().min(1).max(64),
	user: z.string().min(1).max(128)
});

export type Movement = z.infer<typeof movementSchema>;

/**
 * What a ledger array may hold: every kind of movement except a synthetic `opening` one. Opening balances
 * live in their own record, so a peer cannot slip stock in through the ledger as an "opening".
 */
export const storedMovementSchema = movementSchema.refine((m) => m.reason !== 'opening', {
	message: 'opening balances are not ledger entries',
	path: ['reason']
});

/** A stock position: where a quantity sits. Lot is '' when the item is not lot-tracked. */
export interface StockKey {
	itemId: string;
	warehouseId: string;
	locationId: string;
	lot: string;
}

export function stockKeyOf(
	m: Pick<Movement, 'itemId' | 'warehouseId' | 'locationId' | 'lot'>
): StockKey {
	return {
		itemId: m.itemId,
		warehouseId: m.warehouseId,
		locationId: m.locationId ?? '',
		lot: m.lot ?? ''
	};
}

export function stockKeyString(k: StockKey): string {
	return `${k.itemId}|${k.warehouseId}|${k.locationId}|${k.lot}`;
}
