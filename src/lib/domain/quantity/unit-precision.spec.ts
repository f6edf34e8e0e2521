import { describe, expect, it } from 'vitest';
import { StockflowError } from '../errors';
import { parseQuantity } from './quantity';
import { checkUnitPrecision, fitsDecimals, unitDecimals } from './unit-precision';

describe('unit precision', () => {
	it.each([
		['pieces', 0],
		['Boxes', 0],
		['個', 0],
		['箱', 0],
		['盒', 0],
		['包', 0],
		['kg', 3],
		['公斤', 3],
		['m', 3],
		['unknown-unit', 6]
	])('%s takes %d decimals', (unit, decimals) => expect(unitDecimals(unit)).toBe(decimals));

	it('the parser and the command refuse the same quantities', () => {
		for (const [unit, text, ok] of [
			['盒', '2.5', false],
			['盒', '2.0', true],
			['盒', '3', true],
			['kg', '2.5', true],
			['kg', '0.125', true],
			['kg', '0.1255', false]
		] as const) {
			const parsed = parseQuantity(text, { decimals: unitDecimals(unit) });
			expect(parsed.ok, `${text} ${unit}`).toBe(ok);
			const qty = Number(text);
			let code = 'ok';
			try {
				checkUnitPrecision(unit, qty);
			} catch (e) {
				code = e instanceof StockflowError ? e.code : 'thrown';
			}
			expect(code, `${text} ${unit}`).toBe(ok ? 'ok' : 'fractional-quantity');
		}
	});

	it('tolerates float noise from sums', () => {
		expect(fitsDecimals(0.1 + 0.2, 1)).toBe(true);
		expect(fitsDecimals(44.5, 0)).toBe(false);
	});
});
