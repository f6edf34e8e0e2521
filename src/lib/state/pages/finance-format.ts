// Number formats the finance pages share: money from cents, ratios as percentages, turns and
// days, a dash for "no data"; month labels for charts.

import { fmtMoney, fmtNumber, t } from '../../i18n';

export const DASH = '—';

export function pct(r: number | null, digits = 1): string {
	if (r === null) return DASH;
	// A tiny negative (a saving of -0.004 %) rounds to zero, shown as 0.0, never "-0.0".
	const rounded = Number((r * 100).toFixed(digits));
	return `${(rounded === 0 ? 0 : rounded).toFixed(digits)} %`;
}

export function money(cents: number): string {
	return fmtMoney(cents);
}

export function turns(v: number | null): string {
	return v === null ? DASH : t('finance.kpi.turns', { value: v.toFixed(2) });
}

export function days(v: number | null): string {
	return v === null ? DASH : t('finance.kpi.daysValue', { value: fmtNumber(Math.round(v)) });
}

/** A chart axis label for a month: short, so twelve fit without turning ('26/01'). */
export function monthLabel(month: string): string {
	return `${month.slice(2, 4)}/${month.slice(5, 7)}`;
}
