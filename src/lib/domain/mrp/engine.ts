// planMrp: the whole MRP run over one problem. Items are indexed once, requirements live in one
// array per item and bucket, and items are planned level by level (low-level codes) so each
// item is netted once, after every parent's planned orders have been exploded into it.

import { InvalidFieldError, UnknownItemError } from '../errors';
import { buildBomGraph, lowLevelCodes } from './low-level-codes';
import { netItem } from './netting';
import { bucketOrder, emptyRequirements, pegOrders, type Requirements } from './pegging';
import { roundQty } from './quantity';
import { receiptExceptions } from './rescheduling';
import type {
	MrpException,
	MrpProblem,
	MrpRecord,
	MrpResult,
	MrpScheduledReceipt,
	PegSource,
	PlannedOrder
} from './types';

export function planMrp(problem: MrpProblem): MrpResult {
	const { buckets, items, bom } = problem;
	const n = items.length;
	const indexOf = new Map<string, number>();
	items.forEach((item, i) => {
		if (indexOf.has(item.id)) throw new InvalidFieldError('items', `duplicate item id ${item.id}`);
		indexOf.set(item.id, i);
	});
	const indexFor = (id: string): number => {
		const i = indexOf.get(id);
		if (i === undefined) throw new UnknownItemError(id);
		return i;
	};
	const inHorizon = (bucket: number, field: string): void => {
		if (!Number.isInteger(bucket) || bucket < 1 || bucket > buckets) {
			throw new InvalidFieldError(field, `bucket ${bucket} is outside 1…${buckets}`);
		}
	};

	const graph = buildBomGraph(
		n,
		bom.map((line) => ({ parent: indexFor(line.parent), child: indexFor(line.child) }))
	);
	const codes = lowLevelCodes(
		graph,
		items.map((item) => item.id)
	);
	// Extra quantity per unit of parent for each BOM line: qtyPer × (1 + scrap %).
	const perParent = bom.map((line) => line.qtyPer * (1 + line.scrapPct / 100));

	const gross = items.map(() => new Float64Array(buckets));
	const requirements: Requirements[] = items.map(emptyRequirements);
	problem.demand.forEach((entry, index) => {
		const i = indexFor(entry.itemId);
		inHorizon(entry.bucket, 'demand');
		gross[i]![entry.bucket - 1] = roundQty(gross[i]![entry.bucket - 1]! + entry.qty);
		const ref = entry.ref === undefined ? {} : { ref: entry.ref };
		const into = requirements[i]!;
		into.bucket.push(entry.bucket);
		into.qty.push(entry.qty);
		into.source.push({ kind: 'demand', index, ...ref });
	});
	const receipts: MrpScheduledReceipt[][] = items.map(() => []);
	for (const receipt of problem.scheduledReceipts) {
		inHorizon(receipt.bucket, 'scheduledReceipts');
		receipts[indexFor(receipt.itemId)]!.push(receipt);
	}

	const records = new Array<MrpRecord>(n);
	const ordersOf = new Array<PlannedOrder[]>(n);
	const exceptionsOf = new Array<MrpException[]>(n);
	for (const i of levelOrder(codes)) {
		const item = items[i]!;
		const itemGross = gross[i]!;
		const itemReceipts = receipts[i]!.length > 1 ? stableByBucket(receipts[i]!) : receipts[i]!;
		const { orders: netted, ...record } = netItem(item, buckets, itemGross, itemReceipts);
		records[i] = { id: item.id, lowLevelCode: codes[i]!, gross: Array.from(itemGross), ...record };

		const existingSupply = itemReceipts.reduce((sum, r) => sum + r.qty, item.onHand);
		const pegs = pegOrders(
			existingSupply,
			item.safetyStock,
			requirements[i]!,
			bucketOrder(requirements[i]!, buckets),
			netted.map((order) => order.qty)
		);
		const exceptions = receiptExceptions(item, buckets, itemGross, itemReceipts);
		const orders: PlannedOrder[] = netted.map((order, k) => {
			const pastDue = order.releaseBucket < 1;
			if (pastDue) {
				exceptions.push({
					type: 'past-due',
					itemId: item.id,
					bucket: order.receiptBucket,
					releaseBucket: order.releaseBucket,
					qty: order.qty
				});
			}
			return { itemId: item.id, ...order, pastDue, pegging: pegs[k]! };
		});
		ordersOf[i] = orders;
		// One pegging source per order, shared by every component it explodes into.
		const sources: PegSource[] = orders.map((order) => ({
			kind: 'planned-order',
			itemId: item.id,
			receiptBucket: order.receiptBucket
		}));
		exceptionsOf[i] = exceptions.sort((a, b) => a.bucket - b.bucket);

		// Explode: a parent's order released in bucket t needs its components in t (a past-due
		// release needs them now, in bucket 1).
		for (let e = graph.childStart[i]!; e < graph.childStart[i + 1]!; e++) {
			const child = graph.childOf[e]!;
			const factor = perParent[graph.lineOf[e]!]!;
			const childGross = gross[child]!;
			const into = requirements[child]!;
			for (let k = 0; k < orders.length; k++) {
				const order = orders[k]!;
				const bucket = Math.max(order.releaseBucket, 1);
				const qty = roundQty(order.qty * factor);
				childGross[bucket - 1] = roundQty(childGross[bucket - 1]! + qty);
				into.bucket.push(bucket);
				into.qty.push(qty);
				into.source.push(sources[k]!);
			}
		}
	}
	return {
		items: records,
		plannedOrders: ordersOf.flat(),
		exceptions: exceptionsOf.flat()
	};
}

/** Item indexes by low-level code, input order within a level (counting sort). */
function levelOrder(codes: Int32Array): Int32Array {
	let maxCode = 0;
	for (const code of codes) if (code > maxCode) maxCode = code;
	const start = new Int32Array(maxCode + 2);
	for (const code of codes) start[code + 1]! += 1;
	for (let c = 1; c <= maxCode + 1; c++) start[c]! += start[c - 1]!;
	const order = new Int32Array(codes.length);
	codes.forEach((code, i) => {
		order[start[code]!++] = i;
	});
	return order;
}

/** Array.prototype.sort is stable: receipts in one bucket keep their input order. */
function stableByBucket(receipts: readonly MrpScheduledReceipt[]): MrpScheduledReceipt[] {
	return [...receipts].sort((a, b) => a.bucket - b.bucket);
}
