import { describe, expect, it } from 'vitest';
import { formatCents, parseMoneyToCents } from './money';

describe('money', () => {
	it.each([
		['12.50', 1250],
		['12.5', 1250],
		['12', 1200],
		['0.29', 29],
		['1.005', null],
		['0.1', 10],
		['1,234.56', 123456],
		['NT$ 99', 9900],
		['$3.07', 307],
		[' 7. ', 700],
		['-1', null],
		['abc', null],
		['', null],
		['12.345', null]
	])('%j → %j cents', (text, cents) => {
		expect(parseMoneyToCents(text)).toBe(cents);
	});

	it.each([
		[1250, '12.50'],
		[5, '0.05'],
		[-199, '-1.99']
	])('formats %j as %j', (cents, text) => {
		expect(formatCents(cents)).toBe(text);
	});
});
