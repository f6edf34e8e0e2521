// Price lists (價目表) imported from CSV or XLSX through the one tabular pipeline: one row per
// supplier × item × validity × quantity break. Rows of the same supplier, item and start day
// become one price-list entry with its breaks. A supplier is named by its code, an item by our
// code or that supplier's part number. Any refused row refuses the whole file.

import { z } from 'zod';
import { normalizeCode } from '../catalog/entities';
import { moneyCell, numberCell, oneOfCell, type CellParser } from '../tabular/cells';
import type { HeaderMap } from '../tabular/headers';
import {
	previewImport,
	type ImportPreview,
	type ImportRow,
	type Importer
} from '../tabular/importer';
import type { RowError, RowProblem } from '../tabular/problems';
import type { Source } from '../tabular/source';
import { priceListEntrySchema, type PriceListEntryInput } from './price-list';
import { CURRENCIES, type Supplier } from './supplier';

export const PRICE_COLUMNS = [
	'supplierCode',
	'itemCode',
	'currency',
	'validFrom',
	'validTo',
	'minQty',
	'unitPrice',
	'landedExtraPct'
] as const;
export type PriceColumn = (typeof PRICE_COLUMNS)[number];

export const PRICE_HEADERS: HeaderMap<PriceColumn> = {
	supplierCode: {
		'zh-TW': ['供應商編號', '供應商代號', '供應商'],
		'zh-CN': ['供应商编号', '供应商代码', '供应商'],
		en: ['Supplier code', 'Supplier']
	},
	itemCode: {
		'zh-TW': ['料號', '品號', '供應商料號'],
		'zh-CN': ['物料编码', '料号', '供应商料号'],
		en: ['Item code', 'SKU', 'Part no']
	},
	currency: { 'zh-TW': ['幣別'], 'zh-CN': ['币种', '币别'], en: ['Currency'] },
	validFrom: { 'zh-TW': ['生效日'], 'zh-CN': ['生效日期', '生效日'], en: ['Valid from'] },
	validTo: { 'zh-TW': ['失效日'], 'zh-CN': ['失效日期', '失效日'], en: ['Valid to'] },
	minQty: {
		'zh-TW': ['數量起', '最低數量', '級距數量'],
		'zh-CN': ['数量起', '最低数量', '阶梯数量'],
		en: ['From qty', 'Min qty', 'Break qty']
	},
	unitPrice: {
		'zh-TW': ['單價', '未稅單價'],
		'zh-CN': ['单价', '未税单价'],
		en: ['Unit price', 'Price']
	},
	landedExtraPct: {
		'zh-TW': ['運費關稅%', '到貨加成%'],
		'zh-CN': ['运费关税%', '到货加成%'],
		en: ['Landed extra %', 'Freight %']
	}
};

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** 2026-11-02, 2026/11/2, or an Excel date serial (a sheet's raw date cell). */
export const dateCell: CellParser = (cell) => {
	const m = ISO.exec(cell);
	let iso: string | null = null;
	if (m) iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
	else if (/^\d{5}$/.test(cell))
		iso = new Date(EXCEL_EPOCH_MS + Number(cell) * 86_400_000).toISOString().slice(0, 10);
	const valid = iso !== null && !Number.isNaN(Date.parse(`${iso}T00:00:00Z`));
	return valid && iso
		? { ok: true, value: iso }
		: { ok: false, problem: 'format', params: { value: cell } };
};

export const priceRowSchema = z.object({
	id: z.string(),
	supplierCode: z.string().trim().min(1).max(64),
	itemCode: z.string().trim().min(1).max(64),
	currency: z.enum(CURRENCIES).optional(),
	validFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
	validTo: z
		.string()
		.regex(/^\d{4}-\d{2}-\d{2}$/)
		.optional(),
	minQty: z.number().finite().nonnegative().default(0),
	unitPriceCents: z.number().int().nonnegative(),
	landedExtraPct: z.number().min(0).max(200).default(0)
});
export type PriceRow = z.infer<typeof priceRowSchema>;

export const priceImporter: Importer<PriceColumn, PriceRow> = {
	schema: priceRowSchema,
	columns: PRICE_COLUMNS,
	headerMap: PRICE_HEADERS,
	required: ['supplierCode', 'itemCode', 'validFrom', 'unitPrice'],
	keyColumn: 'itemCode',
	keyOf: (v) =>
		typeof v.supplierCode === 'string' && typeof v.itemCode === 'string'
			? [
					normalizeCode(v.supplierCode),
					normalizeCode(v.itemCode),
					String(v.validFrom ?? ''),
					String(v.minQty ?? 0)
				].join(' · ')
			: '',
	duplicateCode: 'invalid-field',
	cells: {
		currency: oneOfCell(CURRENCIES),
		validFrom: dateCell,
		validTo: dateCell,
		minQty: numberCell,
		unitPrice: moneyCell,
		landedExtraPct: numberCell
	},
	fieldOf: { unitPrice: 'unitPriceCents' }
};

export interface PriceImportCatalog {
	suppliers: readonly Supplier[];
	/** Our item id by normalized code. */
	itemByCode: ReadonlyMap<string, string>;
}

const problem = (row: number, field: PriceColumn, p: RowProblem, value: string): RowError => ({
	row,
	field,
	code: 'invalid-field',
	problem: p,
	params: { value },
	message: `${p}: ${value}`
});

/** Rows grouped into price-list entries (breaks sorted), or the rows that cannot be. */
export function resolvePriceRows(
	rows: readonly ImportRow<PriceRow>[],
	catalog: PriceImportCatalog
): { entries: PriceListEntryInput[]; errors: RowError[] } {
	const errors: RowError[] = [];
	const groups = new Map<string, { entry: PriceListEntryInput; rows: number[] }>();
	for (const r of rows) {
		const v = r.input;
		const supplier = catalog.suppliers.find(
			(s) => normalizeCode(s.code) === normalizeCode(v.supplierCode)
		);
		if (!supplier) {
			errors.push(problem(r.row, 'supplierCode', 'unknownSupplier', v.supplierCode));
			continue;
		}
		const code = normalizeCode(v.itemCode);
		const itemId =
			catalog.itemByCode.get(code) ??
			supplier.items.find((i) => i.supplierPartNo && normalizeCode(i.supplierPartNo) === code)
				?.itemId;
		if (!itemId) {
			errors.push(problem(r.row, 'itemCode', 'unknownItem', v.itemCode));
			continue;
		}
		const key = `${supplier.id}|${itemId}|${v.validFrom}`;
		const group = groups.get(key);
		const head = {
			currency: v.currency ?? supplier.currency,
			validTo: v.validTo ?? '',
			landedExtraPct: v.landedExtraPct
		};
		if (!group) {
			groups.set(key, {
				entry: {
					id: 'preview',
					supplierId: supplier.id,
					itemId,
					validFrom: v.validFrom,
					...head,
					source: 'list',
					breaks: [{ minQty: v.minQty, unitPriceCents: v.unitPriceCents }]
				},
				rows: [r.row]
			});
			continue;
		}
		const e = group.entry;
		if (e.currency !== head.currency || e.validTo !== head.validTo)
			errors.push(problem(r.row, 'validTo', 'breaksDisagree', v.itemCode));
		else {
			e.breaks.push({ minQty: v.minQty, unitPriceCents: v.unitPriceCents });
			group.rows.push(r.row);
		}
	}
	const entries: PriceListEntryInput[] = [];
	for (const { entry, rows: lines } of groups.values()) {
		entry.breaks.sort((a, b) => a.minQty - b.minQty);
		const parsed = priceListEntrySchema.safeParse(entry);
		if (parsed.success) entries.push(entry);
		else errors.push(problem(lines[0] ?? 1, 'validTo', 'endsBeforeStart', String(entry.validTo)));
	}
	return { entries, errors };
}

/** The preview of a price-list file: every row valid and resolved, or no rows at all. */
export function previewPriceImport(
	source: Source,
	catalog: PriceImportCatalog
): ImportPreview<PriceRow> {
	const preview = previewImport(priceImporter, source, []);
	const resolved = resolvePriceRows(preview.rows, catalog);
	const errors = [...preview.errors, ...resolved.errors].sort((a, b) => a.row - b.row);
	return { rows: errors.length > 0 ? [] : preview.rows, errors };
}
