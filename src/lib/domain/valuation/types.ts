// The valuation engine's vocabulary. Quantities and money are integer micro-units (see fixed.ts).

export const VALUATION_METHODS = ['fifo', 'moving-average'] as const;
export type ValuationMethod = (typeof VALUATION_METHODS)[number];

/** `item`: one position per item, company-wide (default). `warehouse`: per item and warehouse. */
export const VALUATION_SCOPES = ['item', 'warehouse'] as const;
export type ValuationScope = (typeof VALUATION_SCOPES)[number];

export function isValuationMethod(value: string): value is ValuationMethod {
	return (VALUATION_METHODS as readonly string[]).includes(value);
}

export interface ValuationMovement {
	id: string;
	/** Clock stamp; movements are valued in (at, id) order, compared as strings. */
	at: string;
	itemId: string;
	warehouseId?: string;
	/** Signed quantity in micro-units of the item's base unit. */
	qtyMicro: number;
	/** Micro-currency per unit; receipts only (ignored on outbound movements). */
	unitCostMicro?: number;
	/**
	 * Inbound only: the exact value of the units, instead of qty × unitCost (an opening layer
	 * carried from a closed month, so the carry-in equals the close to the micro-unit).
	 */
	valueMicro?: number;
	/** Id of the movement this one returns or reverses (a return, a transfer's inbound leg). */
	reverses?: string;
}

/** Units that left with an outbound movement, and their value (both positive). */
export interface Slice {
	qty: number;
	value: number;
	since: string;
}

export interface MovementValue {
	id: string;
	/** Quantity of the position (item, or item × warehouse) after this movement. */
	qtyAfterMicro: number;
	valueAfterMicro: number;
	valueChangeMicro: number;
	/** Units this movement moved (|qty|) and their value at this movement's own cost. */
	movedQtyMicro: number;
	movedValueMicro: number;
	/** Outbound only: which units left, oldest first (what a return or inbound leg restores). */
	slices?: Slice[];
	/** FIFO with `keepQueues`: layers left after this movement, oldest first, as [qty, value]. */
	queue?: [number, number][];
}
