// Purchase-order commands: create and edit drafts (priced from the price list, promised dates
// from lead times), approve by the approval rule, send, cancel, close, amend after approval.
// Each status change appends one event; the state machine settles concurrent ones on merge.

import type { z } from 'zod';
import { stampWallMs } from '../../domain/clock/hlc';
import {
	InvalidFieldError,
	InvalidTransitionError,
	UnknownItemError,
	UnknownWarehouseError
} from '../../domain/errors';
import { deviceTag } from '../../domain/orders/number';
import { parseOrThrow } from '../../domain/parse';
import { decideApproval } from '../../domain/purchasing/approval';
import { nextPoStatus, type PoStatusEvent } from '../../domain/purchasing/po-state-machine';
import { applicableEntry, unitPriceAt } from '../../domain/purchasing/price-list';
import {
	PO_EVENT_PAYLOADS,
	nextPoNumber,
	poEventSchema,
	poHeaderSchema,
	poLineSchema,
	poTotals,
	type PoEvent,
	type PoEventType,
	type PoHeader,
	type PoLine
} from '../../domain/purchasing/purchase-order';
import { addDays } from '../../domain/purchasing/qualification';
import { suppliedItem, type Currency } from '../../domain/purchasing/supplier';
import { readWarehouses } from '../../doc/catalog-doc';
import { ensureOrdersSchema } from '../../doc/orders-doc';
import {
	appendPoEvent,
	purchaseOrderMap,
	writeNewPurchaseOrder,
	writePurchaseOrderDraft
} from '../../doc/purchasing-doc';
import { requireWrite } from '../access';
import { commandOrigin, type CommandContext } from '../context';
import { checkFarEvents, eventStampFor, eventStampsOf, eventEnvelope } from '../far-events';
import { ApprovalRefusedError, UnknownPurchaseOrderError } from './errors';
import { purchasingView, requirePurchaseOrder, requireSupplier, type PurchasingView } from './read';
import { requirePurchasing } from './suppliers';

export interface PoLineDraft {
	id?: string;
	itemId: string;
	qty: number;
	/** Absent: the price list's price at this quantity on the order date. */
	unitPriceCents?: number;
	/** Absent: order date + the supplier's lead time for the item. */
	promisedDate?: string;
	taxRate?: number;
	requisitionId?: string;
}

export interface PoDraftInput {
	supplierId: string;
	warehouseId: string;
	/** YYYY-MM-DD, the local day. */
	orderDate: string;
	currency?: Currency;
	notes?: string;
	overReceiptTolerancePct?: number;
	lines: PoLineDraft[];
}

function buildLines(ctx: CommandContext, view: PurchasingView, input: PoDraftInput): PoLine[] {
	const supplier = requireSupplier(view, input.supplierId);
	if (!readWarehouses(ctx.docs.catalog).some((w) => w.id === input.warehouseId))
		throw new UnknownWarehouseError(input.warehouseId);
	if (input.lines.length === 0) throw new InvalidFieldError('lines', 'required');
	return input.lines.map((l) => {
		const item = view.items.find((i) => i.id === l.itemId);
		if (!item) throw new UnknownItemError(l.itemId);
		const entry = applicableEntry(view.priceList, supplier.id, item.id, input.orderDate);
		const listPrice = entry ? unitPriceAt(entry, l.qty) : null;
		const [plannedUnitPriceCents, plannedSource] =
			listPrice !== null
				? [listPrice, 'price-list']
				: item.standardCostCents > 0
					? [item.standardCostCents, 'standard-cost']
					: [0, 'none'];
		const lead = suppliedItem(supplier, item.id)?.leadTimeDays ?? 7;
		return parseOrThrow(poLineSchema, {
			id: l.id ?? ctx.ids.next(),
			itemId: item.id,
			qty: l.qty,
			unitPriceCents: l.unitPriceCents ?? listPrice ?? item.standardCostCents,
			promisedDate: l.promisedDate || addDays(input.orderDate, lead),
			taxRate: l.taxRate ?? 0.05,
			plannedUnitPriceCents,
			plannedSource,
			requisitionId: l.requisitionId ?? ''
		});
	});
}

/** Header and lines of a new draft PO, validated, not written (conversion batches several). */
export function planPurchaseOrder(
	ctx: CommandContext,
	view: PurchasingView,
	input: PoDraftInput,
	taken: string[]
): { header: PoHeader; lines: PoLine[] } {
	const lines = buildLines(ctx, view, input);
	const supplier = requireSupplier(view, input.supplierId);
	const createdAt = ctx.clock.now();
	const year = new Date(stampWallMs(createdAt)).getUTCFullYear();
	const number = nextPoNumber(taken, deviceTag(ctx.clock.device), year);
	taken.push(number);
	const header = parseOrThrow(poHeaderSchema, {
		id: ctx.ids.next(),
		number,
		supplierId: supplier.id,
		warehouseId: input.warehouseId,
		currency: input.currency ?? supplier.currency,
		orderDate: input.orderDate,
		notes: input.notes ?? '',
		overReceiptTolerancePct: input.overReceiptTolerancePct ?? view.policy.overReceiptTolerancePct,
		createdAt,
		createdBy: ctx.user
	});
	return { header, lines };
}

export function createPurchaseOrder(ctx: CommandContext, input: PoDraftInput): PoHeader {
	requirePurchasing(ctx, 'orders');
	const view = purchasingView(ctx);
	const { header, lines } = planPurchaseOrder(
		ctx,
		view,
		input,
		view.orders.map((o) => o.po.number)
	);
	const doc = ctx.docs.shared('orders');
	doc.transact(
		() => {
			ensureOrdersSchema(doc);
			writeNewPurchaseOrder(doc, header, lines);
		},
		commandOrigin(ctx, 'createPurchaseOrder')
	);
	return header;
}

