// One-click fixes for an over-allocated order (reservations the stock cannot cover after an
// offline double confirmation): back-order the shortfall, ship what is covered, transfer the
// shortfall in from another warehouse, or cancel the order.

import { InvalidFieldError } from '../../domain/errors';
import { roundQty } from '../../domain/ledger/fold';
import { lotFactsOf } from '../../domain/lots/lot-fold';
import { allocatePick } from '../../domain/picking/allocate';
import type { Board, BoardOrder } from '../../domain/orders/board';
import { readItems, readLocations, readWarehouses } from '../../doc/catalog-doc';
import type { CommandContext } from '../context';
import { recordMovementsBatch, type MovementRequest } from '../movements';
import { appendEvent } from './events';
import { ledgerBalances, ledgerLots } from '../ledger-cache';
import { boardOf, requireOrder } from './read';
import { shipOrder, shippableQty } from './shipping';
import { cancelOrder } from './transitions';

export const RESOLUTIONS = ['backorder', 'ship-partial', 'transfer', 'cancel'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

function requireShort(board: Board, orderId: string): BoardOrder {
	const current = requireOrder(board, orderId);
	if (!current.overAllocated) throw new InvalidFieldError('order', 'not over-allocated');
	return current;
}

/** Moves each short line's shortfall from its reservation to back-order. */
export function backorderShortfall(ctx: CommandContext, orderId: string): void {
	const current = requireShort(boardOf(ctx), orderId);
	for (const s of current.shortfalls)
		appendEvent(
			ctx,
			orderId,
			'reallocate',
			{ lineId: s.lineId, toBackorder: s.shortfall },
			'resolveBackorder'
		);
}

/** Ships what stock covers now and back-orders the rest. */
export function shipPartially(ctx: CommandContext, orderId: string): void {
	const board = boardOf(ctx);
	const current = requireShort(board, orderId);
	const lines = shippableQty(current, () => 0);
	if (lines.some((l) => l.qty > 0)) shipOrder(ctx, orderId, { lines });
	backorderShortfall(ctx, orderId);
}

/** Warehouses that can give `qty` of an item without breaking their own reservations. */
export function transferSources(
	board: Board,
	itemId: string,
	exceptWarehouseId: string,
	warehouseIds: readonly string[]
): { warehouseId: string; available: number }[] {
	return warehouseIds
		.filter((w) => w !== exceptWarehouseId)
		.map((w) => ({ warehouseId: w, available: board.atp.of(itemId, w).available }))
		.filter((s) => s.available > 0)
		.sort((a, b) => b.available - a.available || (a.warehouseId < b.warehouseId ? -1 : 1));
}

/**
 * Transfers each shortfall in from the warehouses with the most spare stock, taking it from
 * their bins and lots the way a picker would (FEFO/FIFO via domain/picking).
 */
export function transferShortfall(ctx: CommandContext, orderId: string): void {
	const board = boardOf(ctx);
	const current = requireShort(board, orderId);
	const warehouses = readWarehouses(ctx.docs.catalog).map((w) => w.id);
	const items = new Map(readItems(ctx.docs.catalog).map((i) => [i.id, i]));
	const balances = [...ledgerBalances(ctx).values()];
	const lots = ledgerLots(ctx);
	const locations = readLocations(ctx.docs.catalog);
	const requests: MovementRequest[] = [];
	for (const s of current.shortfalls) {
		let need = s.shortfall;
		const item = items.get(s.itemId);
		for (const source of transferSources(board, s.itemId, current.order.warehouseId, warehouses)) {
			if (need <= 0) break;
			const { picks } = allocatePick({
				itemId: s.itemId,
				warehouseId: source.warehouseId,
				qty: Math.min(need, source.available),
				policy: item?.lotTracked ? 'fefo' : 'fifo',
				balances,
				lotInfo: lotFactsOf(lots, s.itemId),
				locations: locations.filter((l) => l.warehouseId === source.warehouseId)
			});
			for (const pick of picks) {
				requests.push({
					kind: 'transfer',
					input: {
						itemId: s.itemId,
						from: { warehouseId: source.warehouseId, locationId: pick.locationId || undefined },
						to: { warehouseId: current.order.warehouseId },
						lot: pick.lot || undefined,
						qty: pick.qty,
						unit: item?.unit ?? '',
						note: current.order.number
					}
				});
				need = roundQty(need - pick.qty);
			}
		}
		if (need > 0) throw new InvalidFieldError('transfer', 'no warehouse has enough spare stock');
	}
	recordMovementsBatch(ctx, requests, {
		command: 'resolveTransfer',
		balances: ledgerBalances(ctx)
	});
}

export function resolveOverAllocation(ctx: CommandContext, orderId: string, how: Resolution): void {
	switch (how) {
		case 'backorder':
			return backorderShortfall(ctx, orderId);
		case 'ship-partial':
			return shipPartially(ctx, orderId);
		case 'transfer':
			return transferShortfall(ctx, orderId);
		case 'cancel':
			cancelOrder(ctx, orderId, 'over-allocated');
			return;
		default: {
			const never: never = how;
			throw new Error(`unknown resolution ${String(never)}`);
		}
	}
}
