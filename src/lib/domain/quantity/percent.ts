// Percentages typed by people (a line's discount, a tax rate): 0 to 100 with at most two
// decimals, read through the one quantity parser so "5", " 5 " and "5.0" agree everywhere.

import { quantityOrNull } from './quantity';

const PERCENT_DECIMALS = 2;
const MAX_PERCENT = 100;

/** `"5"` → 5, `"12.5"` → 12.5; null for anything below 0, above 100 or not a number. */
export function percentOrNull(text: string): number | null {
	const pct = quantityOrNull(text, { decimals: PERCENT_DECIMALS });
	return pct !== null && pct <= MAX_PERCENT ? pct : null;
}
