// Transfer commands: create a draft, dispatch (stock leaves A into the in-transit position),
// receive at B (what arrived moves from in transit to B; what is short stays in transit),
// resolve a shortage (write-off, return to A, found later) and cancel a draft. Each appends one
// event to the `orders` doc and writes that event's postings to the ledgers (events.ts).
// Status checks use this device's merged view; the fold settles races, and `reconcileTransfer`
// (reconcile.ts) writes whatever the settled fold still needs (reversals of overruled events).

import { stampWallMs } from '../../domain/clock/hlc';
import { dayTaggedNumber } from '../../domain/ids';
import { InvalidFieldError } from '../../domain/errors';
import { checkAvailable, resolvePlace, resolveTarget } from '../../domain/ledger/validate';
import { parseOrThrow } from '../../domain/parse';
import { TransferStatusError } from '../../domain/transfers/errors';
import {
	lineKeyOf,
	plannedLineSchema,
	transferHeaderSchema,
	type DispatchLine,
	type PlannedLine,
	type ReceiveLine,
	type ResolutionKind,
	type TransferEvent,
	type TransferHeader
} from '../../domain/transfers/transfer';
import { ensureOrdersSchema } from '../../doc/orders-doc';
import { writeNewTransfer } from '../../doc/transfers-doc';
import { catalogIndexOf, currentBalances, requireRecord, requireWrite } from '../access';
import { commandOrigin, type CommandContext } from '../context';
import { commitTransferEvent, ORDERS, ordersDoc, requireTransfer } from './events';

export interface CreateTransferInput {
	fromWarehouseId: string;
	toWarehouseId: string;
	lines: PlannedLine[];
	note?: string;
}

export function createTransfer(ctx: CommandContext, input: CreateTransferInput): TransferHeader {
	requireWrite(ctx, ORDERS);
	requireRecord(ctx, 'transfer');
	const catalog = catalogIndexOf(ctx);
	resolvePlace(catalog, { warehouseId: input.fromWarehouseId });
	resolvePlace(catalog, { warehouseId: input.toWarehouseId });
	if (input.fromWarehouseId === input.toWarehouseId)
		throw new InvalidFieldError('toWarehouseId', 'same as the source');
	if (input.lines.length === 0) throw new InvalidFieldError('lines', 'at least one line');
	const lines = input.lines.map((l) => {
		resolveTarget(catalog, { itemId: l.itemId, warehouseId: input.fromWarehouseId });
		return parseOrThrow(plannedLineSchema, { ...l, lot: l.lot || undefined });
	});
	const id = ctx.ids.next();
	const at = ctx.clock.now();
	const header = parseOrThrow(transferHeaderSchema, {
		id,
		number: dayTaggedNumber('TRF', id, stampWallMs(at)),
		fromWarehouseId: input.fromWarehouseId,
		toWarehouseId: input.toWarehouseId,
		note: input.note ?? '',
		createdAt: at,
		createdBy: ctx.user
	});
	const doc = ordersDoc(ctx);
	doc.transact(
		() => {
			ensureOrdersSchema(doc);
			writeNewTransfer(doc, header, lines);
		},
		commandOrigin(ctx, 'createTransfer')
	);
	return header;
}

export interface DispatchInput {
	/** What actually left; defaults to the planned lines without bins. */
	lines?: DispatchLine[];
}

export function dispatchTransfer(
	ctx: CommandContext,
	transferId: string,
	input: DispatchInput = {}
): TransferEvent {
	const { transfer, fold } = requireTransfer(ctx, transferId);
	if (fold.status !== 'draft') throw new TransferStatusError(fold.status, 'dispatch');
	const lines: DispatchLine[] = input.lines ?? transfer.lines.map((l) => ({ ...l }));
	const catalog = catalogIndexOf(ctx);
	const stock = currentBalances(ctx);
	for (const l of lines) {
		resolveTarget(catalog, {
			itemId: l.itemId,
			warehouseId: transfer.fromWarehouseId,
			locationId: l.fromLocationId
		});
		checkAvailable(
			stock,
			{
				itemId: l.itemId,
				warehouseId: transfer.fromWarehouseId,
				locationId: l.fromLocationId || undefined,
				lot: l.lot || undefined
			},
			l.qty
		);
	}
	return commitTransferEvent(ctx, transfer, 'dispatch', { lines }, 'dispatchTransfer');
}

