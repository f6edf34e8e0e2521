// Slow and dead stock (呆滯料): items on hand whose last issue-like movement (a shipment, an
// issue, a transfer out, use in production) is older than the slow threshold, or than the
// dead one, or that never left at all; valued at the item's value.

import { stampWallMs } from '../clock/hlc';
import { DAY_MS, itemValue, type ReportContext } from './context';

export const SLOW_DAYS = 90;
export const DEAD_DAYS = 180;

export type SlowClass = 'slow' | 'dead';

export interface SlowRow {
	itemId: string;
	itemCode: string;
	itemName: string;
	qty: number;
	valueCents: number;
	/** Days since the last issue; null when none is on record. */
	idleDays: number | null;
	class: SlowClass;
}

export interface SlowReport {
	rows: SlowRow[];
	slowCents: number;
	deadCents: number;
}

/**
 * `lastIssues`: each item's last issue stamp from closed months (the close records carry it);
 * the open period's movements add to it.
 */
export function slowStockReport(
	ctx: ReportContext,
	lastIssues: ReadonlyMap<string, string> = new Map()
): SlowReport {
	const last = new Map(lastIssues);
	for (const c of ctx.book.costing.movements) {
		const m = c.movement;
		if (m.qty >= 0) continue;
		if (m.reason !== 'issue' && m.reason !== 'transfer-out' && m.reason !== 'production') continue;
		const prev = last.get(m.itemId);
		if (!prev || m.at > prev) last.set(m.itemId, m.at);
	}
	const rows: SlowRow[] = [];
	let slowCents = 0;
	let deadCents = 0;
	for (const itemId of ctx.book.costing.positions.keys()) {
		const { qty, cents } = itemValue(ctx, itemId);
		if (qty <= 0) continue;
		const at = last.get(itemId);
		const idleDays = at ? Math.floor((ctx.nowMs - stampWallMs(at)) / DAY_MS) : null;
		if (idleDays !== null && idleDays <= SLOW_DAYS) continue;
		const cls: SlowClass = idleDays === null || idleDays > DEAD_DAYS ? 'dead' : 'slow';
		if (cls === 'dead') deadCents += cents;
		else slowCents += cents;
		const item = ctx.items.get(itemId);
		rows.push({
			itemId,
			itemCode: item?.code ?? itemId,
			itemName: item?.name ?? '',
			qty,
			valueCents: cents,
			idleDays,
			class: cls
		});
	}
	rows.sort((a, b) => b.valueCents - a.valueCents || (a.itemCode < b.itemCode ? -1 : 1));
	return { rows, slowCents, deadCents };
}
