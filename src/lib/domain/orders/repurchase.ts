// Repurchase prediction (回購預測): per customer × item, the typical reorder interval is the
// median gap between the days of its delivered orders (the median ignores one odd rush order).
// An item is "likely to reorder soon" once the days since the last order reach
// `soonRatio` × that interval. Every estimate keeps its numbers so the UI can explain it.

const DAY_MS = 86_400_000;

export interface PurchaseEvent {
	customerId: string;
	itemId: string;
	/** Wall time of the delivered (or shipped) order, ms. */
	atMs: number;
}

export interface RepurchaseEstimate {
	customerId: string;
	itemId: string;
	/** Orders counted (one per day: two orders the same day are one purchase). */
	orders: number;
	intervalDays: number;
	lastMs: number;
	daysSinceLast: number;
	/** intervalDays − daysSinceLast; negative when overdue. */
	dueInDays: number;
	likelySoon: boolean;
}

export interface RepurchaseOptions {
	nowMs: number;
	/** Minimum distinct order days for an estimate (default 3, i.e. two gaps). */
	minOrders?: number;
	/** Flag when daysSinceLast ≥ soonRatio × interval (default 0.8). */
	soonRatio?: number;
}

export function median(values: readonly number[]): number {
	if (values.length === 0) return 0;
	const s = [...values].sort((a, b) => a - b);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

export function estimateRepurchases(
	events: readonly PurchaseEvent[],
	options: RepurchaseOptions
): RepurchaseEstimate[] {
	const minOrders = options.minOrders ?? 3;
	const soonRatio = options.soonRatio ?? 0.8;
	const days = new Map<string, Set<number>>();
	for (const e of events) {
		const k = `${e.customerId}|${e.itemId}`;
		const set = days.get(k) ?? new Set<number>();
		set.add(Math.floor(e.atMs / DAY_MS));
		days.set(k, set);
	}
	const out: RepurchaseEstimate[] = [];
	for (const [k, set] of days) {
		if (set.size < minOrders) continue;
		const [customerId = '', itemId = ''] = k.split('|');
		const sorted = [...set].sort((a, b) => a - b);
		const gaps = sorted.slice(1).map((d, i) => d - (sorted[i] ?? d));
		const intervalDays = Math.round(median(gaps));
		if (intervalDays <= 0) continue;
		const lastDay = sorted.at(-1) ?? 0;
		const daysSinceLast = Math.floor(options.nowMs / DAY_MS) - lastDay;
		out.push({
			customerId,
			itemId,
			orders: set.size,
			intervalDays,
			lastMs: lastDay * DAY_MS,
			daysSinceLast,
			dueInDays: intervalDays - daysSinceLast,
			likelySoon: daysSinceLast >= soonRatio * intervalDays
		});
	}
	return out.sort(
		(a, b) =>
			a.dueInDays - b.dueInDays ||
			(a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0) ||
			(a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0)
	);
}
