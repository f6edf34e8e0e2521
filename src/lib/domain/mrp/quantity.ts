// Quantity arithmetic for planning: decimals to 6 places, so 0.1 + 0.2 nets to 0.3 and a
// requirement of 143.00000000000003 does not order a 144th unit.

const SCALE = 1e6;

export function roundQty(qty: number): number {
	return Math.round(qty * SCALE) / SCALE;
}

/** Smallest whole number of `unit`s holding `qty`, tolerant of float noise in the division. */
export function unitsToCover(qty: number, unit: number): number {
	return Math.ceil(roundQty(qty / unit));
}
