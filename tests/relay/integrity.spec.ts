// Integrity inside documents over real sockets, with stock y-websocket clients: for each
// refusal rule, once as a live update and once as the sync step 2 of an offline edit, the
// refused change reaches no listener, no fresh client and no fresh client after a restart; the
// sender is told why (y-protocols permission denied), it is counted by reason; the same user's
// next legitimate change from a new client (a new Yjs client id) goes through.

import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { Role } from '../../src/lib/domain/auth/roles';
import { connectClient, waitFor, waitSynced, type Client } from './fixtures/clients';
import { metric, startTestRelay, tempDir, token, type TestRelay } from './fixtures/relay';

const WS = 'acme';
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

interface Rule {
	reason: 'delete' | 'schema' | 'authorship' | 'rights';
	doc: string;
	role: Role;
	user: string;
	/** Writes what every client then sees (as admin). */
	seed(doc: Y.Doc): void;
	/** The change the relay must refuse. */
	bad(doc: Y.Doc): void;
	/** A legitimate change by the same user. */
	good(doc: Y.Doc): void;
	/** What a client sees: must hold the seed and the good change, never the bad one. */
	view(doc: Y.Doc): unknown;
}

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

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
	vi.restoreAllMocks();
	while (cleanups.length) await cleanups.pop()?.();
});

async function relayOn(dir: string): Promise<TestRelay> {
	const relay = await startTestRelay({ dataDir: dir, integrityChecks: true, roomGraceMs: 0 });
	cleanups.push(() => relay.close());
	return relay;
}

async function client(relay: TestRelay, rule: Rule, role: Role, user: string): Promise<Client> {
	const c = connectClient(relay.ws, WS, rule.doc, await token(WS, role, { user }));
	cleanups.push(() => c.destroy());
	await waitSynced(c);
	return c;
}

const refusedCount = (relay: TestRelay, reason: string): Promise<number> =>
	metric(relay.http, `stockflow_refused_updates_total{reason="${reason}"}`);

/** Lets anything in flight arrive (a refused update must still not have). */
const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 300));

describe.each(RULES)('refuses $reason', (rule) => {
	it.each(['live update', 'sync step 2 of an offline edit'] as const)('as a %s', async (mode) => {
		const dir = tempDir();
		cleanups.push(() => dir.remove());
		let relay = await relayOn(dir.path);
		const admin = await client(relay, rule, 'admin', 'chen');
		admin.doc.transact(() => rule.seed(admin.doc));
		const listener = await client(relay, rule, 'viewer', 'viewer');
		const expected = rule.view(admin.doc);
		await waitFor(
			() => JSON.stringify(rule.view(listener.doc)) === JSON.stringify(expected),
			'the seed to reach the listener'
		);
		const writer = await client(relay, rule, rule.role, rule.user);
		await waitFor(
			() => JSON.stringify(rule.view(writer.doc)) === JSON.stringify(expected),
			'the seed to reach the writer'
		);
		const warned: string[] = [];
		vi.spyOn(console, 'warn').mockImplementation((text: unknown) => void warned.push(String(text)));

		if (mode === 'live update') rule.bad(writer.doc);
		else {
			writer.provider.disconnect();
			rule.bad(writer.doc);
			writer.provider.connect();
		}
		await waitFor(async () => (await refusedCount(relay, rule.reason)) === 1, 'the refusal');
		await waitFor(
			() => warned.some((w) => w.includes(`stockflow-refused:${rule.reason}:`)),
			'the sender to be told why'
		);
		await settle();
		expect(rule.view(listener.doc)).toEqual(expected);
		const fresh = await client(relay, rule, 'viewer', 'viewer');
		expect(rule.view(fresh.doc)).toEqual(expected);

		// A refused change that carried structs leaves a gap in the writer's clocks: its next
		// change is refused too. A refused deletion carries no structs and leaves none.
		if (rule.reason !== 'delete') {
			rule.good(writer.doc);
			await waitFor(async () => (await refusedCount(relay, 'gap')) >= 1, 'the gap refusal');
			await settle();
			expect(rule.view(listener.doc)).toEqual(expected);
		}

		// Nothing refused was stored: a restarted relay serves the seed alone.
		for (const c of [admin, listener, writer, fresh]) c.provider.disconnect();
		await relay.close();
		relay = await relayOn(dir.path);
		const afterRestart = await client(relay, rule, 'viewer', 'viewer');
		expect(rule.view(afterRestart.doc)).toEqual(expected);

		// The same user from a new client (a new client id) goes through.
		const again = await client(relay, rule, rule.role, rule.user);
		rule.good(again.doc);
		const wanted = rule.view(again.doc);
		expect(wanted).not.toEqual(expected);
		await waitFor(
			() => JSON.stringify(rule.view(afterRestart.doc)) === JSON.stringify(wanted),
			'the legitimate change to reach the listener'
		);
		expect(await refusedCount(relay, rule.reason)).toBe(0);
	});
});
