// Transfer commands: create a draft, dispatch (stock leaves A into the in-transit position),
// receive at B (what arrived moves from in transit to B; what is short stays in transit),
// resolve a shortage (write-off, return to A, found later) and cancel a draft. Each appends one
// event to the `orders` doc and writes that event's postings (postings.ts) to the ledgers.
// Status checks use this device's merged view; the fold settles races, and `reconcileTransfer`
// writes whatever the settled fold still needs (reversals of overruled events).

import { stampWallMs } from '../../domain/clock/hlc';
import { FarStampError, InvalidFieldError } from '../../domain/errors';
import { farAheadEvent, stampAfter } from '../../domain/transfers/far-stamps';
import { checkAvailable, resolvePlace, resolveTarget } from '../../domain/ledger/validate';
import type { Movement } from '../../domain/ledger/movement';
import { parseOrThrow } from '../../domain/parse';
import { TransferStatusError, UnknownTransferError } from '../../domain/transfers/errors';
import { missingPostings, postingsOf } from '../../domain/transfers/postings';
import { foldTransfer, type TransferFold } from '../../domain/transfers/state-machine';
import {
	lineKeyOf,
	parseTransferEvent,
	plannedLineSchema,
	transferHeaderSchema,
	type DispatchLine,
	type PlannedLine,
	type ReceiveLine,
	type ResolutionKind,
	type Transfer,
	type TransferEvent,
	type TransferEventType,
	type TransferHeader
} from '../../domain/transfers/transfer';
import { ensureOrdersSchema } from '../../doc/orders-doc';
import {
	appendTransferEvent,
	readTransfer,
	readTransfers,
	writeNewTransfer
} from '../../doc/transfers-doc';
import {
	catalogIndexOf,
	currentBalances,
	requireEvent,
	requireRecord,
	requireWrite,
	requireWriteKind
} from '../access';
import { commandOrigin, type CommandContext } from '../context';
import { openPeriodPostings, writeLedgerPostings } from '../ledger-postings';
import { ledgerMovements } from '../ledger-cache';

const ORDERS = 'orders';

export interface CreateTransferInput {
	fromWarehouseId: string;
	toWarehouseId: string;
	lines: PlannedLine[];
	note?: string;
}

function ordersDoc(ctx: CommandContext) {
	return ctx.docs.shared('orders');
}

function requireTransfer(
	ctx: CommandContext,
	id: string
): { transfer: Transfer; fold: TransferFold } {
	const transfer = readTransfer(ordersDoc(ctx), id);
	if (!transfer) throw new UnknownTransferError(id);
	return { transfer, fold: foldTransfer(transfer.events) };
}

/** `TRF-YYYYMMDD-XXXX`: the UTC day of the stamp and the id's last 4 chars. */
function transferNumber(id: string, stamp: string): string {
	const day = new Date(stampWallMs(stamp)).toISOString().slice(0, 10).replaceAll('-', '');
	return `TRF-${day}-${id.slice(-4).toUpperCase()}`;
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
		number: transferNumber(id, at),
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

export interface TransferEventOptions {
	/**
	 * An admin confirms acting on a transfer whose latest event is stamped far ahead of the
	 * relay's time (FarStampError); the event is then stamped just after it. Ignored for others.
	 */
	confirmFarStamps?: boolean;
}

/** Appends the event, then writes its postings (skipping any already in a ledger). */
function commit(
	ctx: CommandContext,
	transfer: Transfer,
	type: TransferEventType,
	payload: unknown,
	command: string,
	options: TransferEventOptions = {}
): TransferEvent {
	requireWrite(ctx, ORDERS);
	requireEvent(ctx, 'transfer', type);
	const far = ctx.timeMs ? farAheadEvent(transfer.events, ctx.timeMs()) : null;
	const mayConfirm = ctx.role === 'admin';
	if (far && !(mayConfirm && options.confirmFarStamps)) throw new FarStampError(1, mayConfirm);
	const now = ctx.clock.now();
	const event = parseTransferEvent({
		id: ctx.ids.next(),
		// Confirmed: after the far event, in the order people acted (domain/transfers/far-stamps).
		at: far && far.at > now ? stampAfter(far.at, ctx.clock.device) : now,
		type,
		by: ctx.user,
		device: ctx.clock.device,
		payload
	});
	if (!event) throw new InvalidFieldError('payload', 'invalid');
	const postings = postingsOf(transfer, event);
	if (postings.length > 0) requireWriteKind(ctx, 'ledger');
	const doc = ordersDoc(ctx);
	doc.transact(
		() => {
			ensureOrdersSchema(doc);
			appendTransferEvent(doc, transfer.id, event);
		},
		commandOrigin(ctx, command)
	);
	if (postings.length > 0) writeLedgerPostings(ctx, postings, command);
	return event;
}

export interface DispatchInput {
	/** What actually left; defaults to the planned lines without bins. */
	lines?: DispatchLine[];
}

export function dispatchTransfer(
	ctx: CommandContext,
	transferId: string,
	input: DispatchInput = {},
	options: TransferEventOptions = {}
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
	return commit(ctx, transfer, 'dispatch', { lines }, 'dispatchTransfer', options);
}

export function receiveTransfer(
	ctx: CommandContext,
	transferId: string,
	lines: ReceiveLine[],
	options: TransferEventOptions = {}
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
	return commit(ctx, transfer, 'receive', { lines: withExpiry }, 'receiveTransfer', options);
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
	input: ResolveInput,
	options: TransferEventOptions = {}
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
	return commit(
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
		'resolveTransferDiscrepancy',
		options
	);
}

export function cancelTransfer(
	ctx: CommandContext,
	transferId: string,
	reason = '',
	options: TransferEventOptions = {}
): TransferEvent {
	const { transfer, fold } = requireTransfer(ctx, transferId);
	if (fold.status !== 'draft') throw new TransferStatusError(fold.status, 'cancel');
	return commit(ctx, transfer, 'cancel', { reason }, 'cancelTransfer', options);
}

/**
 * Writes what the settled fold still needs in the ledgers: postings of applied events not yet
 * seen here and reversals of overruled ones. Deterministic, so devices reconciling the same
 * state write identical movements. Returns what was written.
 */
export function reconcileTransfer(ctx: CommandContext, transferId: string): Movement[] {
	const { transfer, fold } = requireTransfer(ctx, transferId);
	const missing = openPeriodPostings(ctx, missingPostings(transfer, fold, presentIds(ctx)));
	if (missing.length === 0) return [];
	return writeLedgerPostings(ctx, missing, 'reconcileTransfer');
}

/** `reconcileTransfer` for every transfer that has events, reading the ledgers once. */
export function reconcileTransfers(ctx: CommandContext): Movement[] {
	const present = presentIds(ctx);
	const missing = openPeriodPostings(
		ctx,
		readTransfers(ordersDoc(ctx)).transfers.flatMap((t) =>
			t.events.length === 0 ? [] : missingPostings(t, foldTransfer(t.events), present)
		)
	);
	if (missing.length === 0) return [];
	requireWrite(ctx, ORDERS);
	return writeLedgerPostings(ctx, missing, 'reconcileTransfer');
}

function presentIds(ctx: CommandContext): Set<string> {
	return new Set(ledgerMovements(ctx).map((m) => m.id));
}
