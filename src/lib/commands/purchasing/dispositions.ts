// What happens after inspection: rejected goods in quarantine go back to the supplier (an
// `issue` out of quarantine, ref RTS-<PO number>) or are accepted on concession (特採: a
// transfer to a bin); an over-receipt flagged after a merge is returned or accepted. Each
// writes its movements first, then the PO event naming them.

import { ForbiddenError, InvalidFieldError } from '../../domain/errors';
import { quarantinedQty, unresolvedExcess } from '../../domain/purchasing/po-state-machine';
import type { PoEvent } from '../../domain/purchasing/purchase-order';
import { readItems } from '../../doc/catalog-doc';
import { currentBalances } from '../access';
import type { CommandContext } from '../context';
import { recordMovementsBatch, type MovementRequest } from '../movements';
import { appendPurchaseOrderEvent, checkPoFarStamps } from './purchase-orders';
import { purchasingView, requirePurchaseOrder } from './read';
import { ensureQuarantineLocation, requireReceiving } from './receiving';

/** Stock of an item at one place, split by lot, largest first (what can be taken out). */
function lotsAt(
	ctx: CommandContext,
	itemId: string,
	warehouseId: string,
	accept: (locationId: string) => boolean
) {
	return [...currentBalances(ctx).values()]
		.filter(
			(b) =>
				b.itemId === itemId && b.warehouseId === warehouseId && accept(b.locationId) && b.qty > 1e-9
		)
		.sort((a, b) => b.qty - a.qty || (a.locationId + a.lot < b.locationId + b.lot ? -1 : 1));
}

/** Takes `qty` out of the given positions, lot by lot. */
function takeFrom(
	positions: ReturnType<typeof lotsAt>,
	qty: number
): { locationId: string; lot: string; qty: number }[] {
	const out: { locationId: string; lot: string; qty: number }[] = [];
	let left = qty;
	for (const p of positions) {
		if (left <= 1e-9) break;
		const q = Math.min(left, p.qty);
		out.push({ locationId: p.locationId, lot: p.lot, qty: q });
		left = Math.round((left - q) * 1e6) / 1e6;
	}
	if (left > 1e-9) throw new InvalidFieldError('qty', 'more than is in stock');
	return out;
}

/** Rejected goods in quarantine: back to the supplier, or accepted on concession into `toLocationId`. */
export function disposeRejected(
	ctx: CommandContext,
	poId: string,
	input: {
		lineId: string;
		kind: 'return-to-supplier' | 'concession';
		qty: number;
		toLocationId?: string;
	}
): PoEvent {
	requireReceiving(ctx);
	const view = purchasingView(ctx);
	const { po, fold } = requirePurchaseOrder(view, poId);
	checkPoFarStamps(ctx, poId);
	const state = fold.lines.get(input.lineId);
	const line = po.lines.find((l) => l.id === input.lineId);
	if (!state || !line) throw new InvalidFieldError('lineId', 'unknown line');
	if (input.qty <= 0 || input.qty > quarantinedQty(state) + 1e-9)
		throw new InvalidFieldError('qty', 'more than is in quarantine');
	const quarantine = ensureQuarantineLocation(ctx, po.warehouseId);
	const unit = readItems(ctx.docs.catalog).find((i) => i.id === line.itemId)?.unit ?? '';
	const parts = takeFrom(
		lotsAt(ctx, line.itemId, po.warehouseId, (loc) => loc === quarantine),
		input.qty
	);
	const requests: MovementRequest[] = parts.map((p) =>
		input.kind === 'return-to-supplier'
			? {
					kind: 'issue',
					input: {
						itemId: line.itemId,
						warehouseId: po.warehouseId,
						locationId: quarantine,
						lot: p.lot || undefined,
						qty: p.qty,
						unit,
						ref: `RTS-${po.number}`,
						note: 'return to supplier'
					}
				}
			: {
					kind: 'transfer',
					input: {
						itemId: line.itemId,
						from: { warehouseId: po.warehouseId, locationId: quarantine },
						to: { warehouseId: po.warehouseId, locationId: input.toLocationId || undefined },
						lot: p.lot || undefined,
						qty: p.qty,
						unit,
						note: `concession ${po.number}`
					}
				}
	);
	const movements = recordMovementsBatch(ctx, requests, { command: 'disposeRejected' }).flat();
	return appendPurchaseOrderEvent(
		ctx,
		poId,
		'disposition',
		{
			lineId: input.lineId,
			kind: input.kind,
			qty: input.qty,
			movementIds: movements.map((m) => m.id)
		},
		'disposeRejected'
	);
}

/**
 * An over-receipt flagged after a merge: return the excess (an `issue` out of the receiving
 * bins, ref RTS-<PO number>) or accept it as delivered.
 */
export function resolveOverReceipt(
	ctx: CommandContext,
	poId: string,
	input: { lineId: string; kind: 'return-excess' | 'accept-excess' }
): PoEvent {
	if (input.kind === 'return-excess') requireReceiving(ctx);
	else if (!['admin', 'purchasing', 'warehouse'].includes(ctx.role))
		throw new ForbiddenError(ctx.role, 'accept an over-receipt');
	const view = purchasingView(ctx);
	const { po, fold } = requirePurchaseOrder(view, poId);
	checkPoFarStamps(ctx, poId);
	const state = fold.lines.get(input.lineId);
	const line = po.lines.find((l) => l.id === input.lineId);
	if (!state || !line) throw new InvalidFieldError('lineId', 'unknown line');
	const qty = unresolvedExcess(state, po.overReceiptTolerancePct);
	if (qty <= 0) throw new InvalidFieldError('lineId', 'no over-receipt');
	let movementIds: string[] = [];
	if (input.kind === 'return-excess') {
		const quarantine = ensureQuarantineLocation(ctx, po.warehouseId);
		const unit = readItems(ctx.docs.catalog).find((i) => i.id === line.itemId)?.unit ?? '';
		const parts = takeFrom(
			lotsAt(ctx, line.itemId, po.warehouseId, (loc) => loc !== quarantine),
			qty
		);
		movementIds = recordMovementsBatch(
			ctx,
			parts.map((p) => ({
				kind: 'issue',
				input: {
					itemId: line.itemId,
					warehouseId: po.warehouseId,
					locationId: p.locationId || undefined,
					lot: p.lot || undefined,
					qty: p.qty,
					unit,
					ref: `RTS-${po.number}`,
					note: 'over-receipt returned'
				}
			})),
			{ command: 'resolveOverReceipt' }
		)
			.flat()
			.map((m) => m.id);
	}
	return appendPurchaseOrderEvent(
		ctx,
		poId,
		'resolve-over-receipt',
		{ lineId: input.lineId, kind: input.kind, qty, movementIds },
		'resolveOverReceipt'
	);
}
