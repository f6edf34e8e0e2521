// How a ranked offer's scores read in the quote comparison and the RFQ comparison: rates as
// whole percentages, the weighted score to one decimal. One wording for both tables.

import { fmtNumber } from '../../i18n';

/** 0.926 → "93 %". */
export function ratePct(rate: number): string {
	return `${fmtNumber(Math.round(rate * 100))} %`;
}

/** 0.8765 → "87.7" (the score out of 100). */
export function scoreText(score: number): string {
	return fmtNumber(Math.round(score * 1000) / 10);
}
