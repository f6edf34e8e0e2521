// Suppliers (供應商): master data kept in the catalog doc like customers. Besides the header
// fields a supplier carries the items it supplies (supplier part number, lead time, MOQ, order
// multiple) and its qualifications (資格證明 / 證書) with issue and expiry dates. Items and
// qualifications are keyed by id so two devices adding one each both keep theirs.

import { z } from 'zod';
import { CODE_MAX_LENGTH, CODE_PATTERN } from '../catalog/code';

const id = z.string().min(1).max(64);
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const QUALIFICATION_TYPES = [
	'iso-9001',
	'iso-22000',
	'haccp',
	'licence',
	'test-report',
	'other'
] as const;
export type QualificationType = (typeof QUALIFICATION_TYPES)[number];

export const qualificationSchema = z
	.object({
		id,
		type: z.enum(QUALIFICATION_TYPES),
		/** Certificate number or a short description. */
		name: z.string().trim().max(120).default(''),
		issuedOn: isoDateSchema,
		expiresOn: isoDateSchema,
		/** A mandatory qualification that has expired blocks PO approval. */
		mandatory: z.boolean().default(false)
	})
	.refine((q) => q.expiresOn >= q.issuedOn, {
		message: 'expires before it was issued',
		path: ['expiresOn']
	});
export type Qualification = z.infer<typeof qualificationSchema>;
export type QualificationInput = z.input<typeof qualificationSchema>;

export const suppliedItemSchema = z.object({
	itemId: id,
	supplierPartNo: z.string().trim().max(64).default(''),
	leadTimeDays: z.number().int().min(0).max(365).default(7),
	/** Minimum order quantity in the item's base unit (0 = none). */
	moq: z.number().finite().nonnegative().default(0),
	/** Orders are rounded up to a multiple of this (0 or 1 = any quantity). */
	orderMultiple: z.number().finite().nonnegative().default(0),
	/** The supplier requisitions for this item go to by default. */
	preferred: z.boolean().default(false)
});
export type SuppliedItem = z.infer<typeof suppliedItemSchema>;
export type SuppliedItemInput = z.input<typeof suppliedItemSchema>;

export const contactSchema = z.object({
	name: z.string().trim().min(1).max(100),
	phone: z.string().trim().max(40).default(''),
	email: z.string().trim().max(200).default('')
});
export type Contact = z.infer<typeof contactSchema>;

export const CURRENCIES = ['TWD', 'USD', 'JPY', 'CNY', 'EUR'] as const;
export type Currency = (typeof CURRENCIES)[number];

export const supplierSchema = z.object({
	id,
	code: z
		.string()
		.trim()
		.min(1, 'required')
		.max(CODE_MAX_LENGTH)
		.regex(CODE_PATTERN, 'letters, digits and . _ - / only'),
	name: z.string().trim().min(1, 'required').max(200),
	contacts: z.array(contactSchema).max(20).default([]),
	/** Payment due this many days after receipt (月結 30 = 30). */
	paymentTermsDays: z.number().int().min(0).max(365).default(30),
	currency: z.enum(CURRENCIES).default('TWD'),
	address: z.string().trim().max(300).default(''),
	notes: z.string().trim().max(1000).default(''),
	items: z.array(suppliedItemSchema).default([]),
	qualifications: z.array(qualificationSchema).default([]),
	active: z.boolean().default(true),
	/** Blocked suppliers keep their history but get no new purchase orders. */
	blocked: z.boolean().default(false)
});
export type Supplier = z.infer<typeof supplierSchema>;
export type SupplierInput = z.input<typeof supplierSchema>;

/** Quantity actually ordered for a need: at least the MOQ, rounded up to the order multiple. */
export function orderQuantity(
	needed: number,
	terms: Pick<SuppliedItem, 'moq' | 'orderMultiple'>
): number {
	if (needed <= 0) return 0;
	let qty = Math.max(needed, terms.moq);
	if (terms.orderMultiple > 1)
		qty = Math.ceil(qty / terms.orderMultiple - 1e-9) * terms.orderMultiple;
	return Math.round(qty * 1e6) / 1e6;
}

export function suppliedItem(supplier: Supplier, itemId: string): SuppliedItem | undefined {
	return supplier.items.find((i) => i.itemId === itemId);
}
