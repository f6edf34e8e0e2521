// What a warehouse home puts first: how many active items are below safety stock, at their
// reorder point or out, and the most urgent of them (least on hand first), from the per-item
// stock summary. Counts are company-wide per item, the same predicates as the stock filter and
// the alerts page (./thresholds.ts).

import type { ItemStock } from './summary';

export interface StockAttention {
	/** Active items below safety stock (including those out of stock). */
	low: number;
	/** Active items at or under their reorder point. */
	reorder: number;
	out: number;
	/** Out, below safety stock or at the reorder point, least on hand first, at most `limit`. */
	top: ItemStock[];
}

export function stockAttention(stock: readonly ItemStock[], limit: number): StockAttention {
	const active = stock.filter((s) => s.active);
	const urgent = active.filter((s) => s.status === 'out' || s.belowSafety || s.reorder);
	return {
		low: active.filter((s) => s.belowSafety).length,
		reorder: active.filter((s) => s.reorder).length,
		out: active.filter((s) => s.status === 'out').length,
		top: urgent.sort((a, b) => a.onHand - b.onHand).slice(0, limit)
	};
}
