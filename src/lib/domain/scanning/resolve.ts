// What a scanned code means on a warehouse screen: a bin of this warehouse, an item (by SKU
// code or barcode), or a lot label (`<SKU>|<lot>`, as the label page prints them).

import { normalizeCode, type Item, type Location } from '../catalog/entities';

export type ScanMeaning =
	| { kind: 'location'; location: Location }
	| { kind: 'item'; item: Item; lot?: string }
	| { kind: 'unknown'; code: string };

/** The text a lot label encodes. */
export function lotLabelCode(itemCode: string, lot: string): string {
	return `${itemCode}|${lot}`;
}

function findItem(items: readonly Item[], code: string): Item | undefined {
	const norm = normalizeCode(code);
	return (
		items.find((i) => i.active && normalizeCode(i.code) === norm) ??
		items.find((i) => i.active && i.barcode !== '' && i.barcode === code.trim())
	);
}

export function resolveScan(
	code: string,
	ctx: { items: readonly Item[]; locations: readonly Location[]; warehouseId?: string }
): ScanMeaning {
	const text = code.trim();
	const bar = text.indexOf('|');
	if (bar > 0) {
		const item = findItem(ctx.items, text.slice(0, bar));
		const lot = text.slice(bar + 1).trim();
		if (item && lot) return { kind: 'item', item, lot };
	}
	const norm = normalizeCode(text);
	const location = ctx.locations.find(
		(l) =>
			l.active &&
			normalizeCode(l.code) === norm &&
			(ctx.warehouseId === undefined || l.warehouseId === ctx.warehouseId)
	);
	if (location) return { kind: 'location', location };
	const item = findItem(ctx.items, text);
	if (item) return { kind: 'item', item };
	return { kind: 'unknown', code: text };
}
