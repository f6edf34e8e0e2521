// Shipping an order: picks suggested by the warehouse's FEFO/FIFO allocation
// (domain/picking), one `issue` movement per pick with `ref` = the order number, then the
// `ship` event with carrier and tracking number. The ledger is written first: if stock is
// short nothing is written at all; the event follows in the orders doc.

import { roundQty } from '../../domain/ledger/fold';
import { lotFactsOf } from '../../domain/lots/lot-fold';
import { allocatePick, type Allocation } from '../../domain/picking/allocate';
import {
	InsufficientStockError,
	InvalidFieldError,
	InvalidTransitionError
} from '../../domain/errors';
import type { BoardOrder } from '../../domain/orders/board';
import type { ShipmentPick } from '../../domain/picking/pick-sheet';
import type { OrderEvent } from '../../domain/orders/order';
import { nextStatus } from '../../domain/orders/state-machine';
import { readItems, readLocations } from '../../doc/catalog-doc';
import { requireEvent, requireWrite } from '../access';
import type { CommandContext } from '../context';
import { recordMovementsBatch, type MovementRequest } from '../movements';
import { appendEvent, checkOrderFarStamps } from './events';
import { ledgerBalances, ledgerLots } from '../ledger-cache';
import { boardOf, requireOrder } from './read';

export interface ShipLine {
	lineId: string;
	qty: number;
}

export interface PickListLine extends ShipLine {
	itemId: string;
	allocation: Allocation;
}

/**
 * What can ship now per line: the reservation stock covers (not its shortfall), the
 * back-ordered part stock now covers (`BoardOrder.ready`), plus any stock nobody has reserved
 * or is waiting for, never more than is still unshipped.
 */
export function shippableQty(current: BoardOrder, freeAtp: (itemId: string) => number): ShipLine[] {
	const free = new Map<string, number>();
	return current.order.lines.map((line) => {
		const state = current.fold.lines.get(line.id);
		const shipped = state?.shipped ?? 0;
		const openReserved = Math.max(0, (state?.reserved ?? 0) - shipped);
		const short = current.shortfalls
			.filter((s) => s.lineId === line.id)
			.reduce((sum, s) => sum + s.shortfall, 0);
		// The back-ordered part that stock now covers for this order (earliest confirmation first).
		const ready = current.ready
			.filter((r) => r.lineId === line.id)
			.reduce((sum, r) => sum + r.qty, 0);
		const covered = Math.max(0, openReserved - short) + ready;
		const spare = free.get(line.itemId) ?? Math.max(0, freeAtp(line.itemId));
		const extra = Math.min(spare, Math.max(0, line.qty - shipped - covered));
		free.set(line.itemId, roundQty(spare - extra));
		return { lineId: line.id, qty: roundQty(Math.min(line.qty - shipped, covered + extra)) };
	});
}

/** FEFO when the item says so or tracks lots (expiry matters), else FIFO. */
function pickPolicyOf(item: { lotTracked: boolean; pickPolicy: 'fifo' | 'fefo' } | undefined) {
	return item?.pickPolicy === 'fefo' || item?.lotTracked ? 'fefo' : 'fifo';
}

/** The pick list for shipping `lines`: bins and lots per line, FEFO for lot-tracked items. */
export function pickListFor(
	ctx: CommandContext,
	current: BoardOrder,
	lines: readonly ShipLine[]
): PickListLine[] {
	const balances = ledgerBalances(ctx);
	const lots = ledgerLots(ctx);
	const items = new Map(readItems(ctx.docs.catalog).map((i) => [i.id, i]));
	const locations = readLocations(ctx.docs.catalog).filter(
		(l) => l.warehouseId === current.order.warehouseId
	);
	const out: PickListLine[] = [];
	for (const ship of lines) {
		const line = current.order.lines.find((l) => l.id === ship.lineId);
		if (!line || ship.qty <= 0) continue;
		const allocation = allocatePick({
			itemId: line.itemId,
			warehouseId: current.order.warehouseId,
			qty: ship.qty,
			policy: pickPolicyOf(items.get(line.itemId)),
			balances: balances.values(),
			lotInfo: lotFactsOf(lots, line.itemId),
			locations
		});
		// Later lines of the same item must not be offered the same units again.
		for (const pick of allocation.picks)
			for (const b of balances.values())
				if (
					b.itemId === line.itemId &&
					b.warehouseId === current.order.warehouseId &&
					b.locationId === pick.locationId &&
					b.lot === pick.lot
				)
					b.qty = roundQty(b.qty - pick.qty);
		out.push({ ...ship, itemId: line.itemId, allocation });
	}
	return out;
}

