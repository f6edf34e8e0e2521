// Expands the product families into SKUs with codes, barcodes, costs and stock levels sized
// from each SKU's expected demand.

import type { ItemInput } from '../domain/catalog/entities';
import type { Prng } from '../domain/random/prng';
import type { Family } from './products';

export interface Sku {
	index: number;
	family: Family;
	input: Omit<ItemInput, 'id'>;
	/** Set once the item is created. */
	id: string;
	/** Relative popularity (selection weight on sales order lines). */
	weight: number;
	lineQty: number;
	/** Expected base units per ordinary business day, company-wide. */
	dailyDemand: number;
	leadDays: number;
}

/** EAN-13 with the Taiwan prefix 471 and a made-up company prefix. */
function ean13(index: number): string {
	const body = `4718888${String(index).padStart(5, '0')}`;
	const sum = [...body].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
	return body + String((10 - (sum % 10)) % 10);
}

export function buildSkus(families: readonly Family[], prng: Prng, linesPerDay: number): Sku[] {
	const skus: Sku[] = [];
	for (const family of families) {
		for (const [productCode, productName] of family.products) {
			for (const [variantCode, label, costFactor, qtyFactor, unit] of family.variants) {
				const index = skus.length;
				const weight = 0.4 + prng.next() * 1.2;
				const lineQty = Math.max(1, Math.round(family.lineQty * qtyFactor));
				skus.push({
					index,
					family,
					id: '',
					weight,
					lineQty,
					dailyDemand: 0,
					leadDays: prng.int(3, 10),
					input: {
						code: `${family.prefix}-${productCode}-${variantCode}`,
						name: `${productName} ${label}`,
						unit: unit ?? family.unit,
						category: family.category,
						shelfLifeDays: family.shelfLifeDays,
						lotTracked: family.shelfLifeDays > 0,
						barcode: ean13(index + 1),
						standardCostCents: Math.max(
							100,
							Math.round((family.costCents * costFactor * (0.85 + 0.3 * prng.next())) / 10) * 10
						)
					}
				});
			}
		}
	}
	const totalWeight = skus.reduce((a, s) => a + s.weight, 0);
	for (const sku of skus) {
		sku.dailyDemand = (linesPerDay * sku.weight * sku.lineQty) / totalWeight;
		sku.input.safetyStock = Math.ceil(sku.dailyDemand * 7);
		sku.input.reorderPoint = Math.ceil(sku.dailyDemand * 14);
		sku.input.maxStock = Math.ceil(sku.dailyDemand * 60);
		// List price: the margin the demo's sales orders are priced at, to the ten cents.
		sku.input.salePriceCents = Math.round(((sku.input.standardCostCents ?? 0) * 1.35) / 10) * 10;
	}
	return skus;
}
