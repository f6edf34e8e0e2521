// Delivery promise and rush preview over the workspace: the planning snapshot, the work centres'
// capacity less the open work orders' load, then the pure promise and the re-plan with the
// order added. Read-only; the planning page's worker runs it on its copy of the docs.

import { addDays } from '../../domain/production/calendar';
import {
	promiseDelivery,
	type CenterCapacity,
	type DeliveryPromise,
	type PromiseRequest
} from '../../domain/production/promise';
import { previewRush, type RushPreview } from '../../domain/production/rush';
import { OPEN_WO_STATUSES } from '../../domain/production/wo-state-machine';
import type { CommandContext } from '../context';
import { readPlanningSnapshot } from './planning';
import { productionView, type ProductionView } from './read';

/** Weeks over which open work orders' remaining hours are averaged into a weekly load. */
export const LOAD_WEEKS = 4;

/** Each active centre's weekly capacity and the open orders' remaining hours per week on it. */
export function centerCapacities(view: ProductionView, today: string): CenterCapacity[] {
	const horizon = addDays(today, LOAD_WEEKS * 7);
	const hours = new Map<string, number>();
	for (const { order, fold } of view.workOrders) {
		if (!OPEN_WO_STATUSES.includes(fold.status) || order.startDate >= horizon) continue;
		for (const step of order.steps) {
			const done = fold.progress.get(step.id);
			const left = Math.max(0, order.qty - (done ? done.good + done.scrap : 0));
			hours.set(
				step.workCenterId,
				(hours.get(step.workCenterId) ?? 0) + (left * step.minutesPerUnit) / 60
			);
		}
	}
	return view.workCenters
		.filter((c) => c.active)
		.map((c) => ({
			id: c.id,
			hoursPerWeek: c.capacityHoursPerWeek,
			loadHoursPerWeek: Math.round(((hours.get(c.id) ?? 0) / LOAD_WEEKS) * 10) / 10
		}));
}

export interface PromiseAnswer {
	request: PromiseRequest;
	promise: DeliveryPromise;
	rush: RushPreview;
}

export function promiseForRequest(
	ctx: Pick<CommandContext, 'docs' | 'balances'>,
	request: PromiseRequest,
	today: string,
	buckets = 26
): PromiseAnswer {
	const snapshot = readPlanningSnapshot(ctx, today, buckets);
	const centers = centerCapacities(productionView(ctx), today);
	return {
		request,
		promise: promiseDelivery(snapshot, request, centers),
		rush: previewRush(snapshot, request, buckets)
	};
}
