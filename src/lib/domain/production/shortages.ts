// Material per work order: what it needs, what is already issued, and the shortage against what
// is available to promise in its warehouse, so a planner sees gaps before releasing it. Also the
// backflush: what completion must still issue for the good quantity made.

import type { WoFold } from './wo-state-machine';
import type { WorkOrder } from './work-order';

const round = (q: number): number => Math.round(q * 1e6) / 1e6;

export interface MaterialNeed {
	itemId: string;
	required: number;
	issued: number;
	/** Still to issue: required − issued, never below 0. */
	open: number;
	available: number;
	/** open − available when positive, else 0. */
	short: number;
}

export function materialNeeds(
	order: Pick<WorkOrder, 'qty' | 'materials'>,
	fold: Pick<WoFold, 'issued'>,
	available: (itemId: string) => number
): MaterialNeed[] {
	return order.materials.map((m) => {
		const required = round(m.qtyPer * order.qty);
		const issued = fold.issued.get(m.itemId) ?? 0;
		const open = Math.max(0, round(required - issued));
		const avail = available(m.itemId);
		return {
			itemId: m.itemId,
			required,
			issued,
			open,
			available: avail,
			short: Math.max(0, round(open - Math.max(0, avail)))
		};
	});
}

/** What completing `good` units must still issue per material (its standard use minus issues). */
export function backflushLines(
	order: Pick<WorkOrder, 'materials'>,
	fold: Pick<WoFold, 'issued'>,
	good: number
): { itemId: string; qty: number }[] {
	const out: { itemId: string; qty: number }[] = [];
	for (const m of order.materials) {
		const qty = round(m.qtyPer * good - (fold.issued.get(m.itemId) ?? 0));
		if (qty > 0) out.push({ itemId: m.itemId, qty });
	}
	return out;
}
