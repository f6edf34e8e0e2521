// One import pipeline for every master-data table: records (from CSV or XLSX) → header map →
// cell converters → the entity's zod schema → a preview of rows to create and update and of
// refused rows → a plan the entity's command writes in one transaction, or nothing at all.
// An importer is a declaration; suppliers, price lists or BOMs plug in with a schema and a
// header map.

import type { z } from 'zod';
import type { ErrorCode } from '../errors';
import { parseOrThrow } from '../parse';
import type { CellParser } from './cells';
import { fieldOfHeader, headerIndex, type HeaderMap } from './headers';
import {
	ImportBlockedError,
	isFileError,
	problemOfIssue,
	type ProblemParams,
	type RowError,
	type RowProblem
} from './problems';
import type { Source, SourceRecord } from './source';

export interface Importer<F extends string, E extends { id: string }> {
	/** The entity's schema, id included: each row is validated as the record it will become. */
	schema: z.ZodType<E>;
	/** Columns in template order. */
	columns: readonly F[];
	headerMap: HeaderMap<F>;
	required: readonly F[];
	/** The column naming a record (its code); duplicates are reported on it. */
	keyColumn: F;
	/** The normalized key of a row's values or of an existing record; '' when it has none. */
	keyOf: (values: Readonly<Record<string, unknown>>) => string;
	/** The error code of a key used twice (in the file, or by two existing records). */
	duplicateCode: ErrorCode;
	/** Converters for columns that are not plain text. */
	cells?: Partial<Record<F, CellParser>>;
	/** The schema key a column fills when it differs (standardCost → standardCostCents). */
	fieldOf?: Partial<Record<F, string>>;
	/** What a failed regex or refinement on a column means to a person (codeFormat, email). */
	formatProblems?: Partial<Record<F, RowProblem>>;
}

export interface ImportRow<E> {
	/** 1-based line (CSV) or sheet row where the record starts. */
	row: number;
	action: 'create' | 'update';
	/** The whole record after import (for updates: the existing record with the file's values). */
	input: Omit<E, 'id'>;
	/** The existing record an update applies to. */
	targetId?: string;
}

export interface ImportPreview<E> {
	rows: ImportRow<E>[];
	/** Refused rows and file problems, by row. File problems (`invalid-csv`) block the import. */
	errors: RowError[];
}

/** Schemas require an id; a row that would create a record is checked with this stand-in. */
const PREVIEW_ID = 'preview';

function rowError(
	row: number,
	field: string,
	code: ErrorCode,
	problem: RowProblem,
	params: ProblemParams,
	message: string
): RowError {
	return { row, field, code, problem, params, message };
}

function readHeader<F extends string>(
	importer: Importer<F, { id: string }>,
	header: SourceRecord
): { columns: (F | null)[]; errors: RowError[] } {
	const index = headerIndex(importer.headerMap, importer.columns);
	const columns = header.cells.map((cell) => fieldOfHeader(index, cell));
	const errors: RowError[] = [];
	const fileError = (field: F, problem: RowProblem, message: string): void => {
		errors.push(rowError(header.line, field, 'invalid-csv', problem, { column: field }, message));
	};
	for (const column of importer.required)
		if (!columns.includes(column)) fileError(column, 'missingColumn', `missing column ${column}`);
	const seen = new Set<F>();
	for (const column of columns) {
		if (column === null) continue;
		if (seen.has(column)) fileError(column, 'columnTwice', `column ${column} appears twice`);
		seen.add(column);
	}
	return { columns, errors };
}

interface Converted {
	record: SourceRecord;
	values: Record<string, unknown>;
	errors: RowError[];
	/** Schema keys whose cells failed to convert: their schema issues would only repeat it. */
	failed: Set<string>;
}

function convert<F extends string>(
	importer: Importer<F, { id: string }>,
	columns: readonly (F | null)[],
	record: SourceRecord
): Converted {
	const values: Record<string, unknown> = {};
	const errors: RowError[] = [];
	const failed = new Set<string>();
	columns.forEach((column, i) => {
		const cell = (record.cells[i] ?? '').trim();
		if (column === null || cell === '') return;
		const key = importer.fieldOf?.[column] ?? column;
		const parse = importer.cells?.[column];
		const result = parse ? parse(cell) : { ok: true as const, value: cell };
		if (result.ok) values[key] = result.value;
		else {
			failed.add(key);
			errors.push(
				rowError(
					record.line,
					column,
					'invalid-field',
					result.problem,
					result.params,
					`${result.problem}: ${cell}`
				)
			);
		}
	});
	return { record, values, errors, failed };
}

function groupByKey<E extends { id: string }>(
	keyOf: (values: Readonly<Record<string, unknown>>) => string,
	records: readonly E[]
): Map<string, E[]> {
	const byKey = new Map<string, E[]>();
	for (const record of records) {
		const key = keyOf(record);
		if (key !== '') byKey.set(key, [...(byKey.get(key) ?? []), record]);
	}
	return byKey;
}

