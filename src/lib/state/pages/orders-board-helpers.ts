// Plain helpers of the order board view model (no runes): the local calendar day, which
// orders a Yjs change touched, and who is viewing which order.

import type * as Y from 'yjs';
import { stampWallMs, type Stamp } from '../../domain/clock/hlc';
import type { Peer } from '../presence.svelte';

export const ORDER_PAGE_PREFIX = 'order:';

/** The local calendar day of `d`, YYYY-MM-DD. */
export function isoDay(d: Date): string {
	const pad = (n: number): string => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Today's local calendar day (the board's notion of "late"). */
export function localToday(): string {
	return isoDay(new Date());
}

/** The local calendar day a clock stamp was made on. */
export function localDayOfStamp(stamp: Stamp): string {
	return isoDay(new Date(stampWallMs(stamp)));
}

/** A local calendar day `days` after `iso`. */
export function addDays(iso: string, days: number): string {
	const d = new Date(`${iso}T00:00:00`);
	d.setDate(d.getDate() + days);
	return isoDay(d);
}

/** Ids of the orders a deep change of the `salesOrders` map touched. */
export function changedOrderIds(
	map: Y.Map<unknown>,
	events: readonly Y.YEvent<Y.AbstractType<unknown>>[]
): string[] {
	const ids = new Set<string>();
	for (const e of events) {
		const first = e.path[0];
		if (typeof first === 'string') ids.add(first);
		else if (e.target === map) for (const k of e.changes.keys.keys()) ids.add(k);
	}
	return [...ids];
}

/** Order id → the other people whose presence page is that order. */
export function viewersByOrder(peers: readonly Peer[]): Map<string, Peer[]> {
	return viewersByPage(peers, ORDER_PAGE_PREFIX);
}

/** Record id → the other people on a page `<prefix><id>` (an order's, a PO's), one avatar each. */
export function viewersByPage(peers: readonly Peer[], prefix: string): Map<string, Peer[]> {
	const out = new Map<string, Peer[]>();
	for (const p of peers) {
		if (p.self || !p.page.startsWith(prefix)) continue;
		const id = p.page.slice(prefix.length);
		const list = out.get(id) ?? [];
		// One avatar per person, even with the order open in two tabs.
		if (!list.some((q) => q.user === p.user)) out.set(id, [...list, p]);
	}
	return out;
}
