// Exception messages for scheduled receipts: the bucket each open order is first needed in, found
// by using on hand and then the receipts in bucket order against the cumulative gross requirement
// plus the safety stock (the same order netting.ts uses them in). Needed earlier than scheduled:
// expedite; later: defer; not within the horizon: cancel.

import { roundQty } from './quantity';
import type { MrpException, MrpItem, MrpScheduledReceipt } from './types';

export function receiptExceptions(
	item: MrpItem,
	buckets: number,
	gross: ArrayLike<number>,
	receipts: readonly MrpScheduledReceipt[]
): MrpException[] {
	const exceptions: MrpException[] = [];
	let supplyBefore = item.onHand; // on hand plus the receipts before the current one
	let b = 0; // buckets 1 … b keep the safety stock with the supply before the current receipt
	let cumulativeGross = 0;
	for (const receipt of receipts) {
		// First bucket where the supply before this receipt no longer keeps the safety stock.
		while (
			b < buckets &&
			roundQty(supplyBefore - cumulativeGross - gross[b]!) >= item.safetyStock
		) {
			cumulativeGross += gross[b]!;
			b++;
		}
		const needed = b + 1;
		const ref = receipt.ref === undefined ? {} : { ref: receipt.ref };
		const base = { itemId: item.id, bucket: receipt.bucket, qty: receipt.qty, ...ref };
		if (needed > buckets) exceptions.push({ type: 'cancel', ...base });
		else if (needed < receipt.bucket)
			exceptions.push({ type: 'expedite', ...base, toBucket: needed });
		else if (needed > receipt.bucket) exceptions.push({ type: 'defer', ...base, toBucket: needed });
		supplyBefore += receipt.qty;
	}
	return exceptions;
}
