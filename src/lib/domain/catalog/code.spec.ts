import { describe, expect, it } from 'vitest';
import { codeProblem, type CodeProblem } from './code';

describe('codeProblem', () => {
	const cases: [string, CodeProblem | null][] = [
		['BOLT-M6', null],
		['a-100', null],
		['  TY  ', null],
		['A/B.C_D-1', null],
		['0', null],
		['', 'required'],
		['   ', 'required'],
		['-A', 'format'],
		['.A', 'format'],
		['A B', 'format'],
		['螺栓', 'format'],
		['A#1', 'format'],
		['A'.repeat(40), null],
		['A'.repeat(41), 'too-long']
	];
	it.each(cases)('%j → %s', (value, expected) => {
		expect(codeProblem(value)).toBe(expected);
	});
});
