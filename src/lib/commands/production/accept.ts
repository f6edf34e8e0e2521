// Accepting a delivery promise (issue 18 points 5–6): the prospective order becomes a confirmed
// sales order, through sales' own order commands, for the date promised (the wanted date when it
// can be met), in one transaction. Confirmed, it reserves stock and enters the plan as demand;
// its planned production then takes centre hours, so the next promise gets what is left.

import { dayNumber } from '../../domain/production/calendar';
import type { OrderHeader } from '../../domain/orders/order';
import { requireEvent, requireRecord, requireWrite } from '../access';
import { commandOrigin, type CommandContext } from '../context';
import { createOrder, type OrderDraftInput } from '../orders/create';
import { confirmOrder } from '../orders/transitions';

export interface AcceptPromiseInput {
	order: OrderDraftInput;
	/** The promise's earliest complete date (YYYY-MM-DD). */
	promisedDate: string;
}

/** The date the order is accepted for: the wanted date, or the promise when that is later. */
export function acceptedDate(wantedDate: string, promisedDate: string): string {
	return dayNumber(promisedDate) > dayNumber(wantedDate) ? promisedDate : wantedDate;
}

/**
 * Creates and confirms the sales order (back-ordering what stock does not cover: the promise is
 * what covers it). Rights to create and to confirm are checked before anything is written.
 */
export function acceptPromise(ctx: CommandContext, input: AcceptPromiseInput): OrderHeader {
	requireWrite(ctx, 'orders');
	requireRecord(ctx, 'salesOrder');
	requireEvent(ctx, 'salesOrder', 'confirm');
	const order: OrderDraftInput = {
		...input.order,
		requestedDate: acceptedDate(input.order.requestedDate, input.promisedDate)
	};
	return ctx.docs.shared('orders').transact(
		() => {
			const header = createOrder(ctx, order);
			confirmOrder(ctx, header.id, { backorder: true });
			return header;
		},
		commandOrigin(ctx, 'acceptPromise')
	);
}
