import { describe, expect, it } from 'vitest';
import { parseQuantity, quantityOrNull } from './quantity';

describe('parseQuantity', () => {
	it.each([
		['12', 12],
		[' 3 ', 3],
		['1,200', 1200],
		['1,200.5', 1200.5],
		['2.5', 2.5],
		['2.', 2],
		['0', 0],
		['-0', 0]
	])('%s → %s', (text, qty) => {
		expect(parseQuantity(text)).toEqual({ ok: true, qty });
	});

	it.each([
		['', 'empty'],
		['   ', 'empty'],
		['abc', 'not-a-number'],
		['1,2', 'not-a-number'],
		['1e3', 'not-a-number'],
		['.5', 'not-a-number'],
		['--1', 'not-a-number'],
		['-1', 'negative']
	])('%s is refused as %s', (text, reason) => {
		expect(parseQuantity(text)).toEqual({ ok: false, reason });
	});

	it('accepts a negative only when asked to', () => {
		expect(parseQuantity('-4', { allowNegative: true })).toEqual({ ok: true, qty: -4 });
		expect(parseQuantity('-1,000', { allowNegative: true })).toEqual({ ok: true, qty: -1000 });
	});

	it('enforces the unit precision exactly at its boundary', () => {
		expect(parseQuantity('2.5', { decimals: 0 })).toEqual({ ok: false, reason: 'too-precise' });
		expect(parseQuantity('2.0', { decimals: 0 })).toEqual({ ok: true, qty: 2 });
		expect(parseQuantity('1.125', { decimals: 3 })).toEqual({ ok: true, qty: 1.125 });
		expect(parseQuantity('1.1255', { decimals: 3 })).toEqual({
			ok: false,
			reason: 'too-precise'
		});
	});

	it('quantityOrNull folds every refusal to null', () => {
		expect(quantityOrNull('7')).toBe(7);
		expect(quantityOrNull('')).toBeNull();
		expect(quantityOrNull('-1')).toBeNull();
	});
});
