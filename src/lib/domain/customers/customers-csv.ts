// The customers CSV: header row (English or zh-TW names), one customer per line. Pure like the
// items CSV: it returns the rows it would create or update and the row errors, with 1-based
// file lines. A code that already exists updates that customer; empty cells leave fields alone.

import Papa from 'papaparse';
import { findByCode } from '../catalog/duplicates';
import { normalizeCode } from '../catalog/entities';
import type { ErrorCode } from '../errors';
import { fieldOfIssue } from '../parse';
import { customerSchema, PRICE_LEVELS, type Customer, type CustomerInput } from './customer';

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

export const CUSTOMER_CSV_ZH_TW: Record<CustomerCsvColumn, string> = {
	code: '客戶編號',
	name: '客戶名稱',
	contact: '聯絡人',
	phone: '電話',
	email: '電子郵件',
	address: '地址',
	creditTermsDays: '付款天數',
	priceLevel: '價格等級',
	notes: '備註'
};

export interface CustomersCsvRow {
	row: number;
	action: 'create' | 'update';
	input: Omit<CustomerInput, 'id'>;
	customerId?: string;
}

export interface CustomersCsvError {
	row: number;
	field: string;
	code: ErrorCode;
	message: string;
}

export interface CustomersCsvPreview {
	rows: CustomersCsvRow[];
	errors: CustomersCsvError[];
}

function columnOf(header: string): CustomerCsvColumn | null {
	const h = header.trim();
	return (
		CUSTOMER_CSV_COLUMNS.find(
			(c) => c.toLowerCase() === h.toLowerCase() || CUSTOMER_CSV_ZH_TW[c] === h
		) ?? null
	);
}

const rowSchema = customerSchema.omit({ id: true });

export function parseCustomersCsv(
	text: string,
	existing: readonly Customer[]
): CustomersCsvPreview {
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	const parsed = Papa.parse<string[]>(body, { delimitersToGuess: [',', '\t', ';'] });
	const errors: CustomersCsvError[] = [];
	const rows: CustomersCsvRow[] = [];
	// Records numbered by file line (customers have no multi-line cells worth supporting).
	const records = parsed.data
		.map((cells, i) => ({ line: i + 1, cells }))
		.filter((r) => r.cells.some((c) => c.trim() !== ''));
	const header = records.shift();
	if (!header) {
		errors.push({ row: 1, field: '', code: 'invalid-csv', message: 'the file has no header row' });
		return { rows, errors };
	}
	const columns = header.cells.map(columnOf);
	for (const required of ['code', 'name'] as const)
		if (!columns.includes(required))
			errors.push({
				row: header.line,
				field: required,
				code: 'invalid-csv',
				message: `missing column ${required}`
			});
	if (errors.length > 0) return { rows, errors };

	const codeAt = columns.indexOf('code');
	const lines = new Map<string, number[]>();
	for (const r of records) {
		const code = normalizeCode(r.cells[codeAt] ?? '');
		if (code) lines.set(code, [...(lines.get(code) ?? []), r.line]);
	}

	for (const record of records) {
		const fields: Record<string, string | number> = {};
		const before = errors.length;
		columns.forEach((column, i) => {
			const cell = (record.cells[i] ?? '').trim();
			if (column === null || cell === '') return;
			if (column === 'creditTermsDays') {
				if (/^\d+$/.test(cell)) fields[column] = Number(cell);
				else
					errors.push({
						row: record.line,
						field: column,
						code: 'invalid-field',
						message: `not a whole number: ${cell}`
					});
			} else if (column === 'priceLevel') {
				const level = PRICE_LEVELS.find((p) => p === cell.toLowerCase());
				if (level) fields[column] = level;
				else
					errors.push({
						row: record.line,
						field: column,
						code: 'invalid-field',
						message: `one of ${PRICE_LEVELS.join(', ')}`
					});
			} else fields[column] = cell;
		});
		const code = typeof fields.code === 'string' ? normalizeCode(fields.code) : '';
		const seenOn = lines.get(code) ?? [];
		if (seenOn.length > 1)
			errors.push({
				row: record.line,
				field: 'code',
				code: 'duplicate-customer-code',
				message: `code ${code} appears on lines ${seenOn.join(', ')}`
			});
		const target = code ? findByCode(existing, code) : undefined;
		const candidate = target ? { ...withoutId(target), ...fields } : fields;
		const result = rowSchema.safeParse(candidate);
		if (!result.success)
			for (const issue of result.error.issues)
				errors.push({
					row: record.line,
					field: fieldOfIssue(issue),
					code: 'invalid-field',
					message: issue.message
				});
		if (errors.length > before || !result.success) continue;
		rows.push(
			target
				? { row: record.line, action: 'update', input: result.data, customerId: target.id }
				: { row: record.line, action: 'create', input: result.data }
		);
	}
	errors.sort((a, b) => a.row - b.row);
	return { rows, errors };
}

function withoutId(customer: Customer): Omit<Customer, 'id'> {
	const { id: _id, ...rest } = customer;
	return rest;
}
