// Pegging: which requirement each planned order covers. Supply is used first come first served —
// on hand, then scheduled receipts in bucket order, then planned receipts in bucket order —
// against the safety stock first and then the gross requirement elements in bucket order.
// This is the order netting.ts uses supply in, so every planned order is pegged to the
// requirements that made it necessary; what a lot rounds up beyond them stays unpegged.

import { roundQty } from './quantity';
import type { Peg, PegSource } from './types';

/**
 * The elements of one item's gross requirements as parallel arrays (element k is bucket[k],
 * qty[k], source[k]): a run appends hundreds of thousands, and numbers in arrays cost no garbage.
 */
export interface Requirements {
	bucket: number[];
	qty: number[];
	source: PegSource[];
}

export function emptyRequirements(): Requirements {
	return { bucket: [], qty: [], source: [] };
}

const SAFETY_STOCK: PegSource = { kind: 'safety-stock' };

/**
 * Element indexes in bucket order, keeping their relative order within a bucket (counting sort);
 * null when the elements already are in bucket order.
 */
export function bucketOrder(requirements: Requirements, buckets: number): Int32Array | null {
	const { bucket } = requirements;
	let sorted = true;
	for (let k = 1; k < bucket.length && sorted; k++) sorted = bucket[k - 1]! <= bucket[k]!;
	if (sorted) return null;
	const start = new Int32Array(buckets + 2);
	for (const b of bucket) start[b + 1]! += 1;
	for (let b = 1; b <= buckets + 1; b++) start[b]! += start[b - 1]!;
	const order = new Int32Array(bucket.length);
	bucket.forEach((b, k) => {
		order[start[b]!++] = k;
	});
	return order;
}

/**
 * One Peg[] per planned order quantity in `orderQtys` (in receipt-bucket order), walking the
 * requirement elements in `order` (or as they are when it is null). `existingSupply` is on hand
 * plus every scheduled receipt.
 */
export function pegOrders(
	existingSupply: number,
	safetyStock: number,
	requirements: Requirements,
	order: Int32Array | null,
	orderQtys: readonly number[]
): Peg[][] {
	const count = requirements.qty.length;
	const element = (position: number): number => (order ? order[position]! : position);
	// Demand position d: −1 is the safety stock, p ≥ 0 is the p-th element in bucket order.
	let d = safetyStock > 0 ? -1 : 0;
	let left = d < 0 ? safetyStock : (requirements.qty[element(0)] ?? 0);
	const consume = (amount: number, into: Peg[] | null): void => {
		let rest = amount;
		while (rest > 0 && d < count) {
			const take = Math.min(rest, left);
			if (take > 0 && into) {
				into.push({
					source: d < 0 ? SAFETY_STOCK : requirements.source[element(d)]!,
					qty: take
				});
			}
			rest = roundQty(rest - take);
			left = roundQty(left - take);
			if (left <= 0) {
				d++;
				left = d < count ? requirements.qty[element(d)]! : 0;
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
