// Netting one item over the horizon: gross requirements against on hand and scheduled receipts,
// keeping the safety stock, lot-sized planned receipts offset by the lead time.
//
// Open scheduled receipts are used before any new order is planned: when a bucket runs short, the
// next scheduled receipt covers it (it can be expedited, see rescheduling.ts), and only once every
// scheduled receipt is spoken for does a planned order appear. The printed record keeps receipts
// in the buckets they are scheduled for, so projected on hand dips below the safety stock exactly
// where an expedite message stands.

import { lotSize } from './lot-sizing';
import { roundQty } from './quantity';
import type { MrpItem, MrpScheduledReceipt } from './types';

export interface NettedOrder {
	receiptBucket: number;
	releaseBucket: number;
	qty: number;
}

export interface NettedItem {
	scheduledReceipts: number[];
	projectedOnHand: number[];
	net: number[];
	plannedReceipts: number[];
	plannedReleases: number[];
	/** In receipt-bucket order, past-due ones (releaseBucket < 1) included. */
	orders: NettedOrder[];
}

/**
 * `gross[b − 1]` is bucket b's gross requirement; `receipts` are this item's scheduled receipts in
 * bucket order (1 ≤ bucket ≤ buckets).
 */
export function netItem(
	item: MrpItem,
	buckets: number,
	gross: ArrayLike<number>,
	receipts: readonly MrpScheduledReceipt[]
): NettedItem {
	const scheduledReceipts = new Array<number>(buckets).fill(0);
	for (const receipt of receipts) {
		scheduledReceipts[receipt.bucket - 1] = roundQty(
			scheduledReceipts[receipt.bucket - 1]! + receipt.qty
		);
	}
	const projectedOnHand = new Array<number>(buckets);
	const net = new Array<number>(buckets).fill(0);
	const plannedReceipts = new Array<number>(buckets).fill(0);
	const plannedReleases = new Array<number>(buckets).fill(0);
	const orders: NettedOrder[] = [];
	const { safetyStock, leadTime } = item;

	let printed = item.onHand; // receipts where they are scheduled
	let covered = item.onHand; // receipts from the bucket they are first needed in
	let nextReceipt = 0;
	for (let b = 1; b <= buckets; b++) {
		const i = b - 1;
		while (nextReceipt < receipts.length && receipts[nextReceipt]!.bucket === b) {
			covered += receipts[nextReceipt++]!.qty;
		}
		covered = roundQty(covered - gross[i]!);
		while (covered < safetyStock && nextReceipt < receipts.length) {
			covered = roundQty(covered + receipts[nextReceipt++]!.qty);
		}
		if (covered < safetyStock) {
			const shortBy = roundQty(safetyStock - covered);
			const qty = lotSize(shortBy, item.lotSizing);
			net[i] = shortBy;
			plannedReceipts[i] = qty;
			covered = roundQty(covered + qty);
			const releaseBucket = b - leadTime;
			if (releaseBucket >= 1) plannedReleases[releaseBucket - 1] = qty;
			orders.push({ receiptBucket: b, releaseBucket, qty });
		}
		printed = roundQty(printed + scheduledReceipts[i]! + plannedReceipts[i]! - gross[i]!);
		projectedOnHand[i] = printed;
	}
	return { scheduledReceipts, projectedOnHand, net, plannedReceipts, plannedReleases, orders };
}
