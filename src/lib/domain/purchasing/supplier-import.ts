// The suppliers importer: the supplier header (code, name, first contact, payment terms,
// currency, address, notes) as people write it in a sheet, through the one tabular pipeline.
// A code that exists updates that supplier (its items and qualifications are kept; the first
// contact is replaced); empty cells leave fields alone.

import { z } from 'zod';
import { normalizeCode } from '../catalog/entities';
import { CODE_MAX_LENGTH, CODE_PATTERN } from '../catalog/code';
import { oneOfCell, wholeNumberCell } from '../tabular/cells';
import type { HeaderMap } from '../tabular/headers';
import type { Importer } from '../tabular/importer';
import { CURRENCIES, type Supplier } from './supplier';

export const SUPPLIER_COLUMNS = [
	'code',
	'name',
	'contact',
	'phone',
	'email',
	'paymentTermsDays',
	'currency',
	'address',
	'notes'
] as const;
export type SupplierColumn = (typeof SUPPLIER_COLUMNS)[number];

export const SUPPLIER_HEADERS: HeaderMap<SupplierColumn> = {
	code: {
		'zh-TW': ['供應商編號', '供應商代號', '廠商編號'],
		'zh-CN': ['供应商编号', '供应商代码'],
		en: ['Code', 'Supplier code']
	},
	name: {
		'zh-TW': ['供應商名稱', '廠商名稱', '名稱'],
		'zh-CN': ['供应商名称', '名称'],
		en: ['Name', 'Supplier name']
	},
	contact: { 'zh-TW': ['聯絡人'], 'zh-CN': ['联系人'], en: ['Contact'] },
	phone: { 'zh-TW': ['電話'], 'zh-CN': ['电话'], en: ['Phone', 'Tel'] },
	email: { 'zh-TW': ['電子郵件'], 'zh-CN': ['电子邮箱', '邮箱'], en: ['E-mail'] },
	paymentTermsDays: {
		'zh-TW': ['付款天數', '月結天數'],
		'zh-CN': ['付款天数', '账期天数'],
		en: ['Payment terms (days)', 'Payment terms']
	},
	currency: { 'zh-TW': ['幣別'], 'zh-CN': ['币种', '币别'], en: ['Currency'] },
	address: { 'zh-TW': ['地址'], 'zh-CN': ['地址'], en: ['Address'] },
	notes: { 'zh-TW': ['備註'], 'zh-CN': ['备注'], en: ['Notes'] }
};

export const supplierRowSchema = z.object({
	id: z.string().min(1),
	code: z.string().trim().min(1).max(CODE_MAX_LENGTH).regex(CODE_PATTERN),
	name: z.string().trim().min(1).max(200),
	contact: z.string().trim().max(100).default(''),
	phone: z.string().trim().max(40).default(''),
	email: z.union([z.literal(''), z.string().trim().email().max(200)]).default(''),
	paymentTermsDays: z.number().int().min(0).max(365).default(30),
	currency: z.enum(CURRENCIES).default('TWD'),
	address: z.string().trim().max(300).default(''),
	notes: z.string().trim().max(1000).default('')
});
export type SupplierRow = z.infer<typeof supplierRowSchema>;

export const suppliersImporter: Importer<SupplierColumn, SupplierRow> = {
	schema: supplierRowSchema,
	columns: SUPPLIER_COLUMNS,
	headerMap: SUPPLIER_HEADERS,
	required: ['code', 'name'],
	keyColumn: 'code',
	keyOf: (v) => (typeof v.code === 'string' ? normalizeCode(v.code) : ''),
	duplicateCode: 'invalid-field',
	cells: { paymentTermsDays: wholeNumberCell, currency: oneOfCell(CURRENCIES) },
	formatProblems: { code: 'codeFormat', email: 'email' }
};

/** A stored supplier as an import row (what an update starts from). */
export function supplierRow(s: Supplier): SupplierRow {
	const c = s.contacts[0];
	return {
		id: s.id,
		code: s.code,
		name: s.name,
		contact: c?.name ?? '',
		phone: c?.phone ?? '',
		email: c?.email ?? '',
		paymentTermsDays: s.paymentTermsDays,
		currency: s.currency,
		address: s.address,
		notes: s.notes
	};
}

/** The supplier an imported row makes: a new one, or `existing` with the row's header fields. */
export function supplierFromRow(row: SupplierRow, existing?: Supplier): Supplier {
	const contact = row.contact ? [{ name: row.contact, phone: row.phone, email: row.email }] : [];
	const base: Supplier = existing ?? {
		id: row.id,
		code: row.code,
		name: row.name,
		contacts: [],
		paymentTermsDays: 30,
		currency: 'TWD',
		address: '',
		notes: '',
		items: [],
		qualifications: [],
		active: true,
		blocked: false
	};
	return {
		...base,
		code: row.code,
		name: row.name,
		contacts: contact.length > 0 ? [...contact, ...base.contacts.slice(1)] : base.contacts,
		paymentTermsDays: row.paymentTermsDays,
		currency: row.currency,
		address: row.address,
		notes: row.notes
	};
}
