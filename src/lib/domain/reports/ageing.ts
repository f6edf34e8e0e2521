// Stock ageing and capital tied up (庫齡 / 資金積壓): the units on hand are taken to be the
// latest ones received (first in, first out), so each item's quantity is spread over its most
// recent receipts (the opening's layers count as receipts at their own stamps) and valued at
// the item's unit value. Buckets by days since receipt.

import { stampWallMs } from '../clock/hlc';
import { DAY_MS, itemValue, type ReportContext } from './context';

/** Upper bounds in days of each bucket; the last bucket is open-ended. */
export const AGE_BUCKETS = [30, 90, 180, 365] as const;
export const BUCKET_COUNT = AGE_BUCKETS.length + 1;

export interface AgeingRow {
	itemId: string;
	itemCode: string;
	itemName: string;
	qty: number;
	valueCents: number;
	/** Value per bucket, cents (sums to valueCents). */
	bucketsCents: number[];
	/** Days since the oldest unit on hand came in. */
	oldestDays: number;
}

export interface AgeingReport {
	rows: AgeingRow[];
	totalsCents: number[];
	totalCents: number;
	/** Value older than 90 days: the capital tied up in slow stock. */
	tiedUpCents: number;
}

export function bucketOf(days: number): number {
	const i = AGE_BUCKETS.findIndex((limit) => days <= limit);
	return i === -1 ? AGE_BUCKETS.length : i;
}

/** Stamp-parsable `since` values only: the clamped keys of late movements start the same way. */
function msOf(since: string): number {
	const ms = stampWallMs(since);
	return Number.isFinite(ms) ? ms : 0;
}

function addTo(xs: number[], i: number, cents: number): void {
	xs[i] = (xs[i] ?? 0) + cents;
}

export function ageingReport(ctx: ReportContext): AgeingReport {
	const receipts = new Map<string, { ms: number; qty: number }[]>();
	const add = (itemId: string, ms: number, qty: number): void => {
		const list = receipts.get(itemId) ?? [];
		list.push({ ms, qty });
		receipts.set(itemId, list);
	};
	for (const [itemId, qtyMicro, , since] of ctx.book.openingLayers)
		if (qtyMicro > 0) add(itemId, msOf(since), qtyMicro / 1e6);
	for (const c of ctx.book.costing.movements) {
		const m = c.movement;
		if (m.qty > 0 && (m.reason === 'receipt' || m.reason === 'production'))
			add(m.itemId, msOf(m.at), m.qty);
	}
	const rows: AgeingRow[] = [];
	const totalsCents = new Array<number>(BUCKET_COUNT).fill(0);
	for (const itemId of ctx.book.costing.positions.keys()) {
		const { qty, cents } = itemValue(ctx, itemId);
		if (qty <= 0) continue;
		const list = (receipts.get(itemId) ?? []).sort((a, b) => b.ms - a.ms);
		const bucketsCents = new Array<number>(BUCKET_COUNT).fill(0);
		let left = qty;
		let oldestDays = 0;
		let assigned = 0;
		for (const r of list) {
			if (left <= 0) break;
			const take = Math.min(left, r.qty);
			left -= take;
			const days = Math.max(0, Math.floor((ctx.nowMs - r.ms) / DAY_MS));
			oldestDays = days;
			const share = left <= 0 ? cents - assigned : Math.round((cents * take) / qty);
			assigned += share;
			addTo(bucketsCents, bucketOf(days), share);
		}
		// Units with no receipt on record (count gains, returns) are counted as the oldest.
		if (left > 0) addTo(bucketsCents, BUCKET_COUNT - 1, cents - assigned);
		const item = ctx.items.get(itemId);
		rows.push({
			itemId,
			itemCode: item?.code ?? itemId,
			itemName: item?.name ?? '',
			qty,
			valueCents: cents,
			bucketsCents,
			oldestDays: left > 0 ? Math.max(oldestDays, 366) : oldestDays
		});
		bucketsCents.forEach((c, i) => addTo(totalsCents, i, c));
	}
	rows.sort((a, b) => b.oldestDays - a.oldestDays || (a.itemCode < b.itemCode ? -1 : 1));
	const totalCents = totalsCents.reduce((s, c) => s + c, 0);
	const tiedUpCents = totalsCents.slice(2).reduce((s, c) => s + c, 0);
	return { rows, totalsCents, totalCents, tiedUpCents };
}
