// Warehouse alerts: below safety stock (shortage), above maximum (overstock), lots expiring
// within N days, and slow-moving items (nothing issued in N days). Pure: the day and the
// stamps to compare with are passed in; quantities are company-wide per item (like the stock
// overview, goods in transit excluded), or per item × warehouse among the items stocked there.

import type { Item } from '../catalog/entities';
import type { Stamp } from '../clock/hlc';
import type { Balance } from '../ledger/fold';
import { belowSafetyStock, onHandByItem } from '../ledger/thresholds';
import type { Movement } from '../ledger/movement';
import type { LotSummary } from '../lots/lot-fold';

export type AlertKind = 'shortage' | 'overstock' | 'expiring' | 'expired' | 'slow-moving';

export type Alert =
	| { kind: 'shortage'; itemId: string; onHand: number; safetyStock: number }
	| { kind: 'overstock'; itemId: string; onHand: number; maxStock: number }
	| {
			kind: 'expiring' | 'expired';
			itemId: string;
			lot: string;
			expiry: string;
			onHand: number;
			daysLeft: number;
	  }
	| { kind: 'slow-moving'; itemId: string; onHand: number; lastIssueAt: Stamp | null };

export interface AlertInput {
	items: readonly Item[];
	balances: Iterable<Balance>;
	lots: Iterable<LotSummary>;
	movements: Iterable<Movement>;
	/** Today, YYYY-MM-DD (company calendar). */
	today: string;
	/** Lots expiring within this many days (from today) are flagged. */
	expiryWithinDays: number;
	/** Items with stock and no issue at or after this stamp are slow-moving. */
	slowSince: Stamp;
	/** Narrow to one warehouse; omitted = the whole company. */
	warehouseId?: string;
	/** Last issue per item from closed periods (the opening's `lastIssues`). */
	lastIssues?: Iterable<readonly [string, Stamp]>;
}

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (both YYYY-MM-DD), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

const OUTBOUND = new Set(['issue', 'production', 'transfer-out']);

/** Stock leaving for use or elsewhere: what keeps an item from being slow-moving. */
export function isIssueLike(m: Pick<Movement, 'qty' | 'reason'>): boolean {
	return m.qty < 0 && OUTBOUND.has(m.reason);
}

export function computeAlerts(input: AlertInput): Alert[] {
	const onHand = onHandByItem(input.balances, input.warehouseId || undefined);
	const lastIssue = new Map<string, Stamp>();
	for (const m of input.movements) {
		if (input.warehouseId && m.warehouseId !== input.warehouseId) continue;
		if (m.qty >= 0 || !OUTBOUND.has(m.reason)) continue;
		const prev = lastIssue.get(m.itemId);
		if (!prev || m.at > prev) lastIssue.set(m.itemId, m.at);
	}
	const alerts: Alert[] = [];
	const active = new Map(input.items.filter((i) => i.active).map((i) => [i.id, i]));
	for (const item of active.values()) {
		// Narrowed to a warehouse, only the items stocked there are judged.
		if (input.warehouseId && !onHand.has(item.id)) continue;
		const qty = onHand.get(item.id) ?? 0;
		if (belowSafetyStock(item, qty))
			alerts.push({
				kind: 'shortage',
				itemId: item.id,
				onHand: qty,
				safetyStock: item.safetyStock
			});
		if (item.maxStock > 0 && qty > item.maxStock)
			alerts.push({ kind: 'overstock', itemId: item.id, onHand: qty, maxStock: item.maxStock });
		const last = lastIssue.get(item.id) ?? null;
		if (qty > 0 && (last === null || last < input.slowSince))
			alerts.push({ kind: 'slow-moving', itemId: item.id, onHand: qty, lastIssueAt: last });
	}
	for (const lot of input.lots) {
		if (!lot.expiry || !active.has(lot.itemId)) continue;
		const qty = input.warehouseId ? (lot.byWarehouse.get(input.warehouseId) ?? 0) : lot.onHand;
		if (qty <= 0) continue;
		const daysLeft = daysBetween(input.today, lot.expiry);
		if (daysLeft > input.expiryWithinDays) continue;
		alerts.push({
			kind: daysLeft < 0 ? 'expired' : 'expiring',
			itemId: lot.itemId,
			lot: lot.lot,
			expiry: lot.expiry,
			onHand: qty,
			daysLeft
		});
	}
	return alerts;
}
