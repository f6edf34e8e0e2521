// The price an order line starts at: the item's selling price (list price, the standard
// level) and the customer's price level as a line discount, so a rep types no price and the
// level stays visible on the line (批發 −10 %) instead of hiding in a changed unit price.
// The rep may still change both; a typed price always wins over the list.

import type { PriceLevel } from '../customers/customer';

/** Line discount per price level, in percent (docs/DECISIONS.md: fixed until settings exist). */
export const LEVEL_DISCOUNT_PCT: Readonly<Record<PriceLevel, number>> = {
	standard: 0,
	vip: 5,
	wholesale: 10,
	distributor: 15
};

export interface LinePrice {
	unitPriceCents: number;
	discountPct: number;
}

/** The starting price of a line; null when the item has no selling price (0 = not set). */
export function linePriceFor(salePriceCents: number, level: PriceLevel): LinePrice | null {
	if (!(salePriceCents > 0)) return null;
	return { unitPriceCents: salePriceCents, discountPct: LEVEL_DISCOUNT_PCT[level] };
}
