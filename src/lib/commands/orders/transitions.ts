// Status commands: confirm (with the ATP check), start picking, pack, cancel, deliver, and
// customer feedback. Each refuses locally what the state machine would not apply.

import { InvalidFieldError, InvalidTransitionError, OversellError } from '../../domain/errors';
import { planConfirmation } from '../../domain/orders/atp';
import type { OrderEvent } from '../../domain/orders/order';
import { canCloseShort, nextStatus, type StatusEventType } from '../../domain/orders/state-machine';
import type { CommandContext } from '../context';
import { appendEvent } from './events';
import { boardOf, requireOrder } from './read';

function checkTransition(ctx: CommandContext, orderId: string, type: StatusEventType): void {
	const current = requireOrder(boardOf(ctx), orderId);
	if (!nextStatus(current.fold.status, type))
		throw new InvalidTransitionError(current.fold.status, type);
}

export interface ConfirmOptions {
	/** Confirm anyway, reserving what is available and back-ordering the rest. */
	backorder?: boolean;
}

/**
 * Reserves each line against available-to-promise in the order's warehouse. More than is
 * available throws OversellError unless `backorder` is set.
 */
export function confirmOrder(
	ctx: CommandContext,
	orderId: string,
	options: ConfirmOptions = {}
): OrderEvent {
	const board = boardOf(ctx);
	const current = requireOrder(board, orderId);
	if (!nextStatus(current.fold.status, 'confirm'))
		throw new InvalidTransitionError(current.fold.status, 'confirm');
	const plan = planConfirmation(current.order.lines, current.order.warehouseId, board.atp);
	if (plan.short.length > 0 && !options.backorder) throw new OversellError(plan.short);
	return appendEvent(
		ctx,
		orderId,
		'confirm',
		{ reserved: plan.reserved, backordered: plan.backordered.filter((b) => b.qty > 0) },
		'confirmOrder'
	);
}

export function startPicking(ctx: CommandContext, orderId: string): OrderEvent {
	checkTransition(ctx, orderId, 'start-picking');
	return appendEvent(ctx, orderId, 'start-picking', {}, 'startPicking');
}

export function packOrder(ctx: CommandContext, orderId: string, packages = 1): OrderEvent {
	checkTransition(ctx, orderId, 'pack');
	return appendEvent(ctx, orderId, 'pack', { packages }, 'packOrder');
}

export function cancelOrder(ctx: CommandContext, orderId: string, reason = ''): OrderEvent {
	checkTransition(ctx, orderId, 'cancel');
	return appendEvent(ctx, orderId, 'cancel', { reason }, 'cancelOrder');
}

/**
 * Closes a partially shipped order short (結案（短交）): the unshipped rest is given up and its
 * reservation released. Needs a reason; refused before any shipment (use cancel) and once
 * everything shipped.
 */
export function closeOrderShort(ctx: CommandContext, orderId: string, reason: string): OrderEvent {
	const current = requireOrder(boardOf(ctx), orderId);
	if (!canCloseShort(current.fold.status, current.order.lines, current.fold.lines))
		throw new InvalidTransitionError(current.fold.status, 'close-short');
	if (!reason.trim()) throw new InvalidFieldError('reason', 'required');
	return appendEvent(ctx, orderId, 'close-short', { reason: reason.trim() }, 'closeOrderShort');
}

export function deliverOrder(
	ctx: CommandContext,
	orderId: string,
	input: { signedBy: string; signedAt: string }
): OrderEvent {
	checkTransition(ctx, orderId, 'deliver');
	return appendEvent(ctx, orderId, 'deliver', input, 'deliverOrder');
}

export function recordFeedback(
	ctx: CommandContext,
	orderId: string,
	input: { rating: number; comment: string }
): OrderEvent {
	const current = requireOrder(boardOf(ctx), orderId);
	if (!['partially-shipped', 'shipped', 'delivered'].includes(current.fold.status))
		throw new InvalidTransitionError(current.fold.status, 'feedback');
	return appendEvent(ctx, orderId, 'feedback', input, 'recordFeedback');
}
