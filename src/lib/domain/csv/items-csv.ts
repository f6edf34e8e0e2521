// The items CSV: header row (English or zh-TW names), one item per line. Parsing is pure:
// it returns the rows it would create or update and the row errors (1-based file lines, so
// a person can find them in Excel). A code that already exists updates that item.

import Papa from 'papaparse';
import { itemSchema, normalizeCode, type Item, type ItemInput } from '../catalog/entities';
import type { ErrorCode } from '../errors';
import { parseMoneyToCents } from '../money/money';
import { fieldOfIssue } from '../parse';

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

/** zh-TW header names as Taiwanese users write them in Excel. */
export const ITEM_CSV_ZH_TW: Record<ItemCsvColumn, string> = {
	code: '料號',
	name: '品名',
	unit: '單位',
	category: '類別',
	safetyStock: '安全庫存',
	reorderPoint: '再訂購點',
	maxStock: '最高庫存',
	shelfLifeDays: '保存天數',
	barcode: '條碼',
	standardCost: '標準成本',
	lotTracked: '批號管理'
};

const REQUIRED: readonly ItemCsvColumn[] = ['code', 'name', 'unit'];

export interface ItemsCsvRow {
	/** 1-based line in the file where the record starts. */
	row: number;
	action: 'create' | 'update';
	/** The full item after import (for updates: the existing item with the file's values). */
	input: Omit<ItemInput, 'id'>;
	/** The item an update applies to. */
	itemId?: string;
}

export interface ItemsCsvError {
	row: number;
	field: string;
	code: ErrorCode;
	message: string;
}

export interface ItemsCsvPreview {
	rows: ItemsCsvRow[];
	errors: ItemsCsvError[];
}

function columnOfHeader(header: string): ItemCsvColumn | null {
	const h = header.trim();
	for (const column of ITEM_CSV_COLUMNS) {
		if (h.toLowerCase() === column.toLowerCase() || h === ITEM_CSV_ZH_TW[column]) return column;
	}
	return null;
}

interface Record_ {
	line: number;
	cells: string[];
}

/** Splits the text into records with the file line each starts on (quoted newlines allowed). */
function readRecords(text: string): { records: Record_[]; errors: ItemsCsvError[] } {
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	const records: Record_[] = [];
	const errors: ItemsCsvError[] = [];
	let start = 0;
	let lineAtStart = 1;
	const advanceTo = (pos: number): void => {
		for (let i = start; i < pos && i < body.length; i++) if (body[i] === '\n') lineAtStart++;
		start = pos;
	};
	Papa.parse<string[]>(body, {
		delimitersToGuess: [',', '\t', ';'],
		step(result) {
			// Skip the line break(s) between the previous record and this one.
			let s = start;
			while (s < body.length && (body[s] === '\n' || body[s] === '\r')) s++;
			advanceTo(s);
			const line = lineAtStart;
			advanceTo(result.meta.cursor);
			for (const e of result.errors) {
				if (e.type === 'Delimiter') continue;
				errors.push({ row: line, field: '', code: 'invalid-csv', message: e.message });
			}
			if (result.data.some((cell) => cell.trim() !== ''))
				records.push({ line, cells: result.data });
		}
	});
	return { records, errors };
}

const NUMBER = /^-?\d+(\.\d+)?$/;

function parseQtyCell(cell: string): number | null {
	const cleaned = cell.trim().replace(/,(?=\d{3}(\D|$))/g, '');
	return NUMBER.test(cleaned) ? Number(cleaned) : null;
}

function parseBoolCell(cell: string): boolean | null {
	const v = cell.trim().toLowerCase();
	if (['1', 'true', 'yes', 'y', '是', 'v'].includes(v)) return true;
	if (['0', 'false', 'no', 'n', '否'].includes(v)) return false;
	return null;
}

type Fields = Record<string, string | number | boolean>;

