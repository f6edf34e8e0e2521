// What one order line shows beside its quantity: still reserved, back-ordered, shipped,
// returned. "Reserved" is the open reservation — the same number available-to-promise
// subtracts — so a shipped, short-closed or cancelled order shows none (not "已保留 10" beside
// "已出 10").

import type { OrderLine } from './order';
import { backorderQty, openReservedQty, type OrderFold } from './state-machine';

export interface LineProgress {
	/** Reserved and not yet shipped; 0 once the order no longer holds stock. */
	reserved: number;
	backordered: number;
	shipped: number;
	returned: number;
}

export function lineProgress(fold: OrderFold, line: OrderLine): LineProgress {
	const state = fold.lines.get(line.id);
	return {
		reserved: openReservedQty(fold, line.id),
		backordered: backorderQty(fold, line),
		shipped: state?.shipped ?? 0,
		returned: state?.returned ?? 0
	};
}
