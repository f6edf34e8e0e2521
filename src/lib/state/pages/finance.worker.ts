// The finance worker: keeps its own copy of the docs (finance-snapshot.ts), and values,
// vouchers and reports off the main thread (finance-data.svelte.ts); the FinanceView goes back
// by structured clone. Messages are handled in order, a load finishing before the next.

import { computeFinance } from '../../domain/reports/finance-view';
import { FinanceReplica, type FinanceReply, type FinanceRequest } from './finance-snapshot';

const replica = new FinanceReplica();
const reply = (r: FinanceReply, transfer: Transferable[] = []) => self.postMessage(r, { transfer });
let queue: Promise<void> = Promise.resolve();

function handle(msg: FinanceRequest): Promise<void> | void {
	if (msg.kind === 'update') return replica.apply(msg.name, msg.update);
	if (msg.kind === 'load')
		return replica
			.load(msg.name, msg.dbName)
			.then((stateVector) =>
				reply({ kind: 'loaded', name: msg.name, stateVector }, [stateVector.buffer as ArrayBuffer])
			);
	try {
		reply({
			kind: 'view',
			id: msg.id,
			view: computeFinance(replica.sources(msg.months, msg.nowMs))
		});
	} catch (err) {
		reply({ kind: 'error', id: msg.id, error: err instanceof Error ? err.message : String(err) });
	}
}

self.onmessage = (e: MessageEvent<FinanceRequest>) => {
	queue = queue.then(() => handle(e.data)).catch(() => undefined);
};
