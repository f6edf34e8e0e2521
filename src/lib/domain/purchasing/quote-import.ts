// A supplier's price list (CSV or XLSX) read as its quote for a request for quotation, through
// the one tabular pipeline: a row names an item by our code or the supplier's part number, a
// unit price, and optionally a quantity break, lead time and MOQ. Rows are then matched to the
// request's lines; an item the request does not ask for is a row error. A quote is one
// document: any refused row blocks the whole import (nothing half-imported).

import { z } from 'zod';
import { normalizeCode } from '../catalog/entities';
import { moneyCell, numberCell, wholeNumberCell } from '../tabular/cells';
import type { HeaderMap } from '../tabular/headers';
import {
	previewImport,
	type ImportPreview,
	type ImportRow,
	type Importer
} from '../tabular/importer';
import type { RowError } from '../tabular/problems';
import type { Source } from '../tabular/source';
import type { QuoteLineInput, RfqLine } from './rfq';

export const QUOTE_COLUMNS = ['itemCode', 'unitPrice', 'minQty', 'leadTimeDays', 'moq'] as const;
export type QuoteColumn = (typeof QUOTE_COLUMNS)[number];

export const QUOTE_HEADERS: HeaderMap<QuoteColumn> = {
	itemCode: {
		'zh-TW': ['料號', '品號', '品項編號', '供應商料號', '貨號'],
		'zh-CN': ['物料编码', '料号', '商品编码', '供应商料号', '货号'],
		en: ['Item code', 'SKU', 'Part no', 'Part number', 'Supplier part no']
	},
	unitPrice: {
		'zh-TW': ['單價', '報價', '未稅單價'],
		'zh-CN': ['单价', '报价', '未税单价'],
		en: ['Unit price', 'Price']
	},
	minQty: {
		'zh-TW': ['數量起', '最低數量', '級距數量'],
		'zh-CN': ['数量起', '最低数量', '阶梯数量'],
		en: ['From qty', 'Min qty', 'Break qty']
	},
	leadTimeDays: {
		'zh-TW': ['交期天數', '前置時間', '交期'],
		'zh-CN': ['交期天数', '提前期', '交期'],
		en: ['Lead time (days)', 'Lead time']
	},
	moq: {
		'zh-TW': ['最小訂購量', '起訂量', 'MOQ'],
		'zh-CN': ['最小订购量', '起订量', 'MOQ'],
		en: ['MOQ', 'Minimum order quantity']
	}
};

export const quoteRowSchema = z.object({
	id: z.string(),
	itemCode: z.string().trim().min(1).max(64),
	unitPriceCents: z.number().int().nonnegative(),
	minQty: z.number().finite().nonnegative().default(0),
	leadTimeDays: z.number().int().min(0).max(365).optional(),
	moq: z.number().finite().nonnegative().default(0)
});
export type QuoteRow = z.infer<typeof quoteRowSchema>;

export const quoteImporter: Importer<QuoteColumn, QuoteRow> = {
	schema: quoteRowSchema,
	columns: QUOTE_COLUMNS,
	headerMap: QUOTE_HEADERS,
	required: ['itemCode', 'unitPrice'],
	keyColumn: 'itemCode',
	// One row per item and quantity break.
	keyOf: (v) =>
		typeof v.itemCode === 'string'
			? `${normalizeCode(v.itemCode)} ≥ ${typeof v.minQty === 'number' ? v.minQty : 0}`
			: '',
	duplicateCode: 'invalid-field',
	cells: {
		unitPrice: moneyCell,
		minQty: numberCell,
		leadTimeDays: wholeNumberCell,
		moq: numberCell
	},
	fieldOf: { unitPrice: 'unitPriceCents' }
};

export interface QuoteImportContext {
	lines: readonly RfqLine[];
	/** Our item id by normalized code, and by the supplier's part number. */
	itemByCode: ReadonlyMap<string, string>;
	itemByPartNo: ReadonlyMap<string, string>;
	/** Lead time when a row has none (the supplier's terms, else 7). */
	defaultLeadTimeDays: (itemId: string) => number;
}

const rowError = (
	row: number,
	problem: 'unknownItem' | 'notRequested',
	code: string
): RowError => ({
	row,
	field: 'itemCode',
	code: 'invalid-field',
	problem,
	params: { value: code },
	message: `${problem}: ${code}`
});

/** Rows matched to the request's lines: the quote lines, or the rows that match none. */
export function resolveQuoteRows(
	rows: readonly ImportRow<QuoteRow>[],
	ctx: QuoteImportContext
): { lines: QuoteLineInput[]; errors: RowError[] } {
	const errors: RowError[] = [];
	const lines: QuoteLineInput[] = [];
	for (const r of rows) {
		const code = normalizeCode(r.input.itemCode);
		const itemId = ctx.itemByCode.get(code) ?? ctx.itemByPartNo.get(code);
		const line = itemId ? ctx.lines.find((l) => l.itemId === itemId) : undefined;
		if (!itemId) errors.push(rowError(r.row, 'unknownItem', r.input.itemCode));
		else if (!line) errors.push(rowError(r.row, 'notRequested', r.input.itemCode));
		else
			lines.push({
				lineId: line.id,
				minQty: r.input.minQty,
				unitPriceCents: r.input.unitPriceCents,
				leadTimeDays: r.input.leadTimeDays ?? ctx.defaultLeadTimeDays(line.itemId),
				moq: r.input.moq
			});
	}
	return { lines, errors };
}

/**
 * What importing `source` as a quote would record. Any refused row (a bad cell, an unknown
 * item, an item not asked for) empties the rows: the quote is imported whole or not at all.
 */
export function previewQuoteImport(
	source: Source,
	ctx: QuoteImportContext
): ImportPreview<QuoteRow> {
	const preview = previewImport(quoteImporter, source, []);
	const resolved = resolveQuoteRows(preview.rows, ctx);
	const errors = [...preview.errors, ...resolved.errors].sort((a, b) => a.row - b.row);
	return { rows: errors.length > 0 ? [] : preview.rows, errors };
}