/**
 * The preview of importing `source` into `existing`: nothing is written. Empty cells mean
 * "default" for a new record and "unchanged" for an existing one. A key repeated in the file is
 * refused on every line it appears (the file contradicts itself).
 */
export function previewImport<F extends string, E extends { id: string }>(
	importer: Importer<F, E>,
	source: Source,
	existing: readonly E[]
): ImportPreview<E> {
	const errors: RowError[] = [...source.errors];
	const rows: ImportRow<E>[] = [];
	const [header, ...records] = source.records;
	if (!header) {
		errors.push(rowError(1, '', 'invalid-csv', 'noHeader', {}, 'the file has no header row'));
		return { rows, errors };
	}
	const read = readHeader(importer, header);
	if (read.errors.length > 0) return { rows, errors: [...errors, ...read.errors] };

	const converted = records.map((record) => convert(importer, read.columns, record));
	const linesByKey = new Map<string, number[]>();
	for (const c of converted) {
		const key = importer.keyOf(c.values);
		if (key !== '') linesByKey.set(key, [...(linesByKey.get(key) ?? []), c.record.line]);
	}
	const existingByKey = groupByKey(importer.keyOf, existing);
	const reverse = new Map(
		Object.entries(importer.fieldOf ?? {}).map(([column, key]) => [String(key), column])
	);

	for (const { record, values, errors: cellErrors, failed } of converted) {
		const rowErrors = [...cellErrors];
		const key = importer.keyOf(values);
		const keyField = importer.keyColumn;
		const lines = linesByKey.get(key) ?? [];
		if (lines.length > 1)
			rowErrors.push(
				rowError(
					record.line,
					keyField,
					importer.duplicateCode,
					'duplicateInFile',
					{ code: key, lines: lines.join(', ') },
					`${key} appears on lines ${lines.join(', ')}`
				)
			);
		const matches = key === '' ? [] : (existingByKey.get(key) ?? []);
		if (matches.length > 1)
			rowErrors.push(
				rowError(
					record.line,
					keyField,
					importer.duplicateCode,
					'duplicateInCatalog',
					{ code: key, count: matches.length },
					`${key} is used by ${matches.length} records`
				)
			);
		const target = matches.length === 1 ? matches[0] : undefined;
		const candidate = target ? { ...target, ...values } : { ...values, id: PREVIEW_ID };
		const parsed = importer.schema.safeParse(candidate);
		if (!parsed.success) {
			for (const issue of parsed.error.issues) {
				const schemaKey = issue.path.map(String).join('.') || 'value';
				if (failed.has(schemaKey) || schemaKey === 'id') continue;
				const column = reverse.get(schemaKey) ?? schemaKey;
				const { problem, params } = problemOfIssue(
					issue,
					(candidate as Record<string, unknown>)[schemaKey],
					importer.formatProblems?.[column as F]
				);
				rowErrors.push(
					rowError(record.line, column, 'invalid-field', problem, params, issue.message)
				);
			}
		}
		errors.push(...rowErrors);
		if (rowErrors.length > 0 || !parsed.success) continue;
		const { id: _id, ...input } = parsed.data;
		rows.push(
			target
				? { row: record.line, action: 'update', input, targetId: target.id }
				: { row: record.line, action: 'create', input }
		);
	}
	errors.sort((a, b) => a.row - b.row);
	return { rows, errors };
}

export interface PlannedRecord<E> {
	id: string;
	created: boolean;
	record: E;
}

/**
 * The records a commit writes, all validated before anything is written: any failure throws
 * and the command's transaction never starts. The existing records are read again (a sync may
 * have arrived since the preview), so a key that now exists updates that record. Rows the
 * preview refused are not in `preview.rows`: they are excluded, and the page says so. A file
 * problem blocks everything.
 */
export function planImport<F extends string, E extends { id: string }>(
	importer: Importer<F, E>,
	preview: ImportPreview<E>,
	existing: readonly E[],
	nextId: () => string
): PlannedRecord<E>[] {
	const blocking = preview.errors.find(isFileError);
	if (blocking) throw new ImportBlockedError(blocking.message);
	const byId = new Map(existing.map((e) => [e.id, e]));
	const byKey = groupByKey(importer.keyOf, existing);
	const planned = new Set<string>();
	return preview.rows.map((row) => {
		const key = importer.keyOf(row.input);
		if (planned.has(key)) throw new ImportBlockedError(`${key} appears twice in the import`);
		planned.add(key);
		const matches = byKey.get(key) ?? [];
		const target =
			(row.targetId !== undefined ? byId.get(row.targetId) : undefined) ??
			(matches.length === 1 ? matches[0] : undefined);
		if (!target && matches.length > 1)
			throw new ImportBlockedError(`${key} is used by ${matches.length} records`);
		const id = target?.id ?? nextId();
		return { id, created: !target, record: parseOrThrow(importer.schema, { ...row.input, id }) };
	});
}
