// Runs the pure plan off the main thread: the page posts a planning snapshot, gets the plan.

import { buildPlan, type PlanningSnapshot } from '../../domain/production/planning';

self.onmessage = (
	event: MessageEvent<{ id: number; snapshot: PlanningSnapshot; buckets: number }>
) => {
	const { id, snapshot, buckets } = event.data;
	try {
		self.postMessage({ id, ok: true, plan: buildPlan(snapshot, buckets) });
	} catch (err) {
		self.postMessage({ id, ok: false, message: err instanceof Error ? err.message : String(err) });
	}
};
