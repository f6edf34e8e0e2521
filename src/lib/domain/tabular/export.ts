// Writing a table as CSV that Excel opens correctly: UTF-8 with a BOM (else Excel reads Chinese
// as ANSI), CRLF line ends, RFC 4180 quoting, and a guard against formula injection.

import type { Cell, Table } from './table';

/** A cell starting with one of these is a formula to Excel and LibreOffice (CWE-1236). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text that a spreadsheet would evaluate gets a leading apostrophe, which Excel shows as text.
 * Numbers are left alone: -5 is a number, not a formula.
 */
export function guardFormula(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Undoes `guardFormula`, so a file this app exported imports back unchanged. */
export function unguardFormula(text: string): string {
	return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

function cellText(cell: Cell): string {
	if (cell === null) return '';
	if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
	return guardFormula(cell);
}

function quote(text: string, delimiter: string): string {
	const needs =
		text.includes(delimiter) ||
		text.includes('"') ||
		text.includes('\n') ||
		text.includes('\r') ||
		text !== text.trim();
	return needs ? `"${text.replaceAll('"', '""')}"` : text;
}

export interface CsvOptions {
	/** Comma by default; semicolon for locales whose Excel expects it. */
	delimiter?: ',' | ';' | '\t';
	/** Prefix a UTF-8 byte order mark (default true). */
	bom?: boolean;
}

export function tableToCsv(table: Table, options: CsvOptions = {}): string {
	const delimiter = options.delimiter ?? ',';
	const line = (cells: readonly Cell[]): string =>
		cells.map((c) => quote(cellText(c), delimiter)).join(delimiter);
	const body = [table.headers, ...table.rows].map(line).join('\r\n') + '\r\n';
	return (options.bom ?? true) ? `\uFEFF${body}` : body;
}

/** A file name safe on every OS, with the date the export was taken (clock passed in). */
export function exportFileName(base: string, nowMs: number, extension: 'csv' | 'xlsx'): string {
	const day = new Date(nowMs).toISOString().slice(0, 10);
	const safe = base.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '') || 'export';
	return `${safe}-${day}.${extension}`;
}
