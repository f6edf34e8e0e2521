// Master data: items, warehouses, locations. Keys are stable ids; user-visible codes are
// unique fields that may be edited (movements reference ids, so a rename moves nothing).

import { z } from 'zod';
import { CODE_MAX_LENGTH, CODE_PATTERN } from './code';

const code = z
	.string()
	.trim()
	.min(1, 'required')
	.max(CODE_MAX_LENGTH)
	.regex(CODE_PATTERN, 'letters, digits and . _ - / only');
const qtyField = z.number().finite().nonnegative();

export const itemSchema = z.object({
	id: z.string().min(1).max(64),
	code,
	name: z.string().trim().min(1, 'required').max(200),
	unit: z.string().trim().min(1, 'required').max(16),
	category: z.string().trim().max(80).default(''),
	safetyStock: qtyField.default(0),
	reorderPoint: qtyField.default(0),
	/** 0 means no maximum. */
	maxStock: qtyField.default(0),
	/** Days; 0 means the item does not expire. */
	shelfLifeDays: z.number().int().nonnegative().default(0),
	barcode: z.string().trim().max(64).default(''),
	/** Standard cost per base unit, integer minor units (cents). */
	standardCostCents: z.number().int().nonnegative().default(0),
	/** Selling price per base unit before tax (the standard price level), cents; 0 = not set. */
	salePriceCents: z.number().int().nonnegative().default(0),
	lotTracked: z.boolean().default(false),
	/** Which stock a pick list suggests first: oldest receipt (fifo) or earliest expiry (fefo). */
	pickPolicy: z.enum(['fifo', 'fefo']).default('fifo'),
	active: z.boolean().default(true)
});
export type Item = z.infer<typeof itemSchema>;
export type ItemInput = z.input<typeof itemSchema>;

export const warehouseSchema = z.object({
	id: z.string().min(1).max(64),
	code,
	name: z.string().trim().min(1, 'required').max(200),
	address: z.string().trim().max(300).default(''),
	active: z.boolean().default(true)
});
export type Warehouse = z.infer<typeof warehouseSchema>;
export type WarehouseInput = z.input<typeof warehouseSchema>;

export const locationSchema = z.object({
	id: z.string().min(1).max(64),
	warehouseId: z.string().min(1).max(64),
	code,
	name: z.string().trim().max(200).default(''),
	active: z.boolean().default(true)
});
export type Location = z.infer<typeof locationSchema>;
export type LocationInput = z.input<typeof locationSchema>;

/** Codes compare case-insensitively: `a-100` and `A-100` are the same SKU to a person. */
export function normalizeCode(value: string): string {
	return value.trim().toUpperCase();
}
