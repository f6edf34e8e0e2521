// Money as integer minor units. Parsing goes through the digits of the text, never through
// a float multiply, so `0.29` is 29 cents and not 28.999999999999996.

const MONEY = /^(\d+)(?:\.(\d{0,2}))?$/;

/**
 * `12.50` → 1250, `12.5` → 1250, `12` → 1200, `1,234.56` → 123456, `NT$ 99` → 9900.
 * Returns null for negative numbers, more than two decimals or anything that is not a number.
 */
export function parseMoneyToCents(text: string): number | null {
	const cleaned = text
		.trim()
		.replace(/^NT\$|^\$|^NTD/i, '')
		.trim()
		.replace(/,(?=\d{3}(\D|$))/g, '');
	const m = MONEY.exec(cleaned);
	if (!m) return null;
	const whole = m[1] ?? '0';
	const fraction = (m[2] ?? '').padEnd(2, '0');
	const cents = Number(whole) * 100 + Number(fraction);
	return Number.isSafeInteger(cents) ? cents : null;
}

/** 1250 → `12.50` (no currency symbol; the UI adds one per locale). */
export function formatCents(cents: number): string {
	const sign = cents < 0 ? '-' : '';
	const abs = Math.abs(Math.trunc(cents));
	return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
