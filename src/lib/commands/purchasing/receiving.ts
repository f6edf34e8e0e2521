// Receiving against a purchase order (進貨驗收) with inspection. Accepted goods enter stock
// through the ledger at the PO price (in base currency); rejected goods are received into the
// warehouse's quarantine location (待驗區), then returned to the supplier (an `issue` out of
// quarantine, ref RTS-<PO number>) or accepted on concession (特採: a transfer to the bin).
// Movements are written first, then the PO event naming them, as shipping does. Two offline
// devices receiving the same line both count; past the tolerance the fold flags the line and
// `resolveOverReceipt` returns the excess or accepts it.

import { ForbiddenError, InvalidFieldError, InvalidTransitionError } from '../../domain/errors';
import type { Movement } from '../../domain/ledger/movement';
import { toBaseCents } from '../../domain/purchasing/approval';
import {
	RECEIVABLE,
	quarantinedQty,
	unresolvedExcess,
	type PoLineState
} from '../../domain/purchasing/po-state-machine';
import type { PoEvent, RejectReason } from '../../domain/purchasing/purchase-order';
import { entityMap, readLocations, readItems } from '../../doc/catalog-doc';
import { writeEntity } from '../../doc/catalog-doc';
import { CATALOG } from '../../doc/names';
import { ensureSchema } from '../../doc/schema';
import { currentBalances, requireWrite } from '../access';
import { commandOrigin, type CommandContext } from '../context';
import { recordMovementsBatch, type MovementRequest } from '../movements';
import { OverReceiptError } from './errors';
import { appendPurchaseOrderEvent } from './purchase-orders';
import { purchasingView, requirePurchaseOrder } from './read';

export interface ReceiveLineInput {
	lineId: string;
	accepted: number;
	rejected?: number;
	rejectReason?: RejectReason;
	lot?: string;
	expiry?: string;
	/** Bin for accepted goods ('' = none). */
	locationId?: string;
}

export interface ReceiveInput {
	/** The local day of the receipt (on-time is judged against it). */
	receivedOn: string;
	lines: ReceiveLineInput[];
}

/** Receipts and inspection are the warehouse's (and admin's). */
function requireReceiving(ctx: CommandContext): void {
	requireWrite(ctx, 'orders');
	if (ctx.role !== 'warehouse' && ctx.role !== 'admin')
		throw new ForbiddenError(ctx.role, 'record receipts');
}

export const QUARANTINE_CODE = 'QC';

/**
 * The warehouse's quarantine location: an existing bin coded QC, else one made with a
 * deterministic id so two offline devices creating it write the same entity.
 */
export function ensureQuarantineLocation(ctx: CommandContext, warehouseId: string): string {
	const existing = readLocations(ctx.docs.catalog).find(
		(l) => l.warehouseId === warehouseId && l.code === QUARANTINE_CODE
	);
	if (existing) return existing.id;
	requireWrite(ctx, CATALOG);
	const id = `qc-${warehouseId}`.slice(0, 64);
	const doc = ctx.docs.catalog;
	doc.transact(
		() => {
			ensureSchema(doc, 'catalog');
			writeEntity(entityMap(doc, 'locations'), id, {
				warehouseId,
				code: QUARANTINE_CODE,
				name: '待驗區 Quarantine',
				active: true
			});
		},
		commandOrigin(ctx, 'ensureQuarantineLocation')
	);
	return id;
}

/** How much more the line may take on this device: ordered × (1 + tolerance) − net delivered. */
export function receivableQty(s: PoLineState, tolerancePct: number): number {
	const net = s.delivered - s.returnedToSupplier - s.excessReturned - s.excessAccepted;
	return Math.max(0, Math.round((s.ordered * (1 + tolerancePct / 100) - net) * 1e6) / 1e6);
}

export function receivePurchaseOrder(
	ctx: CommandContext,
	poId: string,
	input: ReceiveInput
): { event: PoEvent; movements: Movement[] } {
	requireReceiving(ctx);
	const view = purchasingView(ctx);
	const { po, fold } = requirePurchaseOrder(view, poId);
	if (!RECEIVABLE.includes(fold.status)) throw new InvalidTransitionError(fold.status, 'receive');
	const lines = input.lines.filter((l) => l.accepted + (l.rejected ?? 0) > 0);
	if (lines.length === 0) throw new InvalidFieldError('lines', 'nothing received');
	const units = new Map(readItems(ctx.docs.catalog).map((i) => [i.id, i.unit]));
	const quarantine = lines.some((l) => (l.rejected ?? 0) > 0)
		? ensureQuarantineLocation(ctx, po.warehouseId)
		: '';
	const requests: { lineId: string; kind: 'accepted' | 'rejected'; request: MovementRequest }[] =
		[];
	for (const l of lines) {
		const state = fold.lines.get(l.lineId);
		const line = po.lines.find((x) => x.id === l.lineId);
		if (!state || !line) throw new InvalidFieldError('lineId', 'unknown line');
		const allowed = receivableQty(state, po.overReceiptTolerancePct);
		if (l.accepted + (l.rejected ?? 0) > allowed + 1e-9)
			throw new OverReceiptError(l.lineId, allowed);
		if ((l.rejected ?? 0) > 0 && !l.rejectReason)
			throw new InvalidFieldError('rejectReason', 'required');
		const common = {
			itemId: line.itemId,
			warehouseId: po.warehouseId,
			lot: l.lot || undefined,
			expiry: l.expiry || undefined,
			unit: units.get(line.itemId) ?? '',
			unitCostCents: toBaseCents(state.unitPriceCents, po.currency, view.policy),
			ref: po.number
		};
		if (l.accepted > 0)
			requests.push({
				lineId: l.lineId,
				kind: 'accepted',
				request: {
					kind: 'receipt',
					input: { ...common, qty: l.accepted, locationId: l.locationId || undefined }
				}
			});
		if ((l.rejected ?? 0) > 0)
			requests.push({
				lineId: l.lineId,
				kind: 'rejected',
				request: {
					kind: 'receipt',
					input: {
						...common,
						qty: l.rejected ?? 0,
						locationId: quarantine,
						note: `IQC rejected: ${l.rejectReason ?? ''}`
					}
				}
			});
	}
	const movements = recordMovementsBatch(
		ctx,
		requests.map((r) => r.request),
		{ command: 'receivePurchaseOrder' }
	);
	const idsOf = (lineId: string) =>
		requests.flatMap((r, i) => (r.lineId === lineId ? (movements[i] ?? []).map((m) => m.id) : []));
	const event = appendPurchaseOrderEvent(
		ctx,
		poId,
		'receive',
		{
			receivedOn: input.receivedOn,
			lines: lines.map((l) => ({
				lineId: l.lineId,
				accepted: l.accepted,
				rejected: l.rejected ?? 0,
				rejectReason: (l.rejected ?? 0) > 0 ? l.rejectReason : undefined,
				lot: l.lot ?? '',
				expiry: l.expiry ?? '',
				locationId: l.locationId ?? '',
				quarantineLocationId: (l.rejected ?? 0) > 0 ? quarantine : '',
				movementIds: idsOf(l.lineId)
			}))
		},
		'receivePurchaseOrder'
	);
	return { event, movements: movements.flat() };
}

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
