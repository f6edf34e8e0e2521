// What can be wrong with an imported row or file, as a closed list the UI translates, and the
// mapping from zod issues to it (so a person never reads zod's English).

import type { z } from 'zod';
import { StockflowError, type ErrorCode } from '../errors';

export const ROW_PROBLEMS = [
	'required',
	'tooLong',
	'tooSmall',
	'tooLarge',
	'number',
	'integer',
	'money',
	'yesNo',
	'oneOf',
	'format',
	'codeFormat',
	'email',
	'invalid',
	'duplicateInFile',
	'duplicateInCatalog',
	'unknownItem',
	'notRequested',
	'unknownSupplier',
	'breaksDisagree',
	'endsBeforeStart',
	'noHeader',
	'missingColumn',
	'columnTwice',
	'malformed',
	'unreadable',
	'emptyFile'
] as const;
export type RowProblem = (typeof ROW_PROBLEMS)[number];

export type ProblemParams = Record<string, string | number>;

export interface RowError {
	/** 1-based line of the CSV file or row of the sheet, as Excel numbers it. */
	row: number;
	/** The column key ('' when the whole row or file is at fault). */
	field: string;
	/** `invalid-csv` errors are about the file: they block the whole import. */
	code: ErrorCode;
	problem: RowProblem;
	params: ProblemParams;
	/** English, for logs and tests; the UI translates `problem` with `params`. */
	message: string;
}

/** The file itself is unusable (or its rows changed under the preview): nothing is imported. */
export class ImportBlockedError extends StockflowError {
	constructor(reason: string) {
		super('invalid-csv', `Nothing imported: ${reason}`, { reason });
	}
}

export function isFileError(error: Pick<RowError, 'code'>): boolean {
	return error.code === 'invalid-csv';
}

/** A zod issue as a problem; `formatProblem` names what a failed regex or refinement means. */
export function problemOfIssue(
	issue: z.core.$ZodIssue,
	input: unknown,
	formatProblem: RowProblem = 'format'
): { problem: RowProblem; params: ProblemParams } {
	switch (issue.code) {
		case 'too_small':
			if (issue.origin === 'string')
				return Number(issue.minimum) <= 1
					? { problem: 'required', params: {} }
					: { problem: 'tooSmall', params: { min: Number(issue.minimum) } };
			return { problem: 'tooSmall', params: { min: Number(issue.minimum) } };
		case 'too_big':
			return issue.origin === 'string'
				? { problem: 'tooLong', params: { max: Number(issue.maximum) } }
				: { problem: 'tooLarge', params: { max: Number(issue.maximum) } };
		case 'invalid_type':
			if (input === undefined || input === null || input === '')
				return { problem: 'required', params: {} };
			return issue.expected === 'int'
				? { problem: 'integer', params: { value: String(input) } }
				: { problem: 'invalid', params: {} };
		case 'invalid_value':
			return { problem: 'oneOf', params: { values: issue.values.map(String).join(', ') } };
		case 'invalid_format':
		case 'custom':
			return { problem: formatProblem, params: {} };
		default:
			return { problem: 'invalid', params: {} };
	}
}
