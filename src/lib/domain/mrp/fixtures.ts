// Small builders for MRP problems in specs and the benchmark: items default to lot-for-lot with
// no safety stock, BOM lines to no scrap.

import type { LotSizing, MrpBomLine, MrpItem, MrpProblem } from './types';

export function mrpItem(
	id: string,
	onHand: number,
	leadTime: number,
	options: { safetyStock?: number; lotSizing?: LotSizing } = {}
): MrpItem {
	return {
		id,
		onHand,
		leadTime,
		safetyStock: options.safetyStock ?? 0,
		lotSizing: options.lotSizing ?? { rule: 'lot-for-lot' }
	};
}

export function bomLine(parent: string, child: string, qtyPer: number, scrapPct = 0): MrpBomLine {
	return { parent, child, qtyPer, scrapPct };
}

export function mrpProblem(
	problem: Partial<MrpProblem> & Pick<MrpProblem, 'buckets' | 'items'>
): MrpProblem {
	return { bom: [], demand: [], scheduledReceipts: [], ...problem };
}

/** A per-bucket row from the textbook's sparse notation: { 3: 400, 7: 600 } over `buckets`. */
export function row(buckets: number, entries: Record<number, number> = {}): number[] {
	const values = new Array<number>(buckets).fill(0);
	for (const [bucket, qty] of Object.entries(entries)) values[Number(bucket) - 1] = qty;
	return values;
}
