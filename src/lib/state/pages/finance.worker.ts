// The finance worker: values, vouchers and reports off the main thread (finance-data.svelte.ts
// posts the plain sources; the FinanceView comes back by structured clone).

import { computeFinance, type FinanceSources } from '../../domain/reports/finance-view';

self.onmessage = (e: MessageEvent<{ id: number; sources: FinanceSources }>) => {
	const { id, sources } = e.data;
	try {
		self.postMessage({ id, view: computeFinance(sources) });
	} catch (err) {
		self.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
	}
};
