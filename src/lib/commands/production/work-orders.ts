// Work-order commands at the planner's desk: create (snapshot of the BOM version in force on the
// start date), release, cancel, close; and the material shortages of an order before release.
// Each is one transaction on the orders doc, rights checked first.

import { stampWallMs } from '../../domain/clock/hlc';
import {
	InvalidFieldError,
	InvalidTransitionError,
	UnknownItemError,
	UnknownWarehouseError
} from '../../domain/errors';
import { deviceTag } from '../../domain/orders/number';
import { parseOrThrow } from '../../domain/parse';
import { effectiveBom } from '../../domain/production/bom';
import { materialNeeds, type MaterialNeed } from '../../domain/production/shortages';
import type { WoStatus } from '../../domain/production/wo-state-machine';
import {
	nextWorkOrderNumbers,
	woEventSchema,
	workOrderSchema,
	type WoEvent,
	type WoEventPayload,
	type WoEventType,
	type WorkOrderHeader
} from '../../domain/production/work-order';
import { readWarehouses } from '../../doc/catalog-doc';
import { ensureOrdersSchema } from '../../doc/orders-doc';
import { appendWoEvent, writeNewWorkOrder } from '../../doc/production-orders-doc';
import { commandOrigin, type CommandContext } from '../context';
import { checkFarEvents, eventStampFor, eventStampsOf, eventEnvelope } from '../far-events';
import { boardOf } from '../orders/read';
import { requireProduction } from './access';
import { productionView, requireWorkOrder, type FoldedWorkOrder } from './read';

export interface WorkOrderInput {
	itemId: string;
	qty: number;
	warehouseId: string;
	/** YYYY-MM-DD: the BOM version in force on this day is used. */
	startDate: string;
	dueDate: string;
	source?: 'manual' | 'mrp';
	note?: string;
}

/** Creates planned work orders in one transaction (all or nothing). */
export function createWorkOrders(
	ctx: CommandContext,
	inputs: readonly WorkOrderInput[]
): WorkOrderHeader[] {
	requireProduction(ctx, 'orders');
	if (inputs.length === 0) return [];
	const view = productionView(ctx);
	const warehouses = new Set(readWarehouses(ctx.docs.catalog).map((w) => w.id));
	const createdAt = ctx.clock.now();
	const numbers = nextWorkOrderNumbers(
		view.workOrders.map((w) => w.order.number),
		deviceTag(ctx.clock.device),
		new Date(stampWallMs(createdAt)).getUTCFullYear(),
		inputs.length
	);
	const headers = inputs.map((input, i) => {
		if (!view.items.some((it) => it.id === input.itemId)) throw new UnknownItemError(input.itemId);
		if (!warehouses.has(input.warehouseId)) throw new UnknownWarehouseError(input.warehouseId);
		const bom = effectiveBom(view.boms, input.itemId, input.startDate);
		if (!bom) throw new InvalidFieldError('itemId', `no BOM in force on ${input.startDate}`);
		if (input.dueDate < input.startDate) throw new InvalidFieldError('dueDate', 'before the start');
		return parseOrThrow(workOrderSchema, {
			...input,
			id: ctx.ids.next(),
			number: numbers[i],
			bomId: bom.id,
			materials: bom.lines.map((l) => ({
				itemId: l.childId,
				qtyPer: Math.round(l.qtyPer * (1 + l.scrapPct / 100) * 1e6) / 1e6
			})),
			steps: bom.steps,
			createdAt,
			createdBy: ctx.user
		});
	});
	const doc = ctx.docs.shared('orders');
	doc.transact(
		() => {
			ensureOrdersSchema(doc);
			for (const h of headers) writeNewWorkOrder(doc, h);
		},
		commandOrigin(ctx, 'createWorkOrders')
	);
	return headers;
}

/**
 * Builds, validates and appends one event (the caller has checked rights and the status). An
 * order whose log holds an event stamped far ahead of the relay's time takes one only from an
 * admin who confirms (commands/far-events.ts).
 */
export function appendEvent<T extends WoEventType>(
	ctx: CommandContext,
	woId: string,
	type: T,
	payload: WoEventPayload<T>,
	command: string
): WoEvent {
	const doc = ctx.docs.shared('orders');
	const at = eventStampFor(ctx, eventStampsOf(doc, 'workOrders', woId));
	const event = parseOrThrow(woEventSchema, eventEnvelope(ctx, at, type, payload));
	doc.transact(
		() => {
			ensureOrdersSchema(doc);
			appendWoEvent(doc, woId, event);
		},
		commandOrigin(ctx, command)
	);
	return event;
}

/** The far-stamp gate before the movements that precede a work-order event (issue, complete). */
export function checkWoFarStamps(ctx: CommandContext, woId: string): void {
	checkFarEvents(ctx, eventStampsOf(ctx.docs.shared('orders'), 'workOrders', woId));
}

function requireStatus(found: FoldedWorkOrder, allowed: readonly WoStatus[], action: string): void {
	if (!allowed.includes(found.fold.status))
		throw new InvalidTransitionError(found.fold.status, action);
}

export function releaseWorkOrder(ctx: CommandContext, woId: string): WoEvent {
	requireProduction(ctx, 'orders');
	requireStatus(requireWorkOrder(productionView(ctx), woId), ['planned'], 'release');
	return appendEvent(ctx, woId, 'release', {}, 'releaseWorkOrder');
}

export function cancelWorkOrder(ctx: CommandContext, woId: string, reason = ''): WoEvent {
	requireProduction(ctx, 'orders');
	const found = requireWorkOrder(productionView(ctx), woId);
	requireStatus(found, ['planned', 'released'], 'cancel');
	return appendEvent(ctx, woId, 'cancel', { reason }, 'cancelWorkOrder');
}

export function closeWorkOrder(ctx: CommandContext, woId: string): WoEvent {
	requireProduction(ctx, 'orders');
	requireStatus(requireWorkOrder(productionView(ctx), woId), ['completed'], 'close');
	return appendEvent(ctx, woId, 'close', {}, 'closeWorkOrder');
}

/** Material still to issue per component against ATP in the order's warehouse. */
export function workOrderShortages(ctx: CommandContext, woId: string): MaterialNeed[] {
	const { order, fold } = requireWorkOrder(productionView(ctx), woId);
	const atp = boardOf(ctx).atp;
	return materialNeeds(order, fold, (itemId) => atp.of(itemId, order.warehouseId).available);
}
