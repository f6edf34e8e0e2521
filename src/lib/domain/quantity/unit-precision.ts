// How finely a unit can be counted: pieces, boxes and packs are whole (2.5 boxes is a typo,
// not stock), weights and lengths take decimals. One table, read by every quantity input
// (QtyInput's `decimals`) and by the commands, so a form and a command refuse the same thing.

import { FractionalQuantityError } from '../errors';

const WHOLE = 0;
const MEASURED = 3;
/** Unknown units keep the parser's default (up to 6 decimals): nothing existing breaks. */
export const DEFAULT_DECIMALS = 6;

/** Decimal places per unit name (compared trimmed and case-insensitively). */
export const UNIT_DECIMALS: Readonly<Record<string, number>> = {
	// counted
	pc: WHOLE,
	pcs: WHOLE,
	piece: WHOLE,
	pieces: WHOLE,
	ea: WHOLE,
	each: WHOLE,
	box: WHOLE,
	boxes: WHOLE,
	pack: WHOLE,
	packs: WHOLE,
	bag: WHOLE,
	bottle: WHOLE,
	set: WHOLE,
	個: WHOLE,
	箱: WHOLE,
	盒: WHOLE,
	包: WHOLE,
	件: WHOLE,
	支: WHOLE,
	瓶: WHOLE,
	罐: WHOLE,
	袋: WHOLE,
	台: WHOLE,
	組: WHOLE,
	张: WHOLE,
	張: WHOLE,
	片: WHOLE,
	本: WHOLE,
	卷: WHOLE,
	捲: WHOLE,
	顆: WHOLE,
	颗: WHOLE,
	个: WHOLE,
	组: WHOLE,
	// measured
	kg: MEASURED,
	g: MEASURED,
	公斤: MEASURED,
	克: MEASURED,
	m: MEASURED,
	cm: MEASURED,
	公尺: MEASURED,
	米: MEASURED,
	l: MEASURED,
	ml: MEASURED,
	公升: MEASURED,
	升: MEASURED
};

/** Decimal places a quantity in `unit` may have. */
export function unitDecimals(unit: string): number {
	return UNIT_DECIMALS[unit.trim().toLowerCase()] ?? DEFAULT_DECIMALS;
}

/** True when `qty` has no more decimal places than `decimals` (float noise tolerated). */
export function fitsDecimals(qty: number, decimals: number): boolean {
	const scaled = Math.abs(qty) * 10 ** decimals;
	return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

/** Commands: a fractional quantity of a whole unit (2.5 boxes) is refused. */
export function checkUnitPrecision(unit: string, qty: number): void {
	const decimals = unitDecimals(unit);
	if (!fitsDecimals(qty, decimals)) throw new FractionalQuantityError(unit, qty, decimals);
}
