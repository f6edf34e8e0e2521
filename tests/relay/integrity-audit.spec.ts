// The audit trail's rules over real sockets (fixtures/refusal-rules: live and as sync step 2
// of an offline edit, nothing refused reaches anyone or survives a restart, the same user's
// next legitimate change from a new client goes through): an audit entry is never deleted, it
// names the token's user (an admin's too), and a master-record change comes with its entry.

import * as Y from 'yjs';
import { describeRefusals, type Rule } from './fixtures/refusal-rules';

const STAMP = '001795000000000-000000-dev1';
const FIELDS = { code: 'BOLT', name: 'bolt', unit: 'pcs' };

let auditIds = 0;
const audit = (doc: Y.Doc): Y.Array<Record<string, unknown>> => doc.getArray('audit');
const items = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap('items');

/** An entry as updateItem writes it (domain/audit/entry). */
const entry = (user: string, over: Record<string, unknown>): Record<string, unknown> => ({
	id: `a${++auditIds}`,
	at: STAMP,
	user,
	device: 'dev1',
	record: 'item',
	recordId: 'item1',
	command: 'updateItem',
	...over
});

/** Item `item1` and its `create` entry, written by the admin chen. */
function seed(doc: Y.Doc): void {
	const item = new Y.Map<unknown>();
	items(doc).set('item1', item);
	for (const [k, v] of Object.entries(FIELDS)) item.set(k, v);
	audit(doc).push([entry('chen', { action: 'create', new: FIELDS, command: 'createItem' })]);
}

/** Renames the item with the entry `user` signs (one transaction, as a command writes). */
const rename =
	(name: string, user: string) =>
	(doc: Y.Doc): void =>
		doc.transact(() => {
			const old = items(doc).get('item1')?.get('name');
			items(doc).get('item1')?.set('name', name);
			audit(doc).push([entry(user, { action: 'change', field: 'name', old, new: name })]);
		});

/** The item, and who changed which field (what every client sees). */
const view = (doc: Y.Doc): unknown => ({
	item: items(doc).get('item1')?.toJSON(),
	trail: audit(doc)
		.toArray()
		.map((e) => `${String(e.user)} ${String(e.action)} ${String(e.field ?? '')}`)
});

const base = { doc: 'catalog', seed, view } as const;

const RULES: Rule[] = [
	{
		...base,
		reason: 'delete',
		name: 'deleting an audit entry',
		role: 'warehouse',
		user: 'wang',
		bad: (d) => audit(d).delete(0, 1),
		good: rename('hex bolt', 'wang')
	},
	{
		...base,
		reason: 'authorship',
		name: 'an audit entry naming another user, from an admin',
		role: 'admin',
		user: 'li',
		bad: rename('hex bolt', 'chen'),
		good: rename('hex bolt', 'li')
	},
	{
		...base,
		reason: 'unaudited',
		name: 'an item change without its audit entry',
		role: 'warehouse',
		user: 'wang',
		bad: (d) => items(d).get('item1')?.set('name', 'hex bolt'),
		good: rename('hex bolt', 'wang')
	},
	{
		...base,
		reason: 'unaudited',
		name: 'an audit entry that records another value than the one written',
		role: 'warehouse',
		user: 'wang',
		bad: (d) =>
			d.transact(() => {
				items(d).get('item1')?.set('name', 'hex bolt');
				audit(d).push([
					entry('wang', { action: 'change', field: 'name', old: 'bolt', new: 'bolt M8' })
				]);
			}),
		good: rename('hex bolt', 'wang')
	}
];

describeRefusals(RULES);
