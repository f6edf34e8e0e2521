// XLSX reading and writing through SheetJS (@e965/xlsx), loaded on first use so its ~1 MB
// stays out of the first-load bundle. Pure: bytes in, cells out, and the reverse.

import type { Table } from './table';

type SheetJs = typeof import('@e965/xlsx');
let library: Promise<SheetJs> | null = null;

function loadSheetJs(): Promise<SheetJs> {
	library ??= import('@e965/xlsx');
	return library;
}

/** A workbook with one sheet; strings are written as text cells, so nothing is a formula. */
export async function tableToXlsx(table: Table, sheetName = 'Sheet1'): Promise<Uint8Array> {
	const XLSX = await loadSheetJs();
	const sheet = XLSX.utils.aoa_to_sheet([table.headers, ...table.rows]);
	const book = XLSX.utils.book_new();
	// Sheet names are at most 31 characters and may not hold []:*?/\ (Excel's rule).
	XLSX.utils.book_append_sheet(book, sheet, sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31));
	const out: unknown = XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true });
	if (!(out instanceof ArrayBuffer)) throw new Error('SheetJS did not return an ArrayBuffer');
	return new Uint8Array(out);
}

/**
 * The first sheet as rows of text cells. Numbers come raw (String(n)), not as Excel shows them:
 * the General format turns a 13-digit barcode into 4.71E+12. Empty cells are ''.
 */
export async function xlsxToRows(bytes: Uint8Array): Promise<string[][]> {
	const XLSX = await loadSheetJs();
	const book = XLSX.read(bytes, { type: 'array', cellDates: false, dense: true });
	const name = book.SheetNames[0];
	const sheet = name === undefined ? undefined : book.Sheets[name];
	if (!sheet) return [];
	const rows: unknown = XLSX.utils.sheet_to_json(sheet, {
		header: 1,
		raw: true,
		defval: '',
		blankrows: true
	});
	if (!Array.isArray(rows)) return [];
	return rows.map((row: unknown) =>
		Array.isArray(row) ? row.map((cell: unknown) => cellToText(cell)) : []
	);
}

function cellToText(cell: unknown): string {
	if (cell === null || cell === undefined) return '';
	if (typeof cell === 'string') return cell;
	if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
	return '';
}