/** Explicit picks in the pick-list shape, so both paths write the same movements. */
function explicitPickList(current: BoardOrder, picks: readonly ShipmentPick[]): PickListLine[] {
	return linesOfPicks(current, picks).map((l) => ({
		...l,
		itemId: current.order.lines.find((x) => x.id === l.lineId)?.itemId ?? '',
		allocation: {
			shortfall: 0,
			picks: picks
				.filter((p) => p.lineId === l.lineId)
				.map((p) => ({ locationId: p.locationId, locationCode: '', lot: p.lot, qty: p.qty }))
		}
	}));
}

export interface ShipInput {
	/** Omitted: everything that can ship now (see `shippableQty`). */
	lines?: ShipLine[];
	carrier?: string;
	tracking?: string;
	/**
	 * The bins and lots actually picked (picking by scan); the lines ship their sum. Omitted:
	 * the command allocates by the items' FEFO / FIFO policy.
	 */
	picks?: ShipmentPick[];
}

/** Quantity per line of explicit picks (a pick of another order's line is refused). */
function linesOfPicks(current: BoardOrder, picks: readonly ShipmentPick[]): ShipLine[] {
	const perLine = new Map<string, number>();
	for (const p of picks) {
		if (!current.order.lines.some((l) => l.id === p.lineId))
			throw new InvalidFieldError('lines', 'not a line of this order');
		if (!(p.qty > 0)) throw new InvalidFieldError('qty', 'must be above 0');
		perLine.set(p.lineId, roundQty((perLine.get(p.lineId) ?? 0) + p.qty));
	}
	return [...perLine].map(([lineId, qty]) => ({ lineId, qty }));
}

export function shipOrder(ctx: CommandContext, orderId: string, input: ShipInput = {}): OrderEvent {
	// The ship event is written after the movements: check the orders doc first, so a refusal
	// (rights, a newer schema) leaves no movements without their event.
	requireWrite(ctx, 'orders');
	requireEvent(ctx, 'salesOrder', 'ship');
	const board = boardOf(ctx);
	const current = requireOrder(board, orderId);
	if (!nextStatus(current.fold.status, 'ship'))
		throw new InvalidTransitionError(current.fold.status, 'ship');
	checkOrderFarStamps(ctx, orderId);
	const lines = (
		(input.picks && linesOfPicks(current, input.picks)) ??
		input.lines ??
		shippableQty(current, (itemId) => board.atp.of(itemId, current.order.warehouseId).available)
	).filter((l) => l.qty > 0);
	if (lines.length === 0) throw new InvalidFieldError('lines', 'nothing to ship');
	for (const l of lines) {
		const line = current.order.lines.find((x) => x.id === l.lineId);
		const shipped = current.fold.lines.get(l.lineId)?.shipped ?? 0;
		if (!line || l.qty > line.qty - shipped + 1e-9)
			throw new InvalidFieldError('qty', 'more than is left to ship');
	}
	const picks = input.picks
		? explicitPickList(current, input.picks)
		: pickListFor(ctx, current, lines);
	const items = new Map(readItems(ctx.docs.catalog).map((i) => [i.id, i]));
	const requests: MovementRequest[] = [];
	for (const p of picks) {
		if (p.allocation.shortfall > 0)
			throw new InsufficientStockError(p.itemId, roundQty(p.qty - p.allocation.shortfall), p.qty);
		for (const pick of p.allocation.picks)
			requests.push({
				kind: 'issue',
				input: {
					itemId: p.itemId,
					warehouseId: current.order.warehouseId,
					locationId: pick.locationId || undefined,
					lot: pick.lot || undefined,
					qty: pick.qty,
					unit: items.get(p.itemId)?.unit ?? '',
					ref: current.order.number
				}
			});
	}
	recordMovementsBatch(ctx, requests, { command: 'shipOrder', balances: ledgerBalances(ctx) });
	return appendEvent(
		ctx,
		orderId,
		'ship',
		{ lines, carrier: input.carrier ?? '', tracking: input.tracking ?? '' },
		'shipOrder'
	);
}
