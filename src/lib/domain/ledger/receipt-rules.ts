// What a receipt must say, as the item demands: a lot for a lot-tracked item, an expiry for a
// lot-tracked item with a shelf life, and an explicit confirmation for a zero unit cost (free
// goods happen, a forgotten cost is more common). The command enforces it; the movement form
// shows the same rule per field before submitting.

import type { Item } from '../catalog/entities';
import { ExpiryRequiredError, LotRequiredError, ZeroCostUnconfirmedError } from '../errors';

export interface ReceiptDetails {
	lot?: string;
	/** YYYY-MM-DD */
	expiry?: string;
	unitCostCents?: number;
	/** The user confirmed that a unit cost of 0 is meant. */
	zeroCostConfirmed?: boolean;
}

export type ReceiptProblem = 'lot-required' | 'expiry-required' | 'zero-cost-unconfirmed';

type ReceiptItem = Pick<Item, 'code' | 'lotTracked' | 'shelfLifeDays'>;

/** Problems by field (`lot`, `expiry`, `cost`), empty when the receipt may be posted. */
export function receiptProblems(
	item: ReceiptItem,
	details: ReceiptDetails
): Partial<Record<'lot' | 'expiry' | 'cost', ReceiptProblem>> {
	const out: Partial<Record<'lot' | 'expiry' | 'cost', ReceiptProblem>> = {};
	const lot = details.lot?.trim() ?? '';
	if (item.lotTracked && lot === '') out.lot = 'lot-required';
	// An expiry belongs to a lot: an item with a shelf life but no lots has nowhere to keep it.
	if (item.lotTracked && item.shelfLifeDays > 0 && !(details.expiry?.trim() ?? ''))
		out.expiry = 'expiry-required';
	if (details.unitCostCents === 0 && !details.zeroCostConfirmed) out.cost = 'zero-cost-unconfirmed';
	return out;
}

export function checkReceipt(item: ReceiptItem, details: ReceiptDetails): void {
	const p = receiptProblems(item, details);
	if (p.lot) throw new LotRequiredError(item.code);
	if (p.expiry) throw new ExpiryRequiredError(item.code);
	if (p.cost) throw new ZeroCostUnconfirmedError(item.code);
}
