// Creating and editing sales orders. A new order gets a collision-free number from this
// device's tag; lines and header can be edited while the order is a draft.

import { stampWallMs } from '../../domain/clock/hlc';
import {
	InvalidFieldError,
	InvalidTransitionError,
	UnknownCustomerError,
	UnknownItemError,
	UnknownWarehouseError
} from '../../domain/errors';
import { nextOrderNumber } from '../../domain/orders/number';
import {
	orderHeaderSchema,
	orderLineSchema,
	type OrderHeader,
	type OrderLine,
	type OrderLineInput
} from '../../domain/orders/order';
import { parseOrThrow } from '../../domain/parse';
import { readItems, readWarehouses } from '../../doc/catalog-doc';
import { readCustomers } from '../../doc/customers-doc';
import {
	ensureOrdersSchema,
	orderMap,
	readOrders,
	writeHeader,
	writeNewOrder
} from '../../doc/orders-doc';
import { replaceLines } from '../../doc/nested';
import { requireRecord, requireWrite } from '../access';
import { commandOrigin, type CommandContext } from '../context';
import { boardOf, requireOrder } from './read';

export interface OrderDraftInput {
	customerId: string;
	warehouseId: string;
	/** YYYY-MM-DD */
	requestedDate: string;
	notes?: string;
	/** Lines without ids get new ones; lines with an id keep it (edits). */
	lines: (Omit<OrderLineInput, 'id'> & { id?: string })[];
}

function validate(ctx: CommandContext, input: OrderDraftInput): OrderLine[] {
	const catalog = ctx.docs.catalog;
	if (!readCustomers(catalog).some((c) => c.id === input.customerId))
		throw new UnknownCustomerError(input.customerId);
	if (!readWarehouses(catalog).some((w) => w.id === input.warehouseId))
		throw new UnknownWarehouseError(input.warehouseId);
	if (input.lines.length === 0) throw new InvalidFieldError('lines', 'required');
	const items = new Set(readItems(catalog).map((i) => i.id));
	return input.lines.map((line) => {
		if (!items.has(line.itemId)) throw new UnknownItemError(line.itemId);
		return parseOrThrow(orderLineSchema, { ...line, id: line.id ?? ctx.ids.next() });
	});
}

export function createOrder(ctx: CommandContext, input: OrderDraftInput): OrderHeader {
	const doc = ctx.docs.shared('orders');
	requireWrite(ctx, 'orders');
	requireRecord(ctx, 'salesOrder');
	const lines = validate(ctx, input);
	const createdAt = ctx.clock.now();
	const year = new Date(stampWallMs(createdAt)).getUTCFullYear();
	const number = nextOrderNumber(
		readOrders(doc).orders.map((o) => o.number),
		ctx.clock.device,
		year
	);
	const header = parseOrThrow(orderHeaderSchema, {
		id: ctx.ids.next(),
		number,
		customerId: input.customerId,
		warehouseId: input.warehouseId,
		requestedDate: input.requestedDate,
		notes: input.notes ?? '',
		createdAt,
		createdBy: ctx.user
	});
	doc.transact(
		() => {
			ensureOrdersSchema(doc);
			writeNewOrder(doc, header, lines);
		},
		commandOrigin(ctx, 'createOrder')
	);
	return header;
}

/** Edits a draft: header fields that changed and the lines (added, changed, removed). */
export function updateDraftOrder(
	ctx: CommandContext,
	orderId: string,
	input: OrderDraftInput
): void {
	const doc = ctx.docs.shared('orders');
	requireWrite(ctx, 'orders');
	requireRecord(ctx, 'salesOrder');
	const current = requireOrder(boardOf(ctx), orderId);
	if (current.fold.status !== 'draft')
		throw new InvalidTransitionError(current.fold.status, 'edit');
	const lines = validate(ctx, input);
	const map = orderMap(doc, orderId);
	if (!map) return;
	doc.transact(
		() => {
			ensureOrdersSchema(doc);
			writeHeader(map, {
				customerId: input.customerId,
				warehouseId: input.warehouseId,
				requestedDate: parseOrThrow(orderHeaderSchema.shape.requestedDate, input.requestedDate),
				notes: input.notes ?? ''
			});
			replaceLines(map, lines);
		},
		commandOrigin(ctx, 'updateDraftOrder')
	);
}
