// Reading a file into line-numbered records: CSV text (BOM, CRLF, quoted newlines, delimiter
// guessed among , ; and tab) or the rows of a sheet. Line numbers are what Excel shows, so a
// person can find the row the preview names.

import Papa from 'papaparse';
import { unguardFormula } from './export';
import type { RowError } from './problems';

export interface SourceRecord {
	line: number;
	cells: string[];
}

export interface Source {
	records: SourceRecord[];
	errors: RowError[];
}

const isBlank = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === '');

export function readCsv(text: string): Source {
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	const records: SourceRecord[] = [];
	const errors: RowError[] = [];
	let start = 0;
	let lineAtStart = 1;
	const advanceTo = (pos: number): void => {
		for (let i = start; i < pos && i < body.length; i++) if (body[i] === '\n') lineAtStart++;
		start = pos;
	};
	Papa.parse<string[]>(body, {
		delimitersToGuess: [',', ';', '\t'],
		step(result) {
			// Skip the line break(s) between the previous record and this one.
			let s = start;
			while (s < body.length && (body[s] === '\n' || body[s] === '\r')) s++;
			advanceTo(s);
			const line = lineAtStart;
			advanceTo(result.meta.cursor);
			for (const e of result.errors) {
				// A one-column file has no delimiter to detect; that is not an error.
				if (e.type === 'Delimiter') continue;
				errors.push({
					row: line,
					field: '',
					code: 'invalid-csv',
					problem: 'malformed',
					params: {},
					message: e.message
				});
			}
			if (!isBlank(result.data)) records.push({ line, cells: result.data.map(unguardFormula) });
		}
	});
	return { records, errors };
}

/** A sheet's rows (from `xlsxToRows`), row 1 first; blank rows are skipped but keep numbering. */
export function readRows(rows: readonly (readonly string[])[]): Source {
	const records: SourceRecord[] = [];
	rows.forEach((cells, i) => {
		if (!isBlank(cells)) records.push({ line: i + 1, cells: cells.map(unguardFormula) });
	});
	return { records, errors: [] };
}

/** True when the bytes are a zip container (XLSX), whatever the file is called. */
export function isXlsx(bytes: Uint8Array): boolean {
	return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * CSV bytes to text. UTF-8 first; Excel in Taiwan saves "CSV" as Big5 and in mainland China as
 * GBK, so a file that is not valid UTF-8 is read with the legacy encoding the user's language
 * suggests, then the other one.
 */
export function decodeCsv(bytes: Uint8Array, preferLegacy: 'big5' | 'gb18030' = 'big5'): string {
	const encodings = ['utf-8', preferLegacy, preferLegacy === 'big5' ? 'gb18030' : 'big5'];
	for (const encoding of encodings) {
		try {
			return new TextDecoder(encoding, { fatal: true }).decode(bytes);
		} catch {
			// Not this encoding; try the next one.
		}
	}
	return new TextDecoder('utf-8').decode(bytes);
}
