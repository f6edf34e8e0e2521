// Quantities typed by people: one parser for every quantity input, so "1,200", " 3 " and
// "2.5" mean the same on every page and a unit's precision is enforced in one place.

export type QuantityOptions = {
	/** Adjustments and count corrections may go below zero; receipts and orders may not. */
	allowNegative?: boolean;
	/** Decimal places the unit allows (pieces and boxes 0, kg 3); unset allows up to 6. */
	decimals?: number;
};

export type QuantityParse =
	| { ok: true; qty: number }
	| { ok: false; reason: 'empty' | 'not-a-number' | 'negative' | 'too-precise' };

const NUMBER = /^([+-]?)(\d+)(?:\.(\d*))?$/;
const MAX_DECIMALS = 6;

/**
 * `"1,200"` → 1200, `"2.5"` → 2.5, `"-3"` → -3 when negatives are allowed.
 * Thousands separators are accepted only in groups of three, so `"1,2"` is not a number.
 */
export function parseQuantity(text: string, options: QuantityOptions = {}): QuantityParse {
	const trimmed = text.trim();
	if (trimmed === '') return { ok: false, reason: 'empty' };
	if (/,/.test(trimmed) && !/^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(trimmed))
		return { ok: false, reason: 'not-a-number' };
	const m = NUMBER.exec(trimmed.replace(/,/g, ''));
	if (!m) return { ok: false, reason: 'not-a-number' };
	const [, sign, whole, fraction = ''] = m;
	const qty = Number(`${sign}${whole}.${fraction || '0'}`);
	if (!Number.isFinite(qty)) return { ok: false, reason: 'not-a-number' };
	if (qty < 0 && !options.allowNegative) return { ok: false, reason: 'negative' };
	const decimals = options.decimals ?? MAX_DECIMALS;
	if (fraction.replace(/0+$/, '').length > decimals) return { ok: false, reason: 'too-precise' };
	return { ok: true, qty: qty === 0 ? 0 : qty };
}

/** The parsed quantity, or null for anything that is not one (empty included). */
export function quantityOrNull(text: string, options: QuantityOptions = {}): number | null {
	const r = parseQuantity(text, options);
	return r.ok ? r.qty : null;
}
