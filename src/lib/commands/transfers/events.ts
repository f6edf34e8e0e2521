// Appending one transfer event: rights, the far-stamp check (an admin may confirm acting after
// an event stamped far ahead of the relay's time), the event itself on the `orders` doc, then
// that event's postings (postings.ts) in the ledgers.

import { InvalidFieldError } from '../../domain/errors';
import { UnknownTransferError } from '../../domain/transfers/errors';
import { postingsOf } from '../../domain/transfers/postings';
import { foldTransfer, type TransferFold } from '../../domain/transfers/state-machine';
import {
	parseTransferEvent,
	type Transfer,
	type TransferEvent,
	type TransferEventType
} from '../../domain/transfers/transfer';
import { ensureOrdersSchema } from '../../doc/orders-doc';
import { appendTransferEvent, readTransfer } from '../../doc/transfers-doc';
import { requireEvent, requireWrite, requireWriteKind } from '../access';
import { commandOrigin, type CommandContext } from '../context';
import { eventStampFor, eventEnvelope } from '../far-events';
import { writeLedgerPostings } from '../ledger-postings';

export const ORDERS = 'orders';

export function ordersDoc(ctx: CommandContext) {
	return ctx.docs.shared('orders');
}

export function requireTransfer(
	ctx: CommandContext,
	id: string
): { transfer: Transfer; fold: TransferFold } {
	const transfer = readTransfer(ordersDoc(ctx), id);
	if (!transfer) throw new UnknownTransferError(id);
	return { transfer, fold: foldTransfer(transfer.events) };
}

/** Appends the event, then writes its postings (skipping any already in a ledger). */
export function commitTransferEvent(
	ctx: CommandContext,
	transfer: Transfer,
	type: TransferEventType,
	payload: unknown,
	command: string
): TransferEvent {
	requireWrite(ctx, ORDERS);
	requireEvent(ctx, 'transfer', type);
	// Confirmed (ctx.confirmFarStamps): after a far-ahead event, in the order people acted.
	const at = eventStampFor(
		ctx,
		transfer.events.map((e) => e.at)
	);
	const event = parseTransferEvent(eventEnvelope(ctx, at, type, payload));
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
