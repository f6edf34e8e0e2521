// Delivery promise and rush preview over the workspace: the planning snapshot, the work centres
// with the hours already committed on them, then the pure promise and the re-plan with the order
// added. Read-only; the planning page's worker runs it on its copy of the docs. Committed hours
// (docs/DECISIONS.md, "Promises reserve capacity"): open work orders' remaining steps from their
// start, and the plan's planned production for accepted orders from its release — so an order
// accepted after a promise takes its hours, and the next promise gets the hours left over.

import { effectiveBoms, minutesByWorkCenter, qtyWithScrap } from '../../domain/production/bom';
import {
	CapacityBook,
	type CenterCapacity,
	type CenterLoad
} from '../../domain/production/capacity';
import {
	buildPlan,
	type DatedQty,
	type Plan,
	type PlanningSnapshot
} from '../../domain/production/planning';
import {
	promiseOrder,
	type OrderPromise,
	type PromiseCapacity,
	type PromiseRequest
} from '../../domain/production/promise';
import { previewRush, type RushPreview } from '../../domain/production/rush';
import {
	bookInOrder,
	rushDelays,
	type LoadTarget,
	type RushCapacity
} from '../../domain/production/rush-capacity';
import { OPEN_WO_STATUSES, type WoStatus } from '../../domain/production/wo-state-machine';
import type { CommandContext } from '../context';
import { readPlanningSnapshot } from './planning';
import { productionView, type ProductionView } from './read';

/** Pegs that are not an accepted order: planned for these books no centre hours. */
const UNCOMMITTED_PEGS = new Set(['forecast', 'safety-stock']);

export function activeCenters(view: ProductionView): CenterCapacity[] {
	return view.workCenters
		.filter((c) => c.active)
		.map((c) => ({ id: c.id, hoursPerWeek: c.capacityHoursPerWeek }));
}

/** Work on the floor: a rush does not take these orders' hours. The rest of the queue moves. */
const ON_THE_FLOOR: readonly WoStatus[] = ['released', 'in-progress'];

/** Open work orders' remaining hours per routing step, from their start date. */
export function workOrderLoads(
	view: ProductionView,
	statuses: readonly WoStatus[] = OPEN_WO_STATUSES
): CenterLoad[] {
	const out: CenterLoad[] = [];
	for (const { order, fold } of view.workOrders) {
		if (!statuses.includes(fold.status)) continue;
		for (const step of order.steps) {
			const done = fold.progress.get(step.id);
			const left = Math.max(0, order.qty - (done ? done.good + done.scrap : 0));
			const hours = (left * step.minutesPerUnit) / 60;
			if (hours > 0)
				out.push({ centerId: step.workCenterId, hours, from: order.startDate, ref: order.number });
		}
	}
	return out;
}

/**
 * What the plan's planned production for accepted orders commits (its share pegged to orders,
 * not to forecast or safety stock): hours on the routing's centres from the planned release,
 * and its components at the release, so a later promise takes neither.
 */
export function plannedCommitments(
	plan: Plan,
	snapshot: PlanningSnapshot
): { loads: CenterLoad[]; material: DatedQty[]; targets: Map<string, LoadTarget> } {
	const boms = effectiveBoms(snapshot.boms, snapshot.today);
	const loads: CenterLoad[] = [];
	const material: DatedQty[] = [];
	const targets = new Map<string, LoadTarget>();
	const servedBy = servedOrders(plan, snapshot);
	for (const o of plan.plannedOrders) {
		const bom = o.kind === 'production' ? boms.get(o.itemId) : undefined;
		if (!bom) continue;
		const pegged = o.pegs.reduce((sum, p) => sum + p.qty, 0);
		const committed = o.pegs
			.filter((p) => !UNCOMMITTED_PEGS.has(p.label))
			.reduce((sum, p) => sum + p.qty, 0);
		const qty = pegged > 0 ? (o.qty * committed) / pegged : 0;
		if (qty <= 0) continue;
		targets.set(o.key, { itemId: o.itemId, serves: servedBy(o) });
		for (const [centerId, minutes] of minutesByWorkCenter(bom))
			if (minutes > 0)
				loads.push({ centerId, hours: (qty * minutes) / 60, from: o.releaseDate, ref: o.key });
		for (const line of bom.lines)
			material.push({
				itemId: line.childId,
				date: o.releaseDate,
				qty: qty * qtyWithScrap(line),
				ref: o.key
			});
	}
	return { loads, material, targets };
}

