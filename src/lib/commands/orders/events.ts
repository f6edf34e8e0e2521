// Appending one event to an order: stamped by this device's clock, checked against the folded
// status first (a local refusal), then written in one transaction. Concurrent events from
// other devices are settled by the state machine when they merge. An order whose log holds an
// event stamped far ahead of the relay's time takes a new event only from an admin who
// confirms, stamped just after it (commands/far-events.ts).

import type { z } from 'zod';
import { UnknownOrderError } from '../../domain/errors';
import {
	EVENT_PAYLOADS,
	orderEventSchema,
	type OrderEvent,
	type OrderEventType
} from '../../domain/orders/order';
import { parseOrThrow } from '../../domain/parse';
import { ensureOrdersSchema, appendOrderEvent, orderMap } from '../../doc/orders-doc';
import { requireEvent, requireWrite } from '../access';
import { commandOrigin, type CommandContext } from '../context';
import { checkFarEvents, eventStampFor, eventStampsOf, eventEnvelope } from '../far-events';

export function appendEvent<T extends OrderEventType>(
	ctx: CommandContext,
	orderId: string,
	type: T,
	payload: z.input<(typeof EVENT_PAYLOADS)[T]>,
	command: string
): OrderEvent {
	requireWrite(ctx, 'orders');
	requireEvent(ctx, 'salesOrder', type);
	const doc = ctx.docs.shared('orders');
	const map = orderMap(doc, orderId);
	if (!map) throw new UnknownOrderError(orderId);
	const at = eventStampFor(ctx, eventStampsOf(doc, 'salesOrders', orderId));
	const event = parseOrThrow(orderEventSchema, eventEnvelope(ctx, at, type, payload));
	doc.transact(
		() => {
			ensureOrdersSchema(doc);
			appendOrderEvent(map, event);
		},
		commandOrigin(ctx, command)
	);
	return event;
}

/**
 * Refuses (FarStampError) an event the far-stamp gate would refuse, before a command writes the
 * movements that precede its event (shipping, returns): a refusal then writes nothing.
 */
export function checkOrderFarStamps(ctx: CommandContext, orderId: string): void {
	checkFarEvents(ctx, eventStampsOf(ctx.docs.shared('orders'), 'salesOrders', orderId));
}
