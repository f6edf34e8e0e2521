// The order board's filters: what a person narrows the board to, the quick filters the sales
// landing page links to, and which orders pass.

import type { BoardOrder } from '../../domain/orders/board';
import { isOpenOrder } from '../../domain/orders/sales-kpis';

export interface BoardFilters {
	customerId: string;
	warehouseId: string;
	/** YYYY-MM-DD; '' = any. */
	dueBy: string;
	lateOnly: boolean;
	/** Only over-allocated or conflicting orders. */
	flaggedOnly: boolean;
	/** A quick filter the sales landing page links to ('' = none). */
	only: QuickFilter;
}

/** Quick filters behind the sales landing page's numbers (`/sales/board?only=…`). */
export const QUICK_FILTERS = ['open', 'ready', 'over-allocated'] as const;
export type QuickFilter = (typeof QUICK_FILTERS)[number] | '';

export function isQuickFilter(value: string): value is QuickFilter {
	return value === '' || (QUICK_FILTERS as readonly string[]).includes(value);
}

export function noBoardFilters(): BoardFilters {
	return {
		customerId: '',
		warehouseId: '',
		dueBy: '',
		lateOnly: false,
		flaggedOnly: false,
		only: ''
	};
}

export function matchesBoardFilters(o: BoardOrder, f: BoardFilters): boolean {
	if (f.customerId && o.order.customerId !== f.customerId) return false;
	if (f.warehouseId && o.order.warehouseId !== f.warehouseId) return false;
	if (f.dueBy && o.order.requestedDate > f.dueBy) return false;
	if (f.lateOnly && !o.late) return false;
	if (f.flaggedOnly && !(o.overAllocated || o.hasConflict)) return false;
	if (f.only === 'open' && !isOpenOrder(o)) return false;
	if (f.only === 'ready' && !o.backorderReady) return false;
	if (f.only === 'over-allocated' && !o.overAllocated) return false;
	return true;
}
