// Appending one event to an order: stamped by this device's clock, checked against the folded
// status first (a local refusal), then written in one transaction. Concurrent events from
// other devices are settled by the state machine when they merge.

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
	const event = parseOrThrow(orderEventSchema, {
		id: ctx.ids.next(),
		at: ctx.clock.now(),
		type,
		by: ctx.user,
		device: ctx.clock.device,
		payload
	});
	doc.transact(
		() => {
			ensureOrdersSchema(doc);
			appendOrderEvent(map, event);
		},
		commandOrigin(ctx, command)
	);
	return event;
}
