// Receiving against a purchase order (進貨驗收) with inspection. Accepted goods enter stock
// through the ledger at the PO price (in base currency); rejected goods are received into the
// warehouse's quarantine location (待驗區) and handled from there (dispositions.ts). Movements
// are written first, then the PO event naming them, as shipping does. Two offline devices
// receiving the same line both count; past the tolerance the fold flags the line and
// `resolveOverReceipt` (dispositions.ts) returns the excess or accepts it.

import { isQuarantineLocation, QUARANTINE_CODE } from '../../domain/catalog/quarantine';
import { ForbiddenError, InvalidFieldError, InvalidTransitionError } from '../../domain/errors';
import type { Movement } from '../../domain/ledger/movement';
import { toBaseCents } from '../../domain/purchasing/approval';
import { RECEIVABLE, type PoLineState } from '../../domain/purchasing/po-state-machine';
import type { PoEvent, RejectReason } from '../../domain/purchasing/purchase-order';
import { entityMap, readItems, readLocations, writeEntity } from '../../doc/catalog-doc';
import { CATALOG } from '../../doc/names';
import { ensureSchema } from '../../doc/schema';
import { requireWrite } from '../access';
import { auditedWrite } from '../audit';
import { commandOrigin, type CommandContext } from '../context';
import { recordMovementsBatch, type MovementRequest } from '../movements';
import { OverReceiptError } from './errors';
import { appendPurchaseOrderEvent, checkPoFarStamps } from './purchase-orders';
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
export function requireReceiving(ctx: CommandContext): void {
	requireWrite(ctx, 'orders');
	if (ctx.role !== 'warehouse' && ctx.role !== 'admin')
		throw new ForbiddenError(ctx.role, 'record receipts');
}

export { QUARANTINE_CODE };

/**
 * The warehouse's quarantine location: an existing bin coded QC, else one made with a
 * deterministic id so two offline devices creating it write the same entity.
 */
export function ensureQuarantineLocation(ctx: CommandContext, warehouseId: string): string {
	const existing = readLocations(ctx.docs.catalog).find(
		(l) => l.warehouseId === warehouseId && isQuarantineLocation(l)
	);
	if (existing) return existing.id;
	requireWrite(ctx, CATALOG);
	const id = `qc-${warehouseId}`.slice(0, 64);
	const doc = ctx.docs.catalog;
	doc.transact(
		() => {
			ensureSchema(doc, 'catalog');
			auditedWrite(ctx, doc, 'ensureQuarantineLocation', [{ record: 'location', id }], () =>
				writeEntity(entityMap(doc, 'locations'), id, {
					warehouseId,
					code: QUARANTINE_CODE,
					name: '待驗區 Quarantine',
					active: true
				})
			);
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
	checkPoFarStamps(ctx, poId);
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
