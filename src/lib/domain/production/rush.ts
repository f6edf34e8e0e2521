// Rush-order preview (issue 18 point 6): re-plan with the urgent order added and show what moves
// before it is accepted — planned orders it adds or enlarges, open supply the plan now wants
// earlier (expedite), and which other customers' orders slip (their supply now past due).

import type { PlanningSnapshot, Plan, PlannedOrderView } from './planning';
import { buildPlan } from './planning';
import type { PromiseRequest } from './promise';

export const RUSH_REF = 'RUSH';

export interface RushPreview {
	/** Planned orders added or enlarged by the rush (quantity is the increase). */
	added: PlannedOrderView[];
	/** Open orders (PO, WO, requisition) the plan now wants earlier. */
	expedited: { itemId: string; ref: string; qty: number; toDate: string }[];
	/** Other orders whose supply becomes past due only because of the rush. */
	slipped: { ref: string; itemId: string }[];
}

const key = (o: Pick<PlannedOrderView, 'itemId' | 'needDate'>): string =>
	`${o.itemId}@${o.needDate}`;

/** Sales refs (document numbers) served by past-due planned orders, through parent pegs. */
function pastDueRefs(plan: Plan): Map<string, string> {
	const byKey = new Map(plan.plannedOrders.map((o) => [key(o), o]));
	const out = new Map<string, string>();
	const walk = (o: PlannedOrderView, depth: number): void => {
		for (const peg of o.pegs) {
			const parent = byKey.get(peg.label);
			if (parent && depth < 20) walk(parent, depth + 1);
			else if (!peg.label.includes('@') && peg.label !== 'safety-stock' && peg.label !== 'forecast')
				out.set(peg.label, o.itemId);
		}
	};
	for (const o of plan.plannedOrders) if (o.pastDue) walk(o, 0);
	return out;
}

export function previewRush(
	snapshot: PlanningSnapshot,
	requests: PromiseRequest | readonly PromiseRequest[],
	buckets: number,
	base: Plan = buildPlan(snapshot, buckets)
): RushPreview {
	const rush = buildPlan(
		{
			...snapshot,
			salesDemand: [
				...snapshot.salesDemand,
				...(Array.isArray(requests) ? requests : [requests]).map((r: PromiseRequest) => ({
					itemId: r.itemId,
					date: r.wantedDate,
					qty: r.qty,
					ref: RUSH_REF
				}))
			]
		},
		buckets
	);
	const before = new Map(base.plannedOrders.map((o) => [key(o), o.qty]));
	const added = rush.plannedOrders
		.map((o) => ({ ...o, qty: Math.round((o.qty - (before.get(key(o)) ?? 0)) * 1e6) / 1e6 }))
		.filter((o) => o.qty > 0);
	const seen = new Set(
		base.exceptions.flatMap((e) =>
			e.type === 'expedite' ? [`${e.itemId}|${e.ref}|${e.toBucket}`] : []
		)
	);
	const expedited = rush.exceptions.flatMap((e) =>
		e.type === 'expedite' && !seen.has(`${e.itemId}|${e.ref}|${e.toBucket}`)
			? [
					{
						itemId: e.itemId,
						ref: e.ref ?? '',
						qty: e.qty,
						toDate: rush.bucketStarts[Math.max(1, e.toBucket) - 1] ?? snapshot.today
					}
				]
			: []
	);
	const late = pastDueRefs(base);
	const slipped = [...pastDueRefs(rush)]
		.filter(([ref]) => ref !== RUSH_REF && !late.has(ref))
		.map(([ref, itemId]) => ({ ref, itemId }));
	return { added, expedited, slipped };
}
