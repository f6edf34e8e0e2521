// Fixed-point arithmetic for valuation: quantities and money as integer micro-units (1e-6), so
// sums are exact and a full run and an incremental one agree to the last digit. Products and
// quotients round once, half away from zero, at the micro-unit.

/** Micro-units per unit: quantities and currency amounts both carry six decimals. */
export const MICRO = 1_000_000;
export const MAX_DECIMALS = 6;

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/**
 * `"2.5"` → 2_500_000, `0.1` → 100_000, `-3` → -3_000_000. Numbers are read through their
 * shortest decimal text, never multiplied as floats. Null for more than six decimals, exponent
 * notation, or magnitudes past a safe integer of micro-units.
 */
export function toMicro(value: number | string): number | null {
	const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
	const m = DECIMAL.exec(text.trim());
	if (!m) return null;
	const [, sign, whole = '0', fraction = ''] = m;
	const digits = fraction.replace(/0+$/, '');
	if (digits.length > MAX_DECIMALS) return null;
	const micro = Number(whole) * MICRO + Number(digits.padEnd(MAX_DECIMALS, '0'));
	if (!Number.isSafeInteger(micro)) return null;
	return sign === '-' && micro !== 0 ? -micro : micro;
}

/** `a × b / c` rounded half away from zero; integers in, integer out; `c` must not be 0. */
export function mulDiv(a: number, b: number, c: number): number {
	const p = a * b;
	if (Number.isSafeInteger(p) && Number.isSafeInteger(c)) {
		let q: number;
		let r: number;
		if (p < TWO52 && p > -TWO52 && c < TWO52 && c > -TWO52) {
			// The float quotient truncates to the exact one: it could only round up onto the next
			// integer k if 1 / |c| < k · 2^-53, i.e. |p| + |c| ≥ 2^53. So q and q × c are exact
			// without a float `%` (a call into C, where this stays in registers).
			q = Math.trunc(p / c);
			r = p - q * c;
		} else {
			r = p % c; // exact for safe integers
			q = (p - r) / c;
		}
		if (2 * Math.abs(r) >= Math.abs(c)) return q + (p < 0 !== c < 0 ? -1 : 1);
		return q === 0 ? 0 : q; // no -0
	}
	return mulDivWide(a, b, c);
}

const TWO26 = 67_108_864;
const TWO51 = 2_251_799_813_685_248;
const TWO52 = 4_503_599_627_370_496;

/** `x × y mod 2^52` for non-negative safe integers, exactly, in float arithmetic. */
function low52(x: number, y: number): number {
	const x1 = Math.floor(x / TWO26);
	const x0 = x - x1 * TWO26;
	const y1 = Math.floor(y / TWO26);
	const y0 = y - y1 * TWO26;
	const mid = mod(mod(x1 * y0, TWO26) + mod(x0 * y1, TWO26), TWO26);
	return mod(mid * TWO26 + x0 * y0, TWO52);
}

/**
 * `v mod m` for a non-negative integer `v` < 2^53 and a power of two `m`: the division and the
 * product are exact, and unlike a float `%` (a call into C) this stays in registers.
 */
function mod(v: number, m: number): number {
	return v - Math.floor(v / m) * m;
}

/**
 * A product past 2^53 without BigInt: a float estimate of the quotient, then the exact remainder
 * `a·b − q·c` from both products' low 52 bits (it is small, so its low bits are all of it).
 * Falls back to BigInt when the divisor or the quotient is too large for that.
 */
function mulDivWide(a: number, b: number, c: number): number {
	const A = Math.abs(a);
	const B = Math.abs(b);
	const C = Math.abs(c);
	let q = Math.floor((A * B) / C);
	if (!(q < TWO51) || C > 2 ** 48 || !Number.isSafeInteger(A) || !Number.isSafeInteger(B))
		return mulDivBig(a, b, c);
	// Both terms are in [0, 2^52), so their difference is already reduced.
	let d = low52(A, B) - low52(q, C);
	if (d >= TWO51) d -= TWO52;
	else if (d < -TWO51) d += TWO52;
	while (d < 0) {
		q--;
		d += C;
	}
	while (d >= C) {
		q++;
		d -= C;
	}
	if (2 * d >= C) q++;
	if (q === 0) return 0;
	return (a < 0 !== b < 0) !== c < 0 ? -q : q;
}

function mulDivBig(a: number, b: number, c: number): number {
	const p = BigInt(a) * BigInt(b);
	const d = BigInt(c);
	let q = p / d; // truncates toward zero
	const r = p - q * d;
	const absR = r < 0n ? -r : r;
	const absD = d < 0n ? -d : d;
	if (2n * absR >= absD) q += p < 0n !== d < 0n ? -1n : 1n;
	const n = Number(q);
	if (!Number.isSafeInteger(n)) throw new RangeError(`valuation amount out of range: ${q}`);
	return n === 0 ? 0 : n;
}

/**
 * A micro-unit amount as decimal text with `decimals` places (0–6), rounded half away from
 * zero: `formatMicro(1_505_000, 2)` → `"1.51"`. Trailing zeros are kept; callers trim.
 */
export function formatMicro(micro: number, decimals: number = MAX_DECIMALS): string {
	const scaled = mulDiv(micro, 1, 10 ** (MAX_DECIMALS - decimals));
	return formatScaled(scaled, decimals);
}

/** `numerator / denominator` (both micro-units) as a decimal with `decimals` places. */
export function formatRatio(numerator: number, denominator: number, decimals: number): string {
	if (denominator === 0) return formatScaled(0, decimals);
	return formatScaled(mulDiv(numerator, 10 ** decimals, denominator), decimals);
}

function formatScaled(scaled: number, decimals: number): string {
	const sign = scaled < 0 ? '-' : '';
	const digits = String(Math.abs(scaled)).padStart(decimals + 1, '0');
	if (decimals === 0) return sign + digits;
	return `${sign}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

/** Decimal text → a JSON-ready number (`"1.50"` → 1.5, `"-0.00"` → 0). */
export function decimalNumber(text: string): number {
	const n = Number(text);
	return n === 0 ? 0 : n;
}
