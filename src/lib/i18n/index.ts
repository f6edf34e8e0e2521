// i18n entry point: zh-TW (default), zh-CN, en.
export {
	locale,
	setLocale,
	t,
	errorMessage,
	fmtNumber,
	fmtMoney,
	fmtMoneyWhole,
	fmtCurrency,
	fmtCurrencyWhole,
	fmtDateTime,
	fmtMonth,
	fmtStamp,
	htmlLang
} from './locale.svelte';
export {
	LOCALES,
	LOCALE_LABELS,
	DEFAULT_LOCALE,
	isLocale,
	translate,
	translateError,
	translateThrown,
	fieldLabel,
	type Locale,
	type Params
} from './translate';
export type { MessageKey, Messages } from './messages/zh-TW';
