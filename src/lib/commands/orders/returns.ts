// Customer returns (退貨) with a reason. Restocked units come back as `return` movements into
// the order's warehouse (ref = order number); scrapped units touch no stock. The `return`
// event records both, so the order shows what came back and why.

import { InvalidFieldError, InvalidTransitionError } from '../../domain/errors';
import { roundQty } from '../../domain/ledger/fold';
import { storedMovementSchema, type Movement } from '../../domain/ledger/movement';
import type { OrderEvent, ReturnReason } from '../../domain/orders/order';
import { parseOrThrow } from '../../domain/parse';
import { requireEvent, requireWrite } from '../access';
import type { CommandContext } from '../context';
import { fileMovements } from '../ledger-postings';
import { appendEvent, checkOrderFarStamps } from './events';
import { boardOf, requireOrder } from './read';

export interface ReturnLine {
	lineId: string;
	qty: number;
	reason: ReturnReason;
	/** true: back into stock; false: scrapped. */
	restock: boolean;
	/** Bin to put restocked units in (none: the warehouse without a bin). */
	locationId?: string;
}

export function returnOrder(
	ctx: CommandContext,
	orderId: string,
	lines: readonly ReturnLine[]
): OrderEvent {
	// Checked before the return movements, which precede the event (see shipOrder).
	requireWrite(ctx, 'orders');
	requireEvent(ctx, 'salesOrder', 'return');
	const current = requireOrder(boardOf(ctx), orderId);
	if (!['partially-shipped', 'shipped', 'delivered'].includes(current.fold.status))
		throw new InvalidTransitionError(current.fold.status, 'return');
	if (lines.length === 0) throw new InvalidFieldError('lines', 'required');
	checkOrderFarStamps(ctx, orderId);
	const movements: Movement[] = [];
	for (const r of lines) {
		const line = current.order.lines.find((l) => l.id === r.lineId);
		const state = current.fold.lines.get(r.lineId);
		if (!line || !state) throw new InvalidFieldError('lineId', 'not a line of this order');
		if (!(r.qty > 0) || r.qty > roundQty(state.shipped - state.returned) + 1e-9)
			throw new InvalidFieldError('qty', 'more than was shipped');
		if (!r.restock) continue;
		movements.push(
			parseOrThrow(storedMovementSchema, {
				id: ctx.ids.next(),
				at: ctx.clock.now(),
				itemId: line.itemId,
				warehouseId: current.order.warehouseId,
				...(r.locationId ? { locationId: r.locationId } : {}),
				qty: r.qty,
				reason: 'return',
				ref: current.order.number,
				note: r.reason,
				device: ctx.clock.device,
				user: ctx.user
			})
		);
	}
	if (movements.length > 0) fileMovements(ctx, movements, 'returnOrder');
	return appendEvent(
		ctx,
		orderId,
		'return',
		{
			lines: lines.map(({ lineId, qty, reason, restock }) => ({ lineId, qty, reason, restock }))
		},
		'returnOrder'
	);
}
