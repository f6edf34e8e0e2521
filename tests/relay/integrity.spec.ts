// Integrity inside documents over real sockets, with stock y-websocket clients: for each
// refusal rule, once as a live update and once as the sync step 2 of an offline edit, the
// refused change reaches no listener, no fresh client and no fresh client after a restart; the
// sender is told why (y-protocols permission denied), it is counted by reason; the same user's
// next legitimate change from a new client (a new Yjs client id) goes through.

import * as Y from 'yjs';
import { describeRefusals, type Rule } from './fixtures/refusal-rules';

const STAMP = '001795000000000-000000-dev1';

const movement = (id: string, over: Record<string, unknown> = {}): Record<string, unknown> => ({
	id,
	at: STAMP,
	itemId: 'item1',
	warehouseId: 'wh1',
	qty: 5,
	reason: 'receipt',
	device: 'dev1',
	user: 'wang',
	...over
});

let auditIds = 0;
/** The audit entry a catalog command writes beside a master-record change (domain/audit). */
const audited = (doc: Y.Doc, user: string, entry: Record<string, unknown>): void =>
	doc.getArray('audit').push([
		{
			id: `a${++auditIds}`,
			at: STAMP,
			user,
			device: 'dev1',
			record: 'item',
			recordId: 'item1',
			...entry
		}
	]);

const ledger = (doc: Y.Doc): Y.Array<Record<string, unknown>> => doc.getArray('movements');
const items = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap('items');

const RULES: Rule[] = [
	{
		reason: 'delete',
		doc: 'ledger-2026-11',
		role: 'warehouse',
		user: 'wang',
		seed: (d) => ledger(d).push([movement('m1')]),
		bad: (d) => ledger(d).delete(0, 1),
		good: (d) => ledger(d).push([movement('m2')]),
		view: (d) =>
			ledger(d)
				.toJSON()
				.map((m) => m.id)
	},
	{
		reason: 'schema',
		doc: 'ledger-2026-11',
		role: 'warehouse',
		user: 'wang',
		seed: (d) => ledger(d).push([movement('m1')]),
		bad: (d) => ledger(d).push([movement('zero', { qty: 0 })]),
		good: (d) => ledger(d).push([movement('m2')]),
		view: (d) =>
			ledger(d)
				.toJSON()
				.map((m) => m.id)
	},
	{
		reason: 'authorship',
		doc: 'ledger-2026-11',
		role: 'warehouse',
		user: 'wang',
		seed: (d) => ledger(d).push([movement('m1')]),
		bad: (d) => ledger(d).push([movement('forged', { user: 'lin' })]),
		good: (d) => ledger(d).push([movement('m2')]),
		view: (d) =>
			ledger(d)
				.toJSON()
				.map((m) => m.id)
	},
	{
		reason: 'rights',
		doc: 'catalog',
		role: 'warehouse',
		user: 'wang',
		seed: (d) => {
			const item = new Y.Map<unknown>();
			items(d).set('item1', item);
			const fields = { code: 'BOLT', name: 'bolt', unit: 'pcs' };
			for (const [k, v] of Object.entries(fields)) item.set(k, v);
			audited(d, 'chen', { action: 'create', new: fields });
		},
		// A change and its audit entry travel in one transaction, as a command writes them.
		bad: (d) =>
			d.transact(() => {
				items(d).get('item1')?.set('standardCostCents', 1);
				audited(d, 'wang', { action: 'change', field: 'standardCostCents', old: 0, new: 1 });
			}),
		good: (d) =>
			d.transact(() => {
				items(d).get('item1')?.set('name', 'hex bolt');
				audited(d, 'wang', { action: 'change', field: 'name', old: 'bolt', new: 'hex bolt' });
			}),
		view: (d) => items(d).get('item1')?.toJSON()
	}
];

describeRefusals(RULES);