/** Converts the non-empty cells of one record; conversion failures become row errors. */
function cellsToFields(
	line: number,
	columns: (ItemCsvColumn | null)[],
	cells: string[],
	errors: ItemsCsvError[]
): Fields {
	const fields: Fields = {};
	columns.forEach((column, i) => {
		const cell = (cells[i] ?? '').trim();
		if (column === null || cell === '') return;
		const bad = (message: string): void => {
			errors.push({ row: line, field: column, code: 'invalid-field', message });
		};
		switch (column) {
			case 'code':
			case 'name':
			case 'unit':
			case 'category':
			case 'barcode':
				fields[column] = cell;
				return;
			case 'safetyStock':
			case 'reorderPoint':
			case 'maxStock':
			case 'shelfLifeDays': {
				const n = parseQtyCell(cell);
				if (n === null) bad(`not a number: ${cell}`);
				else fields[column] = n;
				return;
			}
			case 'standardCost': {
				const cents = parseMoneyToCents(cell);
				if (cents === null) bad(`not an amount: ${cell}`);
				else fields.standardCostCents = cents;
				return;
			}
			case 'lotTracked': {
				const b = parseBoolCell(cell);
				if (b === null) bad(`not yes/no: ${cell}`);
				else fields.lotTracked = b;
				return;
			}
			default: {
				const never: never = column;
				throw new Error(`unhandled column ${String(never)}`);
			}
		}
	});
	return fields;
}

const rowSchema = itemSchema.omit({ id: true });

/**
 * Parses an items CSV against the current catalog. Empty cells mean "default" for a new item
 * and "unchanged" for an existing one. Every occurrence of a code repeated in the file is an
 * error (the file contradicts itself, so none of them is applied).
 */
export function parseItemsCsv(text: string, existing: readonly Item[]): ItemsCsvPreview {
	const { records, errors } = readRecords(text);
	const rows: ItemsCsvRow[] = [];
	const header = records.shift();
	if (!header) {
		errors.push({ row: 1, field: '', code: 'invalid-csv', message: 'the file has no header row' });
		return { rows, errors };
	}
	const columns = header.cells.map(columnOfHeader);
	for (const column of REQUIRED) {
		if (!columns.includes(column))
			errors.push({
				row: header.line,
				field: column,
				code: 'invalid-csv',
				message: `missing column ${column}`
			});
	}
	const seen = new Set<ItemCsvColumn>();
	for (const column of columns) {
		if (column === null) continue;
		if (seen.has(column))
			errors.push({
				row: header.line,
				field: column,
				code: 'invalid-csv',
				message: `column ${column} appears twice`
			});
		seen.add(column);
	}
	if (errors.some((e) => e.row === header.line && e.code === 'invalid-csv'))
		return { rows, errors };

	const linesByCode = new Map<string, number[]>();
	for (const record of records) {
		const i = columns.indexOf('code');
		const code = normalizeCode(record.cells[i] ?? '');
		if (code === '') continue;
		linesByCode.set(code, [...(linesByCode.get(code) ?? []), record.line]);
	}
	const byCode = new Map<string, Item[]>();
	for (const item of existing) {
		const code = normalizeCode(item.code);
		byCode.set(code, [...(byCode.get(code) ?? []), item]);
	}

	for (const record of records) {
		const before = errors.length;
		const fields = cellsToFields(record.line, columns, record.cells, errors);
		const code = typeof fields.code === 'string' ? normalizeCode(fields.code) : '';
		const lines = linesByCode.get(code) ?? [];
		if (lines.length > 1) {
			errors.push({
				row: record.line,
				field: 'code',
				code: 'duplicate-sku-code',
				message: `code ${code} appears on lines ${lines.join(', ')}`
			});
		}
		const matches = code === '' ? [] : (byCode.get(code) ?? []);
		if (matches.length > 1) {
			errors.push({
				row: record.line,
				field: 'code',
				code: 'duplicate-sku-code',
				message: `code ${code} is used by ${matches.length} items in the catalog`
			});
		}
		const target = matches.length === 1 ? matches[0] : undefined;
		const candidate = target ? { ...withoutId(target), ...fields } : fields;
		const parsed = rowSchema.safeParse(candidate);
		if (!parsed.success) {
			for (const issue of parsed.error.issues) {
				const field = fieldOfIssue(issue);
				errors.push({
					row: record.line,
					field: field === 'standardCostCents' ? 'standardCost' : field,
					code: 'invalid-field',
					message: issue.message
				});
			}
		}
		if (errors.length > before || !parsed.success) continue;
		rows.push(
			target
				? { row: record.line, action: 'update', input: parsed.data, itemId: target.id }
				: { row: record.line, action: 'create', input: parsed.data }
		);
	}
	errors.sort((a, b) => a.row - b.row);
	return { rows, errors };
}

function withoutId(item: Item): Omit<Item, 'id'> {
	const { id: _id, ...rest } = item;
	return rest;
}
