// Requisition commands: proposals from reorder points (read only), creating requisitions —
// the one door for reorder proposals, planning (MRP) and hand-typed needs — cancelling them,
// and converting open ones into draft purchase orders, one per supplier × warehouse.

import { stampWallMs } from '../../domain/clock/hlc';
import {
	InvalidFieldError,
	InvalidTransitionError,
	UnknownItemError,
	UnknownWarehouseError
} from '../../domain/errors';
import { deviceTag } from '../../domain/orders/number';
import { parseOrThrow } from '../../domain/parse';
import { incomingQty } from '../../domain/purchasing/po-state-machine';
import { proposeRequisitions, type ProposalGroup } from '../../domain/purchasing/proposal';
import {
	nextRequisitionNumbers,
	requisitionEventSchema,
	requisitionSchema,
	type Requisition,
	type RequisitionSource
} from '../../domain/purchasing/requisition';
import { readWarehouses } from '../../doc/catalog-doc';
import { ensureOrdersSchema } from '../../doc/orders-doc';
import {
	appendRequisitionEvent,
	writeNewPurchaseOrder,
	writeNewRequisition
} from '../../doc/purchasing-doc';
import { requireRecordWriter } from '../access';
import { commandOrigin, type CommandContext } from '../context';
import { boardOf } from '../orders/read';
import { planPurchaseOrder } from './purchase-orders';
import { purchasingView, requireSupplier, type PurchasingView } from './read';
import { requirePurchasing } from './suppliers';

export interface RequisitionInput {
	itemId: string;
	warehouseId: string;
	qty: number;
	/** YYYY-MM-DD */
	needDate: string;
	supplierId?: string;
	source?: RequisitionSource;
	note?: string;
}

const round = (q: number): number => Math.round(q * 1e6) / 1e6;

/** Open PO quantity plus open requisitions per `item|warehouse`: supply already on its way. */
export function incomingSupply(view: PurchasingView): Map<string, number> {
	const out = new Map<string, number>();
	const add = (k: string, q: number) => out.set(k, round((out.get(k) ?? 0) + q));
	for (const { po, fold } of view.orders)
		for (const line of po.lines)
			add(`${line.itemId}|${po.warehouseId}`, incomingQty(fold, line.id));
	for (const { requisition: r, fold } of view.requisitions)
		if (fold.status === 'open') add(`${r.itemId}|${r.warehouseId}`, r.qty);
	return out;
}

/** Reorder proposals for one warehouse: ATP (on hand − open reservations) + incoming supply. */
export function proposeForWarehouse(
	ctx: CommandContext,
	input: { warehouseId: string; today: string }
): ProposalGroup[] {
	const view = purchasingView(ctx);
	const atp = boardOf(ctx).atp;
	const incoming = incomingSupply(view);
	return proposeRequisitions({
		items: view.items,
		warehouseId: input.warehouseId,
		available: (itemId) => atp.of(itemId, input.warehouseId).available,
		incoming: (itemId) => incoming.get(`${itemId}|${input.warehouseId}`) ?? 0,
		suppliers: view.suppliers,
		today: input.today
	});
}

/**
 * Creates requisitions in one transaction (all or nothing). Planning adds MRP-driven
 * requisitions through here with `source: 'mrp'`. Who may: the requisition record's writers
 * (admin, purchasing, production, warehouse); cancelling and converting stay purchasing's.
 */
export function createRequisitions(
	ctx: CommandContext,
	inputs: readonly RequisitionInput[]
): Requisition[] {
	// Requisitions are needs, not commitments: field-rights lets the departments that have them
	// (production's MRP, the warehouse's reorder points) raise them; POs stay purchasing's.
	requireRecordWriter(ctx, 'orders', 'requisition');
	if (inputs.length === 0) return [];
	const view = purchasingView(ctx);
	const warehouses = new Set(readWarehouses(ctx.docs.catalog).map((w) => w.id));
	const createdAt = ctx.clock.now();
	const numbers = nextRequisitionNumbers(
		view.requisitions.map((r) => r.requisition.number),
		deviceTag(ctx.clock.device),
		new Date(stampWallMs(createdAt)).getUTCFullYear(),
		inputs.length
	);
	const requisitions = inputs.map((input, i) => {
		if (!view.items.some((it) => it.id === input.itemId)) throw new UnknownItemError(input.itemId);
		if (!warehouses.has(input.warehouseId)) throw new UnknownWarehouseError(input.warehouseId);
		if (input.supplierId) requireSupplier(view, input.supplierId);
		return parseOrThrow(requisitionSchema, {
			...input,
			supplierId: input.supplierId ?? '',
			id: ctx.ids.next(),
			number: numbers[i],
			createdAt,
			createdBy: ctx.user
		});
	});
	const doc = ctx.docs.shared('orders');
	doc.transact(
		() => {
			ensureOrdersSchema(doc);
			for (const r of requisitions) writeNewRequisition(doc, r);
		},
		commandOrigin(ctx, 'createRequisitions')
	);
	return requisitions;
}

