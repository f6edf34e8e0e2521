// The finance worker: reads the posted doc updates, values, vouchers and reports off the main
// thread (finance-data.svelte.ts); the FinanceView goes back by structured clone.

import { computeFinance } from '../../domain/reports/finance-view';
import { sourcesOfSnapshot, type FinanceSnapshot } from './finance-snapshot';

self.onmessage = (e: MessageEvent<{ id: number; snapshot: FinanceSnapshot }>) => {
	const { id, snapshot } = e.data;
	try {
		self.postMessage({ id, view: computeFinance(sourcesOfSnapshot(snapshot)) });
	} catch (err) {
		self.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
	}
};
