import { describe, expect, it } from 'vitest';
import { itemSchema, type Item, type ItemInput } from '../domain/catalog/entities';
import { searchTokens } from './item-search';

function item(fields: Partial<ItemInput>): Item {
	return itemSchema.parse({ id: 'i1', code: 'X1', name: 'x', unit: 'pcs', ...fields });
}

/** The tokens as first written (code points throughout): stored rows must keep matching. */
function referenceTokens(it: Item): string[] {
	const words = (text: string) =>
		text
			.toLowerCase()
			.split(/[\s,;/|()[\]{}]+/u)
			.filter((w) => w.length > 0);
	const tokens = new Set<string>();
	for (const word of [
		...words(it.code),
		...words(it.name),
		...words(it.barcode),
		...words(it.category)
	]) {
		const chars = [...word];
		const starts = /[\u3400-\u9fff]/u.test(word) ? chars.map((_, i) => i) : [0];
		for (const start of starts)
			for (let len = 1; len <= Math.min(12, chars.length - start); len++)
				tokens.add(chars.slice(start, start + len).join(''));
	}
	return [...tokens];
}

describe('item search tokens', () => {
	it.each([
		{ code: 'SKU-00042', name: 'Hex bolt M6 x 20', category: 'hardware' },
		{ code: 'FAS-M6', name: '不鏽鋼螺絲 M3', barcode: '4710000000012', category: '五金' },
		{ code: 'X1', name: 'Café crème 🍰 box', category: 'Food/Drink' },
		{ code: 'averyveryverylongproductcode', name: 'a', category: '' }
	])('match the stored format for $code', (fields) => {
		const it = item(fields);
		expect(searchTokens(it)).toEqual(referenceTokens(it));
	});

	it('find a CJK name by any inner word and a code by its prefix', () => {
		const tokens = searchTokens(item({ code: 'FAS-M6', name: '不鏽鋼螺絲' }));
		expect(tokens).toContain('螺絲');
		expect(tokens).toContain('fas-');
	});
});