export function cancelRequisition(ctx: CommandContext, id: string, reason = ''): void {
	requirePurchasing(ctx, 'orders');
	const found = purchasingView(ctx).requisitions.find((r) => r.requisition.id === id);
	if (!found) throw new InvalidFieldError('requisitionId', 'unknown');
	if (found.fold.status !== 'open') throw new InvalidTransitionError(found.fold.status, 'cancel');
	const event = parseOrThrow(requisitionEventSchema, {
		id: ctx.ids.next(),
		at: ctx.clock.now(),
		type: 'cancel',
		by: ctx.user,
		device: ctx.clock.device,
		payload: { reason }
	});
	const doc = ctx.docs.shared('orders');
	doc.transact(
		() => {
			ensureOrdersSchema(doc);
			appendRequisitionEvent(doc, id, event);
		},
		commandOrigin(ctx, 'cancelRequisition')
	);
}

/**
 * Turns open requisitions into draft POs, one per supplier × warehouse, priced from the price
 * list; every requisition gets a `convert` event naming its PO. One transaction.
 */
export function convertRequisitions(
	ctx: CommandContext,
	ids: readonly string[],
	options: { orderDate: string }
): { poIds: string[] } {
	requirePurchasing(ctx, 'orders');
	const view = purchasingView(ctx);
	const chosen = ids.map((id) => {
		const found = view.requisitions.find((r) => r.requisition.id === id);
		if (!found) throw new InvalidFieldError('requisitionId', 'unknown');
		if (found.fold.status !== 'open')
			throw new InvalidTransitionError(found.fold.status, 'convert');
		if (!found.requisition.supplierId) throw new InvalidFieldError('supplierId', 'required');
		return found.requisition;
	});
	const groups = new Map<string, typeof chosen>();
	for (const r of chosen) {
		const k = `${r.supplierId}|${r.warehouseId}`;
		groups.set(k, [...(groups.get(k) ?? []), r]);
	}
	const taken = view.orders.map((o) => o.po.number);
	const planned = [...groups.values()].map((reqs) => {
		const first = reqs[0];
		if (!first) throw new InvalidFieldError('requisitions', 'required');
		const plan = planPurchaseOrder(
			ctx,
			view,
			{
				supplierId: first.supplierId,
				warehouseId: first.warehouseId,
				orderDate: options.orderDate,
				lines: reqs.map((r) => ({
					itemId: r.itemId,
					qty: r.qty,
					requisitionId: r.id,
					promisedDate: r.needDate > options.orderDate ? r.needDate : undefined
				}))
			},
			taken
		);
		const events = reqs.map((r) => ({
			requisitionId: r.id,
			event: parseOrThrow(requisitionEventSchema, {
				id: ctx.ids.next(),
				at: ctx.clock.now(),
				type: 'convert',
				by: ctx.user,
				device: ctx.clock.device,
				payload: { poId: plan.header.id, poNumber: plan.header.number }
			})
		}));
		return { ...plan, events };
	});
	const doc = ctx.docs.shared('orders');
	doc.transact(
		() => {
			ensureOrdersSchema(doc);
			for (const p of planned) {
				writeNewPurchaseOrder(doc, p.header, p.lines);
				for (const e of p.events) appendRequisitionEvent(doc, e.requisitionId, e.event);
			}
		},
		commandOrigin(ctx, 'convertRequisitions')
	);
	return { poIds: planned.map((p) => p.header.id) };
}
