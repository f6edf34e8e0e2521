// The BOM importer: one row per component line (parent code, version, component code,
// quantity per unit, scrap %), headers in zh-TW, zh-CN or English. A row whose parent, version
// and component already exist updates that line; the command groups rows into BOM versions.

import { z } from 'zod';
import { normalizeCode } from '../catalog/entities';
import { numberCell } from '../tabular/cells';
import type { HeaderMap } from '../tabular/headers';
import type { Importer } from '../tabular/importer';
import type { Bom } from './bom';

export const BOM_IMPORT_COLUMNS = [
	'parentCode',
	'version',
	'effectiveFrom',
	'childCode',
	'qtyPer',
	'scrapPct'
] as const;
export type BomImportColumn = (typeof BOM_IMPORT_COLUMNS)[number];

export const BOM_HEADERS: HeaderMap<BomImportColumn> = {
	parentCode: {
		'zh-TW': ['成品料號', '母件料號', '主件料號'],
		'zh-CN': ['成品料号', '母件料号', '父件料号'],
		en: ['Parent code', 'Parent SKU', 'Parent']
	},
	version: { 'zh-TW': ['版本', '版次'], 'zh-CN': ['版本'], en: ['Version', 'Rev'] },
	effectiveFrom: {
		'zh-TW': ['生效日', '生效日期'],
		'zh-CN': ['生效日期'],
		en: ['Effective from', 'Effective']
	},
	childCode: {
		'zh-TW': ['元件料號', '子件料號', '料號'],
		'zh-CN': ['组件料号', '子件料号', '料号'],
		en: ['Component code', 'Component', 'Child']
	},
	qtyPer: {
		'zh-TW': ['單位用量', '用量'],
		'zh-CN': ['单位用量', '用量'],
		en: ['Qty per', 'Quantity per unit']
	},
	scrapPct: {
		'zh-TW': ['損耗率', '損耗%'],
		'zh-CN': ['损耗率', '损耗%'],
		en: ['Scrap %', 'Scrap']
	}
};

const code = z.string().trim().min(1, 'required').max(64);

export const bomImportRowSchema = z.object({
	id: z.string().min(1),
	parentCode: code,
	version: z.string().trim().min(1).max(20).default('1'),
	effectiveFrom: z
		.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')])
		.default(''),
	childCode: code,
	qtyPer: z.number().finite().positive(),
	scrapPct: z.number().min(0).max(100).default(0)
});
export type BomImportRow = z.infer<typeof bomImportRowSchema>;

/** parent | version | component, normalized: the key of one BOM line. */
export function bomRowKey(values: Readonly<Record<string, unknown>>): string {
	const { parentCode, childCode } = values;
	if (typeof parentCode !== 'string' || typeof childCode !== 'string') return '';
	const version =
		typeof values.version === 'string' && values.version.trim() ? values.version : '1';
	return `${normalizeCode(parentCode)}|${version.trim()}|${normalizeCode(childCode)}`;
}

export const bomImporter: Importer<BomImportColumn, BomImportRow> = {
	schema: bomImportRowSchema,
	columns: BOM_IMPORT_COLUMNS,
	headerMap: BOM_HEADERS,
	required: ['parentCode', 'childCode', 'qtyPer'],
	keyColumn: 'childCode',
	keyOf: bomRowKey,
	duplicateCode: 'invalid-field',
	cells: { qtyPer: numberCell, scrapPct: numberCell }
};

/** The stored BOM lines as import rows (what a row updates), with codes for item ids. */
export function bomImportRowsOf(
	boms: readonly Bom[],
	codeOf: (itemId: string) => string | undefined
): BomImportRow[] {
	const out: BomImportRow[] = [];
	for (const bom of boms)
		for (const line of bom.lines) {
			const parentCode = codeOf(bom.itemId);
			const childCode = codeOf(line.childId);
			if (parentCode === undefined || childCode === undefined) continue;
			out.push({
				id: `${bom.id}|${line.id}`,
				parentCode,
				version: bom.version,
				effectiveFrom: bom.effectiveFrom,
				childCode,
				qtyPer: line.qtyPer,
				scrapPct: line.scrapPct
			});
		}
	return out;
}
