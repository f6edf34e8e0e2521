// The items importer: the item schema plus the column headers people write in Excel (zh-TW,
// zh-CN, English). The tabular pipeline does the rest. A code that already exists updates
// that item; empty cells keep its values.

import { itemSchema, normalizeCode, type Item } from '../catalog/entities';
import { moneyCell, numberCell, wholeNumberCell, yesNoCell } from '../tabular/cells';
import type { HeaderMap } from '../tabular/headers';
import { previewImport, type ImportPreview, type Importer } from '../tabular/importer';
import type { RowError } from '../tabular/problems';
import { readCsv } from '../tabular/source';

export const ITEM_CSV_COLUMNS = [
	'code',
	'name',
	'unit',
	'category',
	'safetyStock',
	'reorderPoint',
	'maxStock',
	'shelfLifeDays',
	'barcode',
	'standardCost',
	'lotTracked'
] as const;
export type ItemCsvColumn = (typeof ITEM_CSV_COLUMNS)[number];

export const ITEM_HEADERS: HeaderMap<ItemCsvColumn> = {
	code: {
		'zh-TW': ['料號', '品號', '貨號'],
		'zh-CN': ['料号', '物料编码', '品号'],
		en: ['Code', 'SKU', 'Item code']
	},
	name: {
		'zh-TW': ['品名', '名稱'],
		'zh-CN': ['品名', '名称', '物料名称'],
		en: ['Name', 'Item name']
	},
	unit: { 'zh-TW': ['單位'], 'zh-CN': ['单位'], en: ['Unit', 'UOM'] },
	category: { 'zh-TW': ['類別', '分類'], 'zh-CN': ['类别', '分类'], en: ['Category'] },
	safetyStock: { 'zh-TW': ['安全庫存', '安全存量'], 'zh-CN': ['安全库存'], en: ['Safety stock'] },
	reorderPoint: {
		'zh-TW': ['再訂購點', '請購點'],
		'zh-CN': ['再订货点', '再订购点', '订货点'],
		en: ['Reorder point']
	},
	maxStock: {
		'zh-TW': ['最高庫存', '最大庫存'],
		'zh-CN': ['最高库存', '最大库存'],
		en: ['Max stock', 'Maximum stock']
	},
	shelfLifeDays: {
		'zh-TW': ['保存天數', '保存期限(天)'],
		'zh-CN': ['保质期天数', '保质期(天)'],
		en: ['Shelf life (days)', 'Shelf life days']
	},
	barcode: { 'zh-TW': ['條碼'], 'zh-CN': ['条码'], en: ['Barcode', 'EAN'] },
	standardCost: {
		'zh-TW': ['標準成本'],
		'zh-CN': ['标准成本'],
		en: ['Standard cost', 'Unit cost']
	},
	lotTracked: { 'zh-TW': ['批號管理'], 'zh-CN': ['批号管理'], en: ['Lot tracked'] }
};

export const itemsImporter: Importer<ItemCsvColumn, Item> = {
	schema: itemSchema,
	columns: ITEM_CSV_COLUMNS,
	headerMap: ITEM_HEADERS,
	required: ['code', 'name', 'unit'],
	keyColumn: 'code',
	keyOf: (values) => (typeof values.code === 'string' ? normalizeCode(values.code) : ''),
	duplicateCode: 'duplicate-sku-code',
	cells: {
		safetyStock: numberCell,
		reorderPoint: numberCell,
		maxStock: numberCell,
		shelfLifeDays: wholeNumberCell,
		standardCost: moneyCell,
		lotTracked: yesNoCell
	},
	fieldOf: { standardCost: 'standardCostCents' },
	formatProblems: { code: 'codeFormat' }
};

export interface ItemsCsvRow {
	row: number;
	action: 'create' | 'update';
	input: Omit<Item, 'id'>;
	itemId?: string;
}

export type ItemsCsvError = RowError;

export interface ItemsCsvPreview {
	rows: ItemsCsvRow[];
	errors: ItemsCsvError[];
}

/** CSV text against the current catalog, with the update target named `itemId`. */
export function parseItemsCsv(text: string, existing: readonly Item[]): ItemsCsvPreview {
	const preview: ImportPreview<Item> = previewImport(itemsImporter, readCsv(text), existing);
	return {
		errors: preview.errors,
		rows: preview.rows.map(({ targetId, ...row }) =>
			targetId === undefined ? row : { ...row, itemId: targetId }
		)
	};
}
