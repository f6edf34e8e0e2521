// Planning over the workspace: read a plain snapshot of everything MRP needs (on hand, open
// sales orders, forecast, open POs, requisitions and work orders, BOMs, supplier terms), run the
// pure plan on it, and convert chosen planned orders in one action: purchases through
// purchasing's requisition command (source 'mrp'), production into planned work orders.

import { readItems, readLocations } from '../../doc/catalog-doc';
import { heldLocationIds } from '../../domain/catalog/quarantine';
import { promisableBalances } from '../../domain/orders/atp';
import { readOrders } from '../../doc/orders-doc';
import { buildBoard } from '../../domain/orders/board';
import { RESERVING_STATUSES } from '../../domain/orders/state-machine';
import { incomingQty } from '../../domain/purchasing/po-state-machine';
import {
	buildPlan,
	type DatedQty,
	type ItemSupply,
	type Plan,
	type PlannedOrderView,
	type PlanningSnapshot
} from '../../domain/production/planning';
import { materialNeeds } from '../../domain/production/shortages';
import { OPEN_WO_STATUSES } from '../../domain/production/wo-state-machine';
import type { Requisition } from '../../domain/purchasing/requisition';
import type { WorkOrderHeader } from '../../domain/production/work-order';
import { InvalidFieldError } from '../../domain/errors';
import { requireRecordWriter } from '../access';
import type { CommandContext } from '../context';
import { ledgerBalances } from '../ledger-cache';
import { createRequisitions } from '../purchasing/requisitions';
import { purchasingView } from '../purchasing/read';
import { requireProduction } from './access';
import { productionView } from './read';
import { createWorkOrders } from './work-orders';
import { forecastDemand } from './forecasting';

const round = (q: number): number => Math.round(q * 1e6) / 1e6;

/**
 * Everything the plan needs, as plain data (read in the page's Web Worker, or by the CLI).
 * Stock comes from `ctx.balances` when the caller keeps a fold (the browser), else the ledgers.
 */
export function readPlanningSnapshot(
	ctx: Pick<CommandContext, 'docs' | 'balances'>,
	today: string,
	buckets = 26
): PlanningSnapshot {
	const catalog = ctx.docs.catalog;
	const orders = ctx.docs.shared('orders');
	const items = readItems(catalog);
	const production = productionView(ctx);
	const purchasing = purchasingView(ctx);
	// Quarantined stock (待驗區) is neither promised nor planned with.
	const held = heldLocationIds(readLocations(catalog));
	const balances = promisableBalances((ctx.balances?.() ?? ledgerBalances(ctx)).values(), held);
	const board = buildBoard(readOrders(orders).orders, balances, today, held);

	const salesDemand: DatedQty[] = [];
	for (const { order, fold } of board.orders) {
		if (!RESERVING_STATUSES.includes(fold.status)) continue;
		for (const line of order.lines) {
			const open = round(line.qty - (fold.lines.get(line.id)?.shipped ?? 0));
			if (open > 0)
				salesDemand.push({
					itemId: line.itemId,
					date: order.requestedDate,
					qty: open,
					ref: order.number
				});
		}
	}
	const receipts: DatedQty[] = [];
	for (const { po, fold } of purchasing.orders)
		for (const line of po.lines) {
			const qty = incomingQty(fold, line.id);
			const date = fold.lines.get(line.id)?.promisedDate ?? line.promisedDate;
			if (qty > 0) receipts.push({ itemId: line.itemId, date, qty, ref: po.number });
		}
	for (const { requisition: r, fold } of purchasing.requisitions)
		if (fold.status === 'open')
			receipts.push({ itemId: r.itemId, date: r.needDate, qty: r.qty, ref: r.number });
	const materialDemand: DatedQty[] = [];
	for (const { order, fold } of production.workOrders) {
		if (!OPEN_WO_STATUSES.includes(fold.status)) continue;
		receipts.push({ itemId: order.itemId, date: order.dueDate, qty: order.qty, ref: order.number });
		for (const need of materialNeeds(order, fold, () => 0))
			if (need.open > 0)
				materialDemand.push({
					itemId: need.itemId,
					date: order.startDate,
					qty: need.open,
					ref: order.number
				});
	}
	const supply: ItemSupply[] = [];
	for (const item of items) {
		const offers = purchasing.suppliers
			.filter((s) => s.active !== false)
			.flatMap((s) => s.items.filter((i) => i.itemId === item.id).map((i) => ({ s, i })));
		const best = offers.find((o) => o.i.preferred) ?? offers[0];
		if (best)
			supply.push({
				itemId: item.id,
				supplierId: best.s.id,
				leadTimeDays: best.i.leadTimeDays,
				moq: best.i.moq,
				orderMultiple: best.i.orderMultiple
			});
	}
	return {
		today,
		items,
		boms: production.boms,
		supply,
		onHand: balances.map((b) => ({ itemId: b.itemId, qty: b.qty })),
		salesDemand,
		forecast: forecastDemand(ctx, today, buckets),
		materialDemand,
		receipts
	};
}

/** The plan the planning page shows (the page runs buildPlan in a worker on the same snapshot). */
export function runPlan(ctx: Pick<CommandContext, 'docs'>, today: string, buckets = 26): Plan {
	return buildPlan(readPlanningSnapshot(ctx, today, buckets), buckets);
}

export interface ConvertResult {
	requisitions: Requisition[];
	workOrders: WorkOrderHeader[];
}

/**
 * One action: planned purchases become requisitions (purchasing's command, source 'mrp') and
 * planned production becomes planned work orders, all into `warehouseId`. Both commands'
 * rights are checked before either writes: production and admin (work orders; requisitions are
 * open to production by field-rights, docs/DECISIONS.md "Planning raises requisitions").
 */
export function convertPlannedOrders(
	ctx: CommandContext,
	orders: readonly PlannedOrderView[],
	warehouseId: string
): ConvertResult {
	requireProduction(ctx, 'orders');
	if (orders.length === 0) throw new InvalidFieldError('plannedOrders', 'choose at least one');
	const made = orders.filter((o) => o.kind === 'production');
	const bought = orders.filter((o) => o.kind === 'purchase');
	// Purchasing's door decides who may raise requisitions: ask it before writing anything.
	if (bought.length > 0) requireRecordWriter(ctx, 'orders', 'requisition');
	const workOrders = createWorkOrders(
		ctx,
		made.map((o) => ({
			itemId: o.itemId,
			qty: o.qty,
			warehouseId,
			startDate: o.releaseDate,
			dueDate: o.needDate < o.releaseDate ? o.releaseDate : o.needDate,
			source: 'mrp' as const,
			note: o.pegs
				.map((p) => p.label)
				.join(', ')
				.slice(0, 500)
		}))
	);
	const requisitions = createRequisitions(
		ctx,
		bought.map((o) => ({
			itemId: o.itemId,
			warehouseId,
			qty: o.qty,
			needDate: o.needDate < o.releaseDate ? o.releaseDate : o.needDate,
			...(o.supplierId ? { supplierId: o.supplierId } : {}),
			source: 'mrp' as const,
			note: o.pegs
				.map((p) => p.label)
				.join(', ')
				.slice(0, 500)
		}))
	);
	return { requisitions, workOrders };
}