export function updateDraftPurchaseOrder(
	ctx: CommandContext,
	poId: string,
	input: PoDraftInput
): void {
	requirePurchasing(ctx, 'orders');
	const view = purchasingView(ctx);
	const current = requirePurchaseOrder(view, poId);
	if (current.fold.status !== 'draft')
		throw new InvalidTransitionError(current.fold.status, 'edit');
	const lines = buildLines(ctx, view, input);
	const doc = ctx.docs.shared('orders');
	const map = purchaseOrderMap(doc, poId);
	if (!map) throw new UnknownPurchaseOrderError(poId);
	doc.transact(
		() => {
			ensureOrdersSchema(doc);
			writePurchaseOrderDraft(
				map,
				{
					supplierId: input.supplierId,
					warehouseId: input.warehouseId,
					orderDate: input.orderDate,
					notes: input.notes ?? ''
				},
				lines
			);
		},
		commandOrigin(ctx, 'updateDraftPurchaseOrder')
	);
}

/**
 * Appends one event to a PO (rights are checked by the caller). A PO whose log holds an event
 * stamped far ahead of the relay's time takes one only from an admin who confirms
 * (commands/far-events.ts).
 */
export function appendPurchaseOrderEvent<T extends PoEventType>(
	ctx: CommandContext,
	poId: string,
	type: T,
	payload: z.input<(typeof PO_EVENT_PAYLOADS)[T]>,
	command: string
): PoEvent {
	requireWrite(ctx, 'orders');
	const doc = ctx.docs.shared('orders');
	const map = purchaseOrderMap(doc, poId);
	if (!map) throw new UnknownPurchaseOrderError(poId);
	const at = eventStampFor(ctx, eventStampsOf(doc, 'purchaseOrders', poId));
	const event = parseOrThrow(poEventSchema, eventEnvelope(ctx, at, type, payload));
	doc.transact(
		() => {
			ensureOrdersSchema(doc);
			appendPoEvent(map, event);
		},
		commandOrigin(ctx, command)
	);
	return event;
}

/** The far-stamp gate before the movements that precede a PO event (receipts, returns). */
export function checkPoFarStamps(ctx: CommandContext, poId: string): void {
	checkFarEvents(ctx, eventStampsOf(ctx.docs.shared('orders'), 'purchaseOrders', poId));
}

function checkTransition(ctx: CommandContext, poId: string, type: PoStatusEvent): PurchasingView {
	requirePurchasing(ctx, 'orders');
	const view = purchasingView(ctx);
	const current = requirePurchaseOrder(view, poId);
	if (!nextPoStatus(current.fold.status, type))
		throw new InvalidTransitionError(current.fold.status, type);
	return view;
}

/**
 * Approves a draft when the rule allows: the role's limit covers the net amount (in base
 * currency) and no mandatory qualification of the supplier has expired by `today`.
 */
export function approvePurchaseOrder(
	ctx: CommandContext,
	poId: string,
	options: { today: string }
): PoEvent {
	const view = checkTransition(ctx, poId, 'approve');
	const { po } = requirePurchaseOrder(view, poId);
	const decision = decideApproval({
		role: ctx.role,
		amountCents: poTotals(po.lines).netCents,
		currency: po.currency,
		supplier: requireSupplier(view, po.supplierId),
		today: options.today,
		policy: view.policy
	});
	if (!decision.ok) throw new ApprovalRefusedError(decision.refusal);
	return appendPurchaseOrderEvent(
		ctx,
		poId,
		'approve',
		{ amountCents: decision.amountCents, role: ctx.role },
		'approvePurchaseOrder'
	);
}

export function sendPurchaseOrder(ctx: CommandContext, poId: string, channel = ''): PoEvent {
	checkTransition(ctx, poId, 'send');
	return appendPurchaseOrderEvent(ctx, poId, 'send', { channel }, 'sendPurchaseOrder');
}

export function cancelPurchaseOrder(ctx: CommandContext, poId: string, reason: string): PoEvent {
	checkTransition(ctx, poId, 'cancel');
	if (!reason.trim()) throw new InvalidFieldError('reason', 'required');
	return appendPurchaseOrderEvent(
		ctx,
		poId,
		'cancel',
		{ reason: reason.trim() },
		'cancelPurchaseOrder'
	);
}

export function closePurchaseOrder(ctx: CommandContext, poId: string, reason = ''): PoEvent {
	checkTransition(ctx, poId, 'close');
	return appendPurchaseOrderEvent(ctx, poId, 'close', { reason }, 'closePurchaseOrder');
}

/** A change after approval (quantity, price, promised date), kept as an event with its reason. */
export function amendPurchaseOrderLine(
	ctx: CommandContext,
	poId: string,
	change: {
		lineId: string;
		qty?: number;
		unitPriceCents?: number;
		promisedDate?: string;
		reason: string;
	}
): PoEvent {
	requirePurchasing(ctx, 'orders');
	const current = requirePurchaseOrder(purchasingView(ctx), poId);
	if (!['approved', 'sent', 'partially-received'].includes(current.fold.status))
		throw new InvalidTransitionError(current.fold.status, 'amend');
	if (!current.fold.lines.has(change.lineId)) throw new InvalidFieldError('lineId', 'unknown line');
	return appendPurchaseOrderEvent(ctx, poId, 'amend', change, 'amendPurchaseOrderLine');
}
