// Price lists and quotes (價目表 / 報價單): a price per supplier × item with validity dates,
// quantity breaks and a currency. A quote from a request for quotation is an entry with
// source `quote`. The unit price at a quantity is the break with the highest minimum reached.

import { z } from 'zod';
import { CURRENCIES, isoDateSchema } from './supplier';

const id = z.string().min(1).max(64);

export const priceBreakSchema = z.object({
	minQty: z.number().finite().nonnegative(),
	unitPriceCents: z.number().int().nonnegative()
});
export type PriceBreak = z.infer<typeof priceBreakSchema>;

export const priceListEntrySchema = z
	.object({
		id,
		supplierId: id,
		itemId: id,
		currency: z.enum(CURRENCIES).default('TWD'),
		validFrom: isoDateSchema,
		/** '' = open-ended. Valid through this day. */
		validTo: z.union([isoDateSchema, z.literal('')]).default(''),
		breaks: z.array(priceBreakSchema).min(1).max(20),
		/** Freight, duty and handling on top of the price, in percent (landed cost). */
		landedExtraPct: z.number().min(0).max(200).default(0),
		source: z.enum(['list', 'quote']).default('list'),
		note: z.string().trim().max(300).default('')
	})
	.refine((e) => e.validTo === '' || e.validTo >= e.validFrom, {
		message: 'ends before it starts',
		path: ['validTo']
	});
export type PriceListEntry = z.infer<typeof priceListEntrySchema>;
export type PriceListEntryInput = z.input<typeof priceListEntrySchema>;

export function isValidOn(
	entry: Pick<PriceListEntry, 'validFrom' | 'validTo'>,
	day: string
): boolean {
	return entry.validFrom <= day && (entry.validTo === '' || day <= entry.validTo);
}

/** The break price at `qty`: the highest `minQty` not above it (the lowest break below all). */
export function unitPriceAt(entry: Pick<PriceListEntry, 'breaks'>, qty: number): number {
	const sorted = [...entry.breaks].sort((a, b) => a.minQty - b.minQty);
	let price = sorted[0]?.unitPriceCents ?? 0;
	for (const b of sorted) if (qty + 1e-9 >= b.minQty) price = b.unitPriceCents;
	return price;
}

/**
 * The entry that applies for a supplier × item on a day: valid then, quotes before lists, the
 * latest `validFrom` first, id as the tiebreak (so every device picks the same one).
 */
export function applicableEntry(
	entries: readonly PriceListEntry[],
	supplierId: string,
	itemId: string,
	day: string
): PriceListEntry | null {
	const candidates = entries.filter(
		(e) => e.supplierId === supplierId && e.itemId === itemId && isValidOn(e, day)
	);
	candidates.sort(
		(a, b) =>
			(a.source === b.source ? 0 : a.source === 'quote' ? -1 : 1) ||
			(a.validFrom > b.validFrom ? -1 : a.validFrom < b.validFrom ? 1 : 0) ||
			(a.id < b.id ? -1 : 1)
	);
	return candidates[0] ?? null;
}
