// Cell converters: text from a CSV or sheet cell to the value a schema expects, or the problem
// a person should fix. Empty cells never reach a converter (they mean "default" or "unchanged").

import { parseMoneyToCents } from '../money/money';
import type { ProblemParams, RowProblem } from './problems';

export type CellResult =
	| { ok: true; value: string | number | boolean }
	| { ok: false; problem: RowProblem; params: ProblemParams };

export type CellParser = (cell: string) => CellResult;

const fail = (problem: RowProblem, cell: string): CellResult => ({
	ok: false,
	problem,
	params: { value: cell }
});

const NUMBER = /^-?\d+(\.\d+)?$/;

/** `1,200` and `1200.5`; thousands separators as Excel writes them. */
export const numberCell: CellParser = (cell) => {
	const cleaned = cell.replace(/,(?=\d{3}(\D|$))/g, '');
	return NUMBER.test(cleaned) ? { ok: true, value: Number(cleaned) } : fail('number', cell);
};

export const wholeNumberCell: CellParser = (cell) => {
	const n = numberCell(cell);
	if (!n.ok) return n;
	return Number.isInteger(n.value) ? n : fail('integer', cell);
};

/** An amount in currency units (`12.50`, `NT$ 1,250`) to integer cents. */
export const moneyCell: CellParser = (cell) => {
	const cents = parseMoneyToCents(cell);
	return cents === null ? fail('money', cell) : { ok: true, value: cents };
};

const YES = ['1', 'true', 'yes', 'y', 'v', '是', '有'];
const NO = ['0', 'false', 'no', 'n', '否', '無', '无'];

export const yesNoCell: CellParser = (cell) => {
	const v = cell.toLowerCase();
	if (YES.includes(v)) return { ok: true, value: true };
	if (NO.includes(v)) return { ok: true, value: false };
	return fail('yesNo', cell);
};

/** One of a closed list, case-insensitive; `aliases` maps other words (批發) to a value. */
export function oneOfCell(
	values: readonly string[],
	aliases: Readonly<Record<string, string>> = {}
): CellParser {
	return (cell) => {
		const v = cell.toLowerCase();
		const found = values.find((x) => x.toLowerCase() === v) ?? aliases[cell] ?? aliases[v];
		return found !== undefined
			? { ok: true, value: found }
			: { ok: false, problem: 'oneOf', params: { values: values.join(', ') } };
	};
}