export function receiveTransfer(
	ctx: CommandContext,
	transferId: string,
	lines: ReceiveLine[]
): TransferEvent {
	const { transfer, fold } = requireTransfer(ctx, transferId);
	if (fold.status !== 'in-transit') throw new TransferStatusError(fold.status, 'receive');
	const catalog = catalogIndexOf(ctx);
	const received = new Map<string, number>();
	for (const l of lines) {
		resolvePlace(catalog, { warehouseId: transfer.toWarehouseId, locationId: l.toLocationId });
		const key = lineKeyOf(l);
		received.set(key, (received.get(key) ?? 0) + l.qtyReceived);
	}
	for (const [key, qty] of received) {
		const line = fold.lines.find(
			(s) => lineKeyOf({ itemId: s.itemId, lot: s.lot || undefined }) === key
		);
		if (!line) throw new InvalidFieldError('lines', 'not on this transfer');
		if (qty > line.dispatched) throw new InvalidFieldError('qtyReceived', 'more than dispatched');
	}
	const expiries = new Map(
		(fold.dispatch?.payload.lines ?? []).map((l) => [lineKeyOf(l), l.expiry])
	);
	const withExpiry = lines.map((l) => {
		const expiry = expiries.get(lineKeyOf(l));
		return { ...l, lot: l.lot || undefined, ...(expiry ? { expiry } : {}) };
	});
	return commitTransferEvent(ctx, transfer, 'receive', { lines: withExpiry }, 'receiveTransfer');
}

export interface ResolveInput {
	itemId: string;
	lot?: string;
	kind: ResolutionKind;
	qty: number;
	note?: string;
}

export function resolveTransferDiscrepancy(
	ctx: CommandContext,
	transferId: string,
	input: ResolveInput
): TransferEvent {
	const { transfer, fold } = requireTransfer(ctx, transferId);
	if (fold.status !== 'received-with-discrepancy')
		throw new TransferStatusError(fold.status, 'resolve');
	const key = lineKeyOf({ itemId: input.itemId, lot: input.lot || undefined });
	const line = fold.lines.find(
		(s) => lineKeyOf({ itemId: s.itemId, lot: s.lot || undefined }) === key
	);
	if (!line || line.short <= 0) throw new InvalidFieldError('itemId', 'nothing short');
	if (!(input.qty > 0) || input.qty > line.short)
		throw new InvalidFieldError('qty', 'more than short');
	if (input.kind === 'write-off' && !(input.note ?? '').trim())
		throw new InvalidFieldError('note', 'required');
	// Stock goes back to the bin it left from, or to the bin the rest was received into.
	const locationId =
		input.kind === 'return-to-source'
			? fold.dispatch?.payload.lines.find((l) => lineKeyOf(l) === key)?.fromLocationId
			: input.kind === 'found-later'
				? fold.receipt?.payload.lines.find((l) => lineKeyOf(l) === key)?.toLocationId
				: undefined;
	return commitTransferEvent(
		ctx,
		transfer,
		'resolve',
		{
			itemId: input.itemId,
			lot: input.lot || undefined,
			kind: input.kind,
			qty: input.qty,
			note: (input.note ?? '').trim(),
			locationId
		},
		'resolveTransferDiscrepancy'
	);
}

export function cancelTransfer(
	ctx: CommandContext,
	transferId: string,
	reason = ''
): TransferEvent {
	const { transfer, fold } = requireTransfer(ctx, transferId);
	if (fold.status !== 'draft') throw new TransferStatusError(fold.status, 'cancel');
	return commitTransferEvent(ctx, transfer, 'cancel', { reason }, 'cancelTransfer');
}
