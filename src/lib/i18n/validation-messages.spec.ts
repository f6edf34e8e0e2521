// Issue 14, point 8: every schema error reads in the user's language and names the field as
// the form labels it — never zod's English, never a field key.
import { describe, expect, it } from 'vitest';
import { itemSchema, warehouseSchema } from '../domain/catalog/entities';
import { InvalidFieldError, StockflowError } from '../domain/errors';
import { parseOrThrow } from '../domain/parse';
import { translate, translateThrown, type Locale } from './translate';

function thrown(fn: () => unknown): StockflowError {
	try {
		fn();
	} catch (e) {
		if (e instanceof StockflowError) return e;
		throw e;
	}
	throw new Error('nothing thrown');
}

const goodItem = { id: 'i1', code: 'A-1', name: '紅茶', unit: '箱' };
const badItems: [string, Record<string, unknown>][] = [
	['name', { name: 'x'.repeat(201) }],
	['name', { name: '' }],
	['code', { code: 'a b' }],
	['code', { code: 'x'.repeat(100) }],
	['unit', { unit: '' }],
	['safetyStock', { safetyStock: -1 }],
	['safetyStock', { safetyStock: 'many' }],
	['shelfLifeDays', { shelfLifeDays: 1.5 }],
	['barcode', { barcode: 'x'.repeat(65) }],
	['pickPolicy', { pickPolicy: 'lifo' }]
];

describe('validation messages', () => {
	it.each(badItems)(
		'item %s: Chinese only, labelled as the item form labels it',
		(field, patch) => {
			const err = thrown(() => parseOrThrow(itemSchema, { ...goodItem, ...patch }, 'item'));
			expect(err.params.field).toBe(field);
			const text = translateThrown('zh-TW', err);
			expect(text, text).not.toMatch(/[A-Za-z]/);
			const itemLabel = `item.${field}` as const;
			const label =
				itemLabel === 'item.name'
					? '品名'
					: itemLabel === 'item.code'
						? '料號'
						: translate('zh-TW', 'item.unit');
			if (field === 'name' || field === 'code' || field === 'unit') expect(text).toContain(label);
		}
	);

	it('the name too long: 品名, with the limit, in each language', () => {
		const err = thrown(() =>
			parseOrThrow(itemSchema, { ...goodItem, name: 'x'.repeat(201) }, 'item')
		);
		const texts = (['zh-TW', 'zh-CN', 'en'] as Locale[]).map((l) => translateThrown(l, err));
		expect(texts[0]).toBe('品名 欄位不正確：最多 200 個字');
		for (const t of texts) expect(t).not.toMatch(/Too big|expected|<=/);
		// A warehouse's name is labelled as the warehouse form labels it (倉庫名稱).
		const wh = thrown(() =>
			parseOrThrow(warehouseSchema, { id: 'w', code: 'W', name: '' }, 'warehouse')
		);
		expect(translateThrown('zh-TW', wh)).toBe(
			`${translate('zh-TW', 'warehouse.name')} 欄位不正確：必填`
		);
	});

	it('reasons commands give in English are translated, unknown ones read as "invalid"', () => {
		expect(translateThrown('zh-TW', new InvalidFieldError('token', 'malformed'))).toBe(
			'登入連結 欄位不正確：格式不正確'
		);
		const odd = translateThrown('zh-TW', new InvalidFieldError('someKey', 'weird english'));
		expect(odd).not.toMatch(/[A-Za-z]/);
	});
});
