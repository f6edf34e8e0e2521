// Pegging: which requirement each planned order covers. Supply is used first come first served —
// on hand, then scheduled receipts in bucket order, then planned receipts in bucket order —
// against the safety stock first and then the gross requirement elements in bucket order.
// This is the order netting.ts uses supply in, so every planned order is pegged to the
// requirements that made it necessary; what a lot rounds up beyond them stays unpegged.

import { roundQty } from './quantity';
import type { Peg, PegSource } from './types';

export interface RequirementElement {
	bucket: number;
	qty: number;
	source: PegSource;
}

const SAFETY_STOCK: PegSource = { kind: 'safety-stock' };

/** Elements in bucket order, keeping their relative order within a bucket (counting sort). */
export function byBucket(
	elements: readonly RequirementElement[],
	buckets: number
): RequirementElement[] {
	const start = new Int32Array(buckets + 2);
	for (const e of elements) start[e.bucket + 1]! += 1;
	for (let b = 1; b <= buckets + 1; b++) start[b]! += start[b - 1]!;
	const sorted = new Array<RequirementElement>(elements.length);
	for (const e of elements) sorted[start[e.bucket]!++] = e;
	return sorted;
}

/**
 * One Peg[] per planned order quantity in `orderQtys` (in receipt-bucket order). `elements` must
 * be in bucket order; `existingSupply` is on hand plus every scheduled receipt.
 */
export function pegOrders(
	existingSupply: number,
	safetyStock: number,
	elements: readonly RequirementElement[],
	orderQtys: readonly number[]
): Peg[][] {
	const demand: RequirementElement[] =
		safetyStock > 0
			? [{ bucket: 0, qty: safetyStock, source: SAFETY_STOCK }, ...elements]
			: [...elements];
	let d = 0;
	let left = demand[0]?.qty ?? 0;
	const consume = (amount: number, into: Peg[] | null): void => {
		let rest = amount;
		while (rest > 0 && d < demand.length) {
			const take = Math.min(rest, left);
			if (take > 0 && into) into.push({ source: demand[d]!.source, qty: take });
			rest = roundQty(rest - take);
			left = roundQty(left - take);
			if (left <= 0) {
				d++;
				left = demand[d]?.qty ?? 0;
			}
		}
	};
	consume(existingSupply, null);
	return orderQtys.map((qty) => {
		const pegs: Peg[] = [];
		consume(qty, pegs);
		return pegs;
	});
}
