// The customers importer: the customer schema plus the column headers people write (zh-TW,
// zh-CN, English). A code that already exists updates that customer; empty cells leave fields
// alone. The tabular pipeline does the rest.

import { normalizeCode } from '../catalog/entities';
import { wholeNumberCell, oneOfCell } from '../tabular/cells';
import type { HeaderMap } from '../tabular/headers';
import { previewImport, type Importer } from '../tabular/importer';
import type { RowError } from '../tabular/problems';
import { readCsv } from '../tabular/source';
import { customerSchema, PRICE_LEVELS, type Customer } from './customer';

export const CUSTOMER_CSV_COLUMNS = [
	'code',
	'name',
	'contact',
	'phone',
	'email',
	'address',
	'creditTermsDays',
	'priceLevel',
	'notes'
] as const;
export type CustomerCsvColumn = (typeof CUSTOMER_CSV_COLUMNS)[number];

export const CUSTOMER_HEADERS: HeaderMap<CustomerCsvColumn> = {
	code: {
		'zh-TW': ['客戶編號', '客戶代號'],
		'zh-CN': ['客户编号', '客户代码'],
		en: ['Code', 'Customer code']
	},
	name: {
		'zh-TW': ['客戶名稱', '名稱'],
		'zh-CN': ['客户名称', '名称'],
		en: ['Name', 'Customer name']
	},
	contact: { 'zh-TW': ['聯絡人'], 'zh-CN': ['联系人'], en: ['Contact'] },
	phone: { 'zh-TW': ['電話'], 'zh-CN': ['电话'], en: ['Phone', 'Tel'] },
	email: { 'zh-TW': ['電子郵件'], 'zh-CN': ['电子邮箱', '邮箱'], en: ['E-mail'] },
	address: { 'zh-TW': ['地址'], 'zh-CN': ['地址'], en: ['Address'] },
	creditTermsDays: {
		'zh-TW': ['付款天數', '月結天數'],
		'zh-CN': ['付款天数', '账期天数'],
		en: ['Credit terms (days)', 'Payment terms']
	},
	priceLevel: { 'zh-TW': ['價格等級'], 'zh-CN': ['价格等级'], en: ['Price level'] },
	notes: { 'zh-TW': ['備註'], 'zh-CN': ['备注'], en: ['Notes'] }
};

/** Price levels as people write them in Chinese. */
const PRICE_LEVEL_WORDS: Record<string, (typeof PRICE_LEVELS)[number]> = {
	標準: 'standard',
	标准: 'standard',
	批發: 'wholesale',
	批发: 'wholesale',
	經銷: 'distributor',
	经销: 'distributor',
	經銷商: 'distributor',
	经销商: 'distributor',
	貴賓: 'vip',
	贵宾: 'vip'
};

export const customersImporter: Importer<CustomerCsvColumn, Customer> = {
	schema: customerSchema,
	columns: CUSTOMER_CSV_COLUMNS,
	headerMap: CUSTOMER_HEADERS,
	required: ['code', 'name'],
	keyColumn: 'code',
	keyOf: (values) => (typeof values.code === 'string' ? normalizeCode(values.code) : ''),
	duplicateCode: 'duplicate-customer-code',
	cells: {
		creditTermsDays: wholeNumberCell,
		priceLevel: oneOfCell(PRICE_LEVELS, PRICE_LEVEL_WORDS)
	},
	formatProblems: { code: 'codeFormat', email: 'email' }
};

export interface CustomersCsvRow {
	row: number;
	action: 'create' | 'update';
	input: Omit<Customer, 'id'>;
	customerId?: string;
}

export interface CustomersCsvPreview {
	rows: CustomersCsvRow[];
	errors: RowError[];
}

/** CSV text against the current customers, with the update target named `customerId`. */
export function parseCustomersCsv(
	text: string,
	existing: readonly Customer[]
): CustomersCsvPreview {
	const preview = previewImport(customersImporter, readCsv(text), existing);
	return {
		errors: preview.errors,
		rows: preview.rows.map(({ targetId, ...row }) =>
			targetId === undefined ? row : { ...row, customerId: targetId }
		)
	};
}
