// Shop-floor commands: progress reports per routing step (good / scrap), manual material issue,
// and completion, which backflushes the material not yet issued and receives the finished goods
// into stock as a `production` movement (lot = the order number for lot-tracked items). Issued
// and backflushed material leaves from bins and lots chosen FEFO/FIFO, as a pick would.
// Rights on the orders doc are checked before any movement is written; movements precede the
// event, so an event never claims stock that did not move.

import { isQuarantineLocation } from '../../domain/catalog/quarantine';
import {
	InsufficientStockError,
	InvalidFieldError,
	InvalidTransitionError,
	UnknownLocationError
} from '../../domain/errors';
import { resolveTarget } from '../../domain/ledger/validate';
import { storedMovementSchema } from '../../domain/ledger/movement';
import { parseOrThrow } from '../../domain/parse';
import { conversionCentsPerUnit } from '../../domain/production/conversion';
import { backflushLines } from '../../domain/production/shortages';
import type { WoEvent } from '../../domain/production/work-order';
import { readLocations } from '../../doc/catalog-doc';
import { roundQty } from '../../domain/ledger/fold';
import { lotFactsOf } from '../../domain/lots/lot-fold';
import { allocatePick } from '../../domain/picking/allocate';
import { catalogIndexOf, requireWriteKind } from '../access';
import { ledgerBalances, ledgerLots } from '../ledger-cache';
import type { CommandContext } from '../context';
import { fileMovements } from '../ledger-postings';
import { recordMovementsBatch, type MovementRequest } from '../movements';
import { requireProduction } from './access';
import { productionView, requireWorkOrder, type FoldedWorkOrder } from './read';
import { appendEvent, checkWoFarStamps } from './work-orders';

const FLOOR_STATUSES = ['released', 'in-progress'] as const;

function requireOnFloor(found: FoldedWorkOrder, action: string): void {
	if (!(FLOOR_STATUSES as readonly string[]).includes(found.fold.status))
		throw new InvalidTransitionError(found.fold.status, action);
}

export interface ProgressInput {
	/** A routing step of the order ('' when it has none). */
	stepId: string;
	good: number;
	scrap?: number;
}

/** One report from a tablet; it only touches the orders doc, so it works offline. */
export function reportProgress(ctx: CommandContext, woId: string, input: ProgressInput): WoEvent {
	requireProduction(ctx, 'orders');
	const found = requireWorkOrder(productionView(ctx), woId);
	requireOnFloor(found, 'report progress on');
	const scrap = input.scrap ?? 0;
	if (!(input.good >= 0) || !(scrap >= 0) || input.good + scrap <= 0)
		throw new InvalidFieldError('good', 'enter good or scrap units');
	const steps = found.order.steps;
	if (steps.length > 0 ? !steps.some((s) => s.id === input.stepId) : input.stepId !== '')
		throw new InvalidFieldError('stepId', 'not a step of this work order');
	return appendEvent(
		ctx,
		woId,
		'progress',
		{ stepId: input.stepId, good: input.good, scrap },
		'reportProgress'
	);
}

/**
 * Material leaving stock for the order: each line allocated over the bins and lots of the order's
 * warehouse (FEFO for lot-tracked or FEFO items, else FIFO; quarantine skipped), one `issue`
 * movement per pick carrying its bin and lot, so bin and lot balances stay true. What the
 * positions cannot cover is requested at warehouse level, where the stock check refuses it.
 */
function issueRequests(
	ctx: CommandContext,
	found: FoldedWorkOrder,
	lines: readonly IssueLine[]
): MovementRequest[] {
	const catalog = catalogIndexOf(ctx);
	const warehouseId = found.order.warehouseId;
	const locations = readLocations(ctx.docs.catalog).filter((l) => l.warehouseId === warehouseId);
	// A copy: picks of one line must not be offered again to the next line of the same item.
	const stock = [...(ctx.balances?.() ?? ledgerBalances(ctx)).values()]
		.filter((b) => b.warehouseId === warehouseId)
		.map((b) => ({ ...b }));
	const lots = ledgerLots(ctx);
	const out: MovementRequest[] = [];
	for (const l of lines) {
		const { item } = resolveTarget(catalog, { itemId: l.itemId, warehouseId });
		if (l.from) {
			// The bin and lot the floor chose: all of it from there, or nothing.
			const locationId = l.from.locationId;
			const lot = l.from.lot;
			const bin = locationId ? locations.find((x) => x.id === locationId) : undefined;
			if (locationId && !bin) throw new UnknownLocationError(locationId);
			if (bin && isQuarantineLocation(bin))
				throw new InvalidFieldError('locationId', 'stock in quarantine is not issued');
			const at = stock.find(
				(b) => b.itemId === l.itemId && b.locationId === locationId && b.lot === lot
			);
			if (!at || at.qty < l.qty) throw new InsufficientStockError(l.itemId, at?.qty ?? 0, l.qty);
			at.qty = roundQty(at.qty - l.qty);
			out.push({
				kind: 'issue',
				input: {
					itemId: l.itemId,
					warehouseId,
					unit: item.unit,
					ref: found.order.number,
					qty: l.qty,
					...(locationId ? { locationId } : {}),
					...(lot ? { lot } : {})
				}
			});
			continue;
		}
		const { picks, shortfall } = allocatePick({
			itemId: l.itemId,
			warehouseId,
			qty: l.qty,
			policy: item.lotTracked || item.pickPolicy === 'fefo' ? 'fefo' : 'fifo',
			balances: stock,
			lotInfo: lotFactsOf(lots, l.itemId),
			locations
		});
		const parts: { qty: number; locationId?: string; lot?: string }[] = picks.map((p) => ({
			qty: p.qty,
			...(p.locationId ? { locationId: p.locationId } : {}),
			...(p.lot ? { lot: p.lot } : {})
		}));
		if (shortfall > 0) parts.push({ qty: shortfall });
		for (const part of parts) {
			const taken = stock.find(
				(b) =>
					b.itemId === l.itemId &&
					b.locationId === (part.locationId ?? '') &&
					b.lot === (part.lot ?? '')
			);
			if (taken) taken.qty = roundQty(taken.qty - part.qty);
			out.push({
				kind: 'issue',
				input: { itemId: l.itemId, warehouseId, unit: item.unit, ref: found.order.number, ...part }
			});
		}
	}
	return out;
}

