// Customers (客戶): master data kept in the catalog doc like items. The key is a stable id;
// the code is unique after normalization and may be edited (orders reference the id).

import { z } from 'zod';

export const PRICE_LEVELS = ['standard', 'wholesale', 'distributor', 'vip'] as const;
export type PriceLevel = (typeof PRICE_LEVELS)[number];

export const customerSchema = z.object({
	id: z.string().min(1).max(64),
	code: z
		.string()
		.trim()
		.min(1, 'required')
		.max(40)
		.regex(/^[A-Za-z0-9][A-Za-z0-9._\-/]*$/, 'letters, digits and . _ - / only'),
	name: z.string().trim().min(1, 'required').max(200),
	contact: z.string().trim().max(100).default(''),
	phone: z.string().trim().max(40).default(''),
	email: z
		.string()
		.trim()
		.max(200)
		.refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'not an e-mail address')
		.default(''),
	address: z.string().trim().max(300).default(''),
	/** Payment due this many days after delivery (月結 30 = 30). */
	creditTermsDays: z.number().int().min(0).max(365).default(30),
	priceLevel: z.enum(PRICE_LEVELS).default('standard'),
	notes: z.string().trim().max(1000).default(''),
	active: z.boolean().default(true)
});
export type Customer = z.infer<typeof customerSchema>;
export type CustomerInput = z.input<typeof customerSchema>;
