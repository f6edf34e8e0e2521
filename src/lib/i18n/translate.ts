// Pure message lookup and formatting: no runes, so Node tests and the CLI can use it.
import { ERROR_CODES, StockflowError, type ErrorCode } from '../domain/errors';
import { en } from './messages/en';
import { zhCN } from './messages/zh-CN';
import { zhTW, type MessageKey, type Messages } from './messages/zh-TW';

export const LOCALES = ['zh-TW', 'zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-TW';

export const LOCALE_LABELS: Record<Locale, string> = {
	'zh-TW': '繁體中文',
	'zh-CN': '简体中文',
	en: 'English'
};

export const MESSAGES: Record<Locale, Messages> = { 'zh-TW': zhTW, 'zh-CN': zhCN, en };

export type Params = Record<string, string | number>;

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function isMessageKey(value: string): value is MessageKey {
	return Object.hasOwn(zhTW, value);
}

/** `{count, plural, one {# line} other {# lines}}`: a branch chosen by the locale's rules. */
const PLURAL = /\{(\w+), plural, one \{([^{}]*)\} other \{([^{}]*)\}\}/g;

function choosePlural(locale: Locale, template: string, params: Params): string {
	return template.replace(PLURAL, (_whole, name: string, one: string, other: string) => {
		const value = params[name];
		const branch =
			typeof value === 'number' && new Intl.PluralRules(locale).select(value) === 'one'
				? one
				: other;
		return branch.replaceAll('#', `{${name}}`);
	});
}

/**
 * `{name}` placeholders are replaced by params; numbers are formatted for the locale. English
 * counts use a plural form (`{count, plural, one {…} other {…}}`), so "1 line", never "1 lines".
 */
export function translate(locale: Locale, key: MessageKey, params: Params = {}): string {
	const template = choosePlural(locale, MESSAGES[locale][key], params);
	return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
		const value = params[name];
		if (value === undefined) return whole;
		return typeof value === 'number' ? formatNumber(locale, value) : value;
	});
}

/** Every error code has a message; the template literal type makes a missing one a compile error. */
export function errorKey(code: ErrorCode): MessageKey {
	return `error.${code}`;
}

/**
 * The field as its form labels it: `item.name` (品名) when the entity is known, else the
 * generic `field.name`; a field with no label is "this field", never its key.
 */
export function fieldLabel(locale: Locale, field: string, entity?: string): string {
	const leaf = field.split('.').at(-1) ?? field;
	for (const key of [entity ? `${entity}.${leaf}` : '', `field.${leaf}`])
		if (key && isMessageKey(key)) return translate(locale, key);
	return translate(locale, 'field.unnamed');
}

/** Reasons commands give in English, by the rule they mean (the rest read as "invalid"). */
const REASON_RULES: Record<string, string> = {
	required: 'required',
	malformed: 'format',
	expired: 'expired',
	'missing claims': 'format',
	'same as the source': 'same-place',
	'must be a non-zero number': 'non-zero',
	'must be >= 0': 'too-small'
};

/** The broken rule in the user's language: never zod's or a command's English. */
function ruleText(locale: Locale, params: Params): string {
	const rule =
		typeof params.rule === 'string'
			? params.rule
			: (REASON_RULES[String(params.reason ?? '')] ?? 'invalid');
	const key = `rule.${rule}`;
	return translate(locale, isMessageKey(key) ? key : 'rule.invalid', {
		limit: params.limit ?? 0
	});
}

export function translateError(
	locale: Locale,
	code: ErrorCode,
	params: Params = {},
	extra: Params = {}
): string {
	const merged: Params = { ...params, ...extra };
	if (code === 'invalid-field') merged.reason = ruleText(locale, merged);
	if (typeof merged.field === 'string')
		merged.field = fieldLabel(
			locale,
			merged.field,
			typeof merged.entity === 'string' ? merged.entity : undefined
		);
	return translate(locale, errorKey(code), merged);
}

export function isErrorCode(value: unknown): value is ErrorCode {
	return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Translate anything thrown: StockflowErrors by code, anything else as an unexpected error. */
export function translateThrown(locale: Locale, err: unknown, extra: Params = {}): string {
	if (err instanceof StockflowError) return translateError(locale, err.code, err.params, extra);
	const message = err instanceof Error ? err.message : String(err);
	return translate(locale, 'error.unexpected', { message });
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
	const cacheKey = `${locale}|${JSON.stringify(options)}`;
	let fmt = numberFormats.get(cacheKey);
	if (!fmt) {
		fmt = new Intl.NumberFormat(locale, options);
		numberFormats.set(cacheKey, fmt);
	}
	return fmt;
}

export function formatNumber(locale: Locale, value: number): string {
	return numberFormat(locale, { maximumFractionDigits: 3 }).format(value);
}

/** Money in integer minor units (cents), shown with two decimals. */
export function formatMoney(locale: Locale, cents: number): string {
	return numberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
		cents / 100
	);
}

/** Whole currency units, for KPI tiles where cents are noise. */
export function formatMoneyWhole(locale: Locale, cents: number): string {
	return numberFormat(locale, { maximumFractionDigits: 0 }).format(Math.round(cents / 100));
}

/**
 * Money with its currency, NT$ in every locale: Intl's zh-TW symbol for TWD is a bare `$`,
 * which reads as US dollars to anyone else, so the currency part is always written `NT$`.
 * `whole` drops the cents (KPI tiles).
 */
export function formatCurrency(locale: Locale, cents: number, whole = false): string {
	const fmt = numberFormat(locale, {
		style: 'currency',
		currency: 'TWD',
		currencyDisplay: 'narrowSymbol',
		minimumFractionDigits: whole ? 0 : 2,
		maximumFractionDigits: whole ? 0 : 2
	});
	return fmt
		.formatToParts(whole ? Math.round(cents / 100) : cents / 100)
		.map((p) => (p.type === 'currency' ? 'NT$' : p.value))
		.join('');
}

export function formatDateTime(locale: Locale, ms: number): string {
	return new Intl.DateTimeFormat(locale, {
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		hour12: false
	}).format(ms);
}

/** A ledger month ('2026-10') as the locale names it: 2026年10月, October 2026. */
export function formatMonth(locale: Locale, month: string): string {
	const [year, mo] = month.split('-').map(Number);
	if (!year || !mo) return month;
	return new Intl.DateTimeFormat(locale, {
		year: 'numeric',
		month: 'long',
		timeZone: 'UTC'
	}).format(Date.UTC(year, mo - 1, 1));
}

export function formatTime(locale: Locale, ms: number): string {
	return new Intl.DateTimeFormat(locale, {
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
		hour12: false
	}).format(ms);
}