/**
 * The dated orders a planned order serves: its pegs' documents (sales orders, work orders'
 * material), through parent planned orders, each with the earliest date it asks for.
 */
function servedOrders(plan: Plan, snapshot: PlanningSnapshot) {
	const dateOf = new Map<string, string>();
	for (const d of [...snapshot.salesDemand, ...snapshot.materialDemand])
		if (d.ref && (!dateOf.has(d.ref) || d.date < dateOf.get(d.ref)!)) dateOf.set(d.ref, d.date);
	const byPeg = new Map(plan.plannedOrders.map((o) => [`${o.itemId}@${o.needDate}`, o]));
	return (order: Plan['plannedOrders'][number]): LoadTarget['serves'] => {
		const out = new Map<string, string>();
		const walk = (o: Plan['plannedOrders'][number], depth: number): void => {
			for (const peg of o.pegs) {
				const parent = byPeg.get(peg.label);
				if (parent && depth < 20) walk(parent, depth + 1);
				const date = dateOf.get(peg.label);
				if (date) out.set(peg.label, date);
			}
		};
		walk(order, 0);
		return [...out].map(([ref, date]) => ({ ref, date }));
	};
}

/** Planned work orders: their due date is what a delay breaks. */
function workOrderTargets(view: ProductionView): Map<string, LoadTarget> {
	const out = new Map<string, LoadTarget>();
	for (const { order } of view.workOrders)
		out.set(order.number, {
			itemId: order.itemId,
			serves: [{ ref: order.number, date: order.dueDate }]
		});
	return out;
}

export interface PromiseAnswer {
	requests: PromiseRequest[];
	promise: OrderPromise;
	rush: RushPreview;
	/** The same order jumping the queue on the work centres. */
	asRush: RushCapacity;
}

/** The promise for a prospective order (one line or several) and what a rush would move. */
export function promiseForOrder(
	ctx: Pick<CommandContext, 'docs' | 'balances'>,
	requests: readonly PromiseRequest[],
	today: string,
	buckets = 26
): PromiseAnswer {
	const snapshot = readPlanningSnapshot(ctx, today, buckets);
	const view = productionView(ctx);
	const base = buildPlan(snapshot, buckets);
	const planned = plannedCommitments(base, snapshot);
	const capacity: PromiseCapacity = {
		centers: activeCenters(view),
		loads: [...workOrderLoads(view), ...planned.loads]
	};
	const committed: PlanningSnapshot = {
		...snapshot,
		materialDemand: [...snapshot.materialDemand, ...planned.material]
	};
	// As a rush: work on the floor keeps its hours, the order is booked next, the rest after it.
	const centers = capacity.centers;
	const floor = workOrderLoads(view, ON_THE_FLOOR);
	const movable = [
		...workOrderLoads(
			view,
			OPEN_WO_STATUSES.filter((s) => !ON_THE_FLOOR.includes(s))
		),
		...planned.loads
	];
	const rushBook = new CapacityBook(centers, today, floor);
	const asRush = promiseOrder(committed, requests, { centers, loads: [], book: rushBook });
	const after = bookInOrder(rushBook, movable);
	const before = bookInOrder(new CapacityBook(centers, today, floor), movable);
	const targets = new Map([...workOrderTargets(view), ...planned.targets]);
	return {
		requests: [...requests],
		promise: promiseOrder(committed, requests, capacity),
		rush: previewRush(snapshot, requests, buckets, base),
		asRush: { earliestDate: asRush.earliestDate, delayed: rushDelays(before, after, targets) }
	};
}

/** One prospective line (the promise page's question). */
export function promiseForRequest(
	ctx: Pick<CommandContext, 'docs' | 'balances'>,
	request: PromiseRequest,
	today: string,
	buckets = 26
): PromiseAnswer {
	return promiseForOrder(ctx, [request], today, buckets);
}