/** A material to issue; `from` names the bin ('' = none) and lot ('' = none) to take it from. */
export interface IssueLine {
	itemId: string;
	qty: number;
	from?: { locationId: string; lot: string };
}

/**
 * Issues material to the order: `issue` movements (ref = order number), then the event. Lines
 * without `from` leave from bins and lots chosen FEFO/FIFO; with it, from that position only.
 */
export function issueMaterials(
	ctx: CommandContext,
	woId: string,
	lines: readonly IssueLine[]
): WoEvent {
	requireProduction(ctx, 'orders');
	requireWriteKind(ctx, 'ledger');
	const found = requireWorkOrder(productionView(ctx), woId);
	requireOnFloor(found, 'issue material to');
	checkWoFarStamps(ctx, woId);
	if (lines.length === 0) throw new InvalidFieldError('lines', 'required');
	for (const l of lines)
		if (!found.order.materials.some((m) => m.itemId === l.itemId))
			throw new InvalidFieldError('itemId', `${l.itemId} is not a material of this order`);
	recordMovementsBatch(ctx, issueRequests(ctx, found, lines), { command: 'issueMaterials' });
	return appendEvent(
		ctx,
		woId,
		'issue',
		{ lines: lines.map((l) => ({ itemId: l.itemId, qty: l.qty })), backflush: false },
		'issueMaterials'
	);
}

export interface CompleteInput {
	/** Good units received into stock (default: the last step's reported good units, else qty). */
	good?: number;
	/** Lot for a lot-tracked item (default: the order number). */
	lot?: string;
	/** Issue the standard material not yet issued (default true). */
	backflush?: boolean;
	/** The bin of the order's warehouse the finished goods go into (default: none). */
	locationId?: string;
}

/**
 * Completes the order: backflushed material leaves stock (`issue`, checked), then the finished
 * goods arrive (`production`, with the fixed id `<order id>-fg` so a second completion made
 * offline counts once), then the `complete` event. The finished goods carry their conversion
 * cost per unit (routing minutes at the work centres' current hourly rates) as `unitCostCents`;
 * valuation adds the material issued to the order (docs/DECISIONS.md, "Production and landed
 * costs").
 */
export function completeWorkOrder(
	ctx: CommandContext,
	woId: string,
	input: CompleteInput = {}
): WoEvent {
	requireProduction(ctx, 'orders');
	requireWriteKind(ctx, 'ledger');
	const view = productionView(ctx);
	const found = requireWorkOrder(view, woId);
	requireOnFloor(found, 'complete');
	checkWoFarStamps(ctx, woId);
	const { order, fold } = found;
	const conversionCents = conversionCentsPerUnit(order.steps, view.workCenters);
	const last = [...order.steps].sort((a, b) => a.seq - b.seq).at(-1);
	const reported = fold.progress.get(last?.id ?? '')?.good ?? 0;
	const good = input.good ?? (reported > 0 ? reported : order.qty);
	if (!(good > 0)) throw new InvalidFieldError('good', 'must be greater than zero');
	const backflushed = input.backflush === false ? [] : backflushLines(order, fold, good);
	const locationId = input.locationId || undefined;
	const { item } = resolveTarget(catalogIndexOf(ctx), {
		itemId: order.itemId,
		warehouseId: order.warehouseId,
		...(locationId ? { locationId } : {})
	});
	const lot = item.lotTracked ? input.lot?.trim() || order.number : '';
	if (backflushed.length > 0)
		recordMovementsBatch(ctx, issueRequests(ctx, found, backflushed), {
			command: 'completeWorkOrder'
		});
	const receipt = parseOrThrow(storedMovementSchema, {
		id: `${order.id}-fg`,
		at: ctx.clock.now(),
		itemId: order.itemId,
		warehouseId: order.warehouseId,
		...(locationId ? { locationId } : {}),
		...(lot ? { lot } : {}),
		qty: good,
		...(conversionCents > 0 ? { unitCostCents: conversionCents } : {}),
		reason: 'production',
		ref: order.number,
		device: ctx.clock.device,
		user: ctx.user
	});
	fileMovements(ctx, [receipt], 'completeWorkOrder');
	return appendEvent(ctx, woId, 'complete', { good, lot, backflushed }, 'completeWorkOrder');
}
