// What a warehouse home puts first: how many items are low or out, and the most urgent of
// them (least on hand first), from the per-item stock summary.

import type { ItemStock } from './summary';

export interface StockAttention {
	low: number;
	out: number;
	/** Low or out items, least on hand first, at most `limit`. */
	top: ItemStock[];
}

export function stockAttention(stock: readonly ItemStock[], limit: number): StockAttention {
	const urgent = stock.filter((s) => s.status === 'low' || s.status === 'out');
	return {
		low: urgent.filter((s) => s.status === 'low').length,
		out: urgent.filter((s) => s.status === 'out').length,
		top: urgent.sort((a, b) => a.onHand - b.onHand).slice(0, limit)
	};
}
