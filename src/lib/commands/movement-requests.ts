// Movement requests: what a user asks for (receipt, issue, transfer between bins, adjustment),
// validated against the catalog and the stock staged so far, and turned into stamped movements.
// Nothing is written here; `recordMovementsBatch` (movements.ts) files them.

import type { Item } from '../domain/catalog/entities';
import { InvalidFieldError } from '../domain/errors';
import { storedMovementSchema, type Movement } from '../domain/ledger/movement';
import {
	checkAvailable,
	checkPositiveQty,
	checkUnit,
	resolvePlace,
	resolveTarget,
	type CatalogIndex
} from '../domain/ledger/validate';
import { checkReceipt } from '../domain/ledger/receipt-rules';
import { parseOrThrow } from '../domain/parse';
import { checkUnitPrecision } from '../domain/quantity/unit-precision';
import type { StagedBalances } from './staged-balances';
import type { CommandContext } from './context';

export interface ReceiptInput {
	itemId: string;
	warehouseId: string;
	locationId?: string;
	lot?: string;
	/** YYYY-MM-DD */
	expiry?: string;
	/** > 0, in the item's base unit. */
	qty: number;
	unit: string;
	unitCostCents?: number;
	/** A unit cost of exactly 0 is refused unless the user confirmed it. */
	zeroCostConfirmed?: boolean;
	note?: string;
	ref?: string;
}

export interface IssueInput {
	itemId: string;
	warehouseId: string;
	locationId?: string;
	lot?: string;
	/** > 0; stored negative. */
	qty: number;
	unit: string;
	note?: string;
	ref?: string;
}

export interface Place {
	warehouseId: string;
	locationId?: string;
}

export interface TransferInput {
	itemId: string;
	from: Place;
	to: Place;
	lot?: string;
	qty: number;
	unit: string;
	note?: string;
}

export interface AdjustmentInput {
	itemId: string;
	warehouseId: string;
	locationId?: string;
	lot?: string;
	/** Signed, non-zero. */
	qtyDelta: number;
	unit: string;
	/** The reason, required. */
	note: string;
}

export type MovementRequest =
	| { kind: 'receipt'; input: ReceiptInput }
	| { kind: 'issue'; input: IssueInput }
	| { kind: 'transfer'; input: TransferInput }
	| { kind: 'adjustment'; input: AdjustmentInput };

/** The stamped movements of one request, checked against `stock` (not yet applied to it). */
export function buildMovements(
	ctx: CommandContext,
	catalog: CatalogIndex,
	stock: StagedBalances,
	request: MovementRequest
): Movement[] {
	switch (request.kind) {
		case 'receipt': {
			const { input } = request;
			const { item } = resolveTarget(catalog, input);
			checkTypedQty(item, input.qty, input.unit);
			checkReceipt(item, input);
			return [
				stamp(ctx, {
					...positionOf(item, input),
					expiry: input.expiry || undefined,
					qty: input.qty,
					unitCostCents: input.unitCostCents,
					reason: 'receipt',
					ref: input.ref || undefined,
					note: input.note || undefined
				})
			];
		}
		case 'issue': {
			const { input } = request;
			const { item } = resolveTarget(catalog, input);
			checkTypedQty(item, input.qty, input.unit);
			checkOut(stock, item, input, input.lot, input.qty);
			return [
				stamp(ctx, {
					...positionOf(item, input),
					qty: -input.qty,
					reason: 'issue',
					ref: input.ref || undefined,
					note: input.note || undefined
				})
			];
		}
		case 'transfer': {
			const { input } = request;
			const { item } = resolveTarget(catalog, { itemId: input.itemId, ...input.from });
			resolvePlace(catalog, input.to);
			checkTypedQty(item, input.qty, input.unit);
			if (
				input.from.warehouseId === input.to.warehouseId &&
				(input.from.locationId ?? '') === (input.to.locationId ?? '')
			)
				throw new InvalidFieldError('to', 'same as the source');
			checkOut(stock, item, input.from, input.lot, input.qty);
			const ref = `TRF-${ctx.ids.next()}`;
			const common = {
				itemId: item.id,
				lot: input.lot || undefined,
				ref,
				note: input.note || undefined
			};
			return [
				stamp(ctx, {
					...common,
					warehouseId: input.from.warehouseId,
					locationId: input.from.locationId || undefined,
					qty: -input.qty,
					reason: 'transfer-out'
				}),
				stamp(ctx, {
					...common,
					warehouseId: input.to.warehouseId,
					locationId: input.to.locationId || undefined,
					qty: input.qty,
					reason: 'transfer-in'
				})
			];
		}
		case 'adjustment': {
			const { input } = request;
			const { item } = resolveTarget(catalog, input);
			if (!Number.isFinite(input.qtyDelta) || input.qtyDelta === 0)
				throw new InvalidFieldError('qtyDelta', 'must be a non-zero number');
			checkUnit(item, input.unit);
			checkUnitPrecision(item.unit, input.qtyDelta);
			if (input.note.trim() === '') throw new InvalidFieldError('note', 'required');
			if (input.qtyDelta < 0) checkOut(stock, item, input, input.lot, -input.qtyDelta);
			return [
				stamp(ctx, {
					...positionOf(item, input),
					qty: input.qtyDelta,
					reason: 'adjustment',
					note: input.note.trim()
				})
			];
		}
		default: {
			const never: never = request;
			throw new Error(`unknown movement request ${JSON.stringify(never)}`);
		}
	}
}

/** A quantity typed for `item`: positive, in its unit, no finer than the unit allows. */
function checkTypedQty(item: Item, qty: number, unit: string): void {
	checkPositiveQty(qty);
	checkUnit(item, unit);
	checkUnitPrecision(item.unit, qty);
}

/** Where a single-position movement happens; '' fields are absent. */
function positionOf(item: Item, input: Place & { lot?: string }) {
	return {
		itemId: item.id,
		warehouseId: input.warehouseId,
		locationId: input.locationId || undefined,
		lot: input.lot || undefined
	};
}

/** Stock leaving a position: checked at the most specific level the caller named. */
function checkOut(
	stock: StagedBalances,
	item: Item,
	place: Place,
	lot: string | undefined,
	qty: number
): void {
	checkAvailable(
		stock.ofItem(item.id),
		{
			itemId: item.id,
			warehouseId: place.warehouseId,
			locationId: place.locationId || undefined,
			lot: lot || undefined
		},
		qty
	);
}

/** A movement before it is stamped: who, when and its id are added by `stamp`. */
type Draft = Omit<Movement, 'id' | 'at' | 'device' | 'user' | 'reverses'>;

function stamp(ctx: CommandContext, draft: Draft): Movement {
	const raw: Record<string, unknown> = {
		id: ctx.ids.next(),
		at: ctx.clock.now(),
		device: ctx.clock.device,
		user: ctx.user
	};
	for (const [k, v] of Object.entries(draft)) if (v !== undefined) raw[k] = v;
	return parseOrThrow(storedMovementSchema, raw);
}
