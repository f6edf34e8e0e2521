// Requests for quotation (詢價): ask several suppliers for prices on some items, record each
// answer (typed, or the supplier's price list imported: rfq-import.ts), compare them with the
// ranking, and award lines to one supplier, which writes its draft purchase order at the quoted
// price (the planned price stays the price list's, so the saving KPI shows what the RFQ won).

import { z } from 'zod';
import { stampWallMs } from '../../domain/clock/hlc';
import {
	InvalidFieldError,
	InvalidTransitionError,
	UnknownItemError,
	UnknownWarehouseError
} from '../../domain/errors';
import { deviceTag } from '../../domain/orders/number';
import { parseOrThrow } from '../../domain/parse';
import { unitPriceAt } from '../../domain/purchasing/price-list';
import { addDays } from '../../domain/purchasing/qualification';
import { requisitionEventSchema } from '../../domain/purchasing/requisition';
import {
	RFQ_EVENT_PAYLOADS,
	nextRfqNumber,
	rfqEventSchema,
	rfqHeaderSchema,
	rfqLineSchema,
	type Rfq,
	type RfqEvent,
	type RfqEventType,
	type RfqHeader
} from '../../domain/purchasing/rfq';
import { foldRfq, quoteEntry, type RfqFold } from '../../domain/purchasing/rfq-fold';
import { orderQuantity } from '../../domain/purchasing/supplier';
import { readWarehouses } from '../../doc/catalog-doc';
import { ensureOrdersSchema } from '../../doc/orders-doc';
import { appendRequisitionEvent, writeNewPurchaseOrder } from '../../doc/purchasing-doc';
import { appendRfqEvent, readRfqs, writeNewRfq } from '../../doc/rfq-doc';
import { commandOrigin, type CommandContext } from '../context';
import { planPurchaseOrder } from './purchase-orders';
import { purchasingView, requireSupplier } from './read';
import { requirePurchasing, setPrices } from './suppliers';

export interface FoldedRfq {
	rfq: Rfq;
	fold: RfqFold;
}

export function readFoldedRfqs(ctx: Pick<CommandContext, 'docs'>): FoldedRfq[] {
	return readRfqs(ctx.docs.shared('orders')).rfqs.map((rfq) => ({ rfq, fold: foldRfq(rfq) }));
}

export function requireRfq(ctx: Pick<CommandContext, 'docs'>, rfqId: string): FoldedRfq {
	const found = readFoldedRfqs(ctx).find((r) => r.rfq.id === rfqId);
	if (!found) throw new InvalidFieldError('rfqId', 'unknown');
	return found;
}

export interface RfqInput {
	warehouseId: string;
	needDate: string;
	replyBy?: string;
	supplierIds: string[];
	note?: string;
	lines: { itemId: string; qty: number; requisitionId?: string }[];
}

export function createRfq(ctx: CommandContext, input: RfqInput): RfqHeader {
	requirePurchasing(ctx, 'orders');
	const view = purchasingView(ctx);
	if (!readWarehouses(ctx.docs.catalog).some((w) => w.id === input.warehouseId))
		throw new UnknownWarehouseError(input.warehouseId);
	const supplierIds = [...new Set(input.supplierIds)];
	if (supplierIds.length === 0) throw new InvalidFieldError('supplierIds', 'required');
	for (const s of supplierIds) requireSupplier(view, s);
	if (input.lines.length === 0) throw new InvalidFieldError('lines', 'required');
	const lines = input.lines.map((l) => {
		if (!view.items.some((i) => i.id === l.itemId)) throw new UnknownItemError(l.itemId);
		return parseOrThrow(rfqLineSchema, { ...l, id: ctx.ids.next() });
	});
	const createdAt = ctx.clock.now();
	const header = parseOrThrow(rfqHeaderSchema, {
		id: ctx.ids.next(),
		number: nextRfqNumber(
			readFoldedRfqs(ctx).map((r) => r.rfq.number),
			deviceTag(ctx.clock.device),
			new Date(stampWallMs(createdAt)).getUTCFullYear()
		),
		warehouseId: input.warehouseId,
		needDate: input.needDate,
		replyBy: input.replyBy ?? '',
		supplierIds,
		note: input.note ?? '',
		createdAt,
		createdBy: ctx.user
	});
	const doc = ctx.docs.shared('orders');
	doc.transact(
		() => {
			ensureOrdersSchema(doc);
			writeNewRfq(doc, header, lines);
		},
		commandOrigin(ctx, 'createRfq')
	);
	return header;
}

function newEvent<T extends RfqEventType>(
	ctx: CommandContext,
	type: T,
	payload: z.input<(typeof RFQ_EVENT_PAYLOADS)[T]>
): RfqEvent {
	return parseOrThrow(rfqEventSchema, {
		id: ctx.ids.next(),
		at: ctx.clock.now(),
		type,
		by: ctx.user,
		device: ctx.clock.device,
		payload
	});
}

function append(ctx: CommandContext, rfqId: string, event: RfqEvent, command: string): RfqEvent {
	const doc = ctx.docs.shared('orders');
	doc.transact(
		() => {
			ensureOrdersSchema(doc);
			appendRfqEvent(doc, rfqId, event);
		},
		commandOrigin(ctx, command)
	);
	return event;
}

