import { describe, expect, it } from 'vitest';
import {
	ERROR_CODES,
	DuplicateCodeError,
	InsufficientStockError,
	InvalidFieldError
} from '../domain/errors';
import {
	LOCALES,
	MESSAGES,
	formatMonth,
	translate,
	translateError,
	translateThrown
} from './translate';

describe('i18n messages', () => {
	const reference = Object.keys(MESSAGES['zh-TW']).sort();

	it('English counts agree in number: 1 line, 2 lines (issue 14, point 13)', () => {
		expect(translate('en', 'orders.lineCount', { count: 1 })).toBe('1 line');
		expect(translate('en', 'orders.lineCount', { count: 2 })).toBe('2 lines');
		expect(translate('en', 'orders.lineCount', { count: 1200 })).toBe('1,200 lines');
		expect(translate('zh-TW', 'orders.lineCount', { count: 1 })).toBe('1 項');
	});

	it.each(LOCALES)('%s has exactly the zh-TW keys, none empty', (l) => {
		expect(Object.keys(MESSAGES[l]).sort()).toEqual(reference);
		for (const value of Object.values(MESSAGES[l])) expect(value.trim()).not.toBe('');
	});

	it.each(LOCALES)('%s uses the same placeholders as zh-TW for every key', (l) => {
		// `{count}` and a plural form's `{count, plural, …}` both name the parameter count.
		const names = (s: string) =>
			[...s.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]).sort();
		for (const key of reference) {
			const k = key as keyof (typeof MESSAGES)['zh-TW'];
			expect(names(MESSAGES[l][k]), `${l} ${key}`).toEqual(names(MESSAGES['zh-TW'][k]));
		}
	});

	it.each(LOCALES)('%s has a message for every error code', (l) => {
		for (const code of ERROR_CODES) {
			const text = translateError(l, code, {});
			expect(text).not.toContain(`error.${code}`);
			expect(text.length).toBeGreaterThan(3);
		}
	});

	it('fills params and formats numbers per locale', () => {
		expect(translate('en', 'conn.pending', { count: 1200 })).toBe('1,200 not synced');
		expect(translateThrown('zh-TW', new DuplicateCodeError('duplicate-sku-code', 'A-100'))).toBe(
			'料號 A-100 已被使用'
		);
		expect(translateThrown('en', new InsufficientStockError('i1', 3, 5))).toBe(
			'Not enough stock: 3 available, 5 requested'
		);
	});

	it('translates field names inside invalid-field errors', () => {
		expect(
			translateThrown('zh-TW', new InvalidFieldError('safetyStock', 'must be >= 0'))
		).toContain('安全庫存');
	});

	it('names ledger months per locale, whatever the time zone', () => {
		expect(formatMonth('zh-TW', '2026-10')).toBe('2026年10月');
		expect(formatMonth('zh-CN', '2026-01')).toBe('2026年1月');
		expect(formatMonth('en', '2026-12')).toBe('December 2026');
	});

	it('reports unexpected errors without losing their message', () => {
		expect(translateThrown('en', new Error('boom'))).toBe('Something went wrong: boom');
	});
});
