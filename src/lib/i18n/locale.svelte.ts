// The UI's current locale (a rune, persisted) and the helpers pages call: t, errorMessage,
// number/money/date formatting. Reading `locale.current` inside them makes templates re-render
// when the language changes.
import { stampWallMs } from '../domain/clock/hlc';
import type { MessageKey } from './messages/zh-TW';
import {
	DEFAULT_LOCALE,
	formatDateTime,
	formatMonth,
	formatMoney,
	formatMoneyWhole,
	formatCurrency,
	formatNumber,
	isLocale,
	translate,
	translateThrown,
	type Locale,
	type Params
} from './translate';

const STORAGE_KEY = 'stockflow.locale';

function initialLocale(): Locale {
	try {
		const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
		if (isLocale(saved)) return saved;
	} catch {
		// Storage can be blocked (private mode); the default locale is fine then.
	}
	return DEFAULT_LOCALE;
}

export const locale = $state<{ current: Locale }>({ current: initialLocale() });

export function setLocale(next: Locale): void {
	locale.current = next;
	try {
		globalThis.localStorage?.setItem(STORAGE_KEY, next);
	} catch {
		// Not persisted; the choice still applies to this tab.
	}
	if (typeof document !== 'undefined') document.documentElement.lang = htmlLang(next);
}

export function htmlLang(l: Locale): string {
	switch (l) {
		case 'zh-TW':
			return 'zh-Hant-TW';
		case 'zh-CN':
			return 'zh-Hans-CN';
		case 'en':
			return 'en';
	}
}

export function t(key: MessageKey, params?: Params): string {
	return translate(locale.current, key, params);
}

/** A translated message for any thrown value (StockflowErrors by code). */
export function errorMessage(err: unknown, extra?: Params): string {
	return translateThrown(locale.current, err, extra);
}

export function fmtNumber(value: number): string {
	return formatNumber(locale.current, value);
}

export function fmtMoney(cents: number): string {
	return formatMoney(locale.current, cents);
}

export function fmtMoneyWhole(cents: number): string {
	return formatMoneyWhole(locale.current, cents);
}

/** Money with the currency (NT$): order amounts, sales KPIs. */
export function fmtCurrency(cents: number): string {
	return formatCurrency(locale.current, cents);
}

/** Whole NT$, for KPI tiles. */
export function fmtCurrencyWhole(cents: number): string {
	return formatCurrency(locale.current, cents, true);
}

export function fmtDateTime(ms: number): string {
	return formatDateTime(locale.current, ms);
}

/** A ledger month ('YYYY-MM'), e.g. 2026年10月. */
export function fmtMonth(month: string): string {
	return formatMonth(locale.current, month);
}

export function fmtStamp(stamp: string): string {
	return formatDateTime(locale.current, stampWallMs(stamp));
}