function requireOpen(ctx: CommandContext, rfqId: string, action: string): FoldedRfq {
	requirePurchasing(ctx, 'orders');
	const found = requireRfq(ctx, rfqId);
	if (found.fold.status === 'cancelled' || found.fold.status === 'awarded')
		throw new InvalidTransitionError(found.fold.status, action);
	return found;
}

/** Marks the request sent (printed or mailed to the suppliers asked). */
export function sendRfq(ctx: CommandContext, rfqId: string, channel = ''): RfqEvent {
	requireOpen(ctx, rfqId, 'send');
	return append(ctx, rfqId, newEvent(ctx, 'send', { channel }), 'sendRfq');
}

export type QuoteInput = z.input<(typeof RFQ_EVENT_PAYLOADS)['quote']>;

/** A supplier's quote (replaces its earlier one); every line must be on the request. */
export function recordQuote(ctx: CommandContext, rfqId: string, quote: QuoteInput): RfqEvent {
	const { rfq } = requireOpen(ctx, rfqId, 'quote');
	requireSupplier(purchasingView(ctx), quote.supplierId);
	const lineIds = new Set(rfq.lines.map((l) => l.id));
	for (const l of quote.lines)
		if (!lineIds.has(l.lineId)) throw new InvalidFieldError('lineId', 'not on this request');
	const event = newEvent(ctx, 'quote', quote);
	return append(ctx, rfqId, event, 'recordQuote');
}

export function cancelRfq(ctx: CommandContext, rfqId: string, reason: string): RfqEvent {
	const found = requireOpen(ctx, rfqId, 'cancel');
	if (found.fold.awards.size > 0) throw new InvalidTransitionError('awarded', 'cancel');
	if (!reason.trim()) throw new InvalidFieldError('reason', 'required');
	return append(ctx, rfqId, newEvent(ctx, 'cancel', { reason: reason.trim() }), 'cancelRfq');
}

/**
 * Gives lines (default: every line not yet awarded that the supplier quoted) to a supplier:
 * one draft PO at the quoted prices, the `award` event, and `convert` on the lines'
 * requisitions, in one transaction; then the quote enters the price list (source `quote`).
 */
export function awardRfq(
	ctx: CommandContext,
	rfqId: string,
	input: { supplierId: string; orderDate: string; lineIds?: string[] }
): { poId: string; poNumber: string } {
	const { rfq, fold } = requireOpen(ctx, rfqId, 'award');
	const quote = fold.quotes.get(input.supplierId);
	if (!quote) throw new InvalidFieldError('supplierId', 'no quote from this supplier');
	const wanted = input.lineIds ?? rfq.lines.map((l) => l.id);
	const lines = rfq.lines.filter(
		(l) => wanted.includes(l.id) && !fold.awards.has(l.id) && quoteEntry(rfq.id, l, quote)
	);
	if (lines.length === 0) throw new InvalidFieldError('lineIds', 'nothing to award');
	const view = purchasingView(ctx);
	const priced = lines.map((l) => {
		const q = quoteEntry(rfq.id, l, quote);
		if (!q) throw new InvalidFieldError('lineIds', 'not quoted');
		const qty = orderQuantity(l.qty, q.terms);
		const arrives = addDays(input.orderDate, q.terms.leadTimeDays);
		return {
			line: l,
			entry: q.entry,
			draft: {
				itemId: l.itemId,
				qty,
				unitPriceCents: unitPriceAt(q.entry, qty),
				promisedDate: arrives > rfq.needDate ? arrives : rfq.needDate,
				requisitionId: l.requisitionId || undefined
			}
		};
	});
	const plan = planPurchaseOrder(
		ctx,
		view,
		{
			supplierId: input.supplierId,
			warehouseId: rfq.warehouseId,
			orderDate: input.orderDate,
			currency: quote.currency,
			notes: rfq.number,
			lines: priced.map((p) => p.draft)
		},
		view.orders.map((o) => o.po.number)
	);
	const award = newEvent(ctx, 'award', {
		supplierId: input.supplierId,
		lineIds: lines.map((l) => l.id),
		poId: plan.header.id,
		poNumber: plan.header.number
	});
	const openReqs = new Set(
		view.requisitions.filter((r) => r.fold.status === 'open').map((r) => r.requisition.id)
	);
	const converts = lines
		.filter((l) => l.requisitionId && openReqs.has(l.requisitionId))
		.map((l) => ({
			id: l.requisitionId,
			event: parseOrThrow(requisitionEventSchema, {
				id: ctx.ids.next(),
				at: ctx.clock.now(),
				type: 'convert',
				by: ctx.user,
				device: ctx.clock.device,
				payload: { poId: plan.header.id, poNumber: plan.header.number }
			})
		}));
	const doc = ctx.docs.shared('orders');
	doc.transact(
		() => {
			ensureOrdersSchema(doc);
			writeNewPurchaseOrder(doc, plan.header, plan.lines);
			appendRfqEvent(doc, rfqId, award);
			for (const c of converts) appendRequisitionEvent(doc, c.id, c.event);
		},
		commandOrigin(ctx, 'awardRfq')
	);
	setPrices(
		ctx,
		priced.map((p) => {
			const { id: _id, ...entry } = p.entry;
			return { ...entry, note: rfq.number };
		})
	);
	return { poId: plan.header.id, poNumber: plan.header.number };
}
