import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import Dexie from 'dexie';
import { IndexeddbPersistence } from 'y-indexeddb';
import { createItem, createWarehouse, updateItem } from '../commands/catalog';
import { recordReceipt, recordIssue } from '../commands/movements';
import { movementsArray } from '../doc/ledger-doc';
import { ledgerDocName } from '../doc/names';
import { foldBalances } from '../domain/ledger/fold';
import { readMovements } from '../doc/ledger-doc';
import { WorkspaceRuntime } from '../state/workspace-runtime';
import { memoryKeyValueStore, type KeyValueStore } from './kv';
import { docDbName, projectionDbName } from './db-names';
import { ProjectionDb } from './projection-db';
import { queryMovements } from './movement-history';

const NOW = Date.UTC(2026, 10, 15, 9, 0, 0);
const MONTH = '2026-11';
let seq = 0;
const open: WorkspaceRuntime[] = [];

function runtime(workspace: string, kv: KeyValueStore): WorkspaceRuntime {
	const rt = new WorkspaceRuntime({
		session: { workspace, token: 't', role: 'admin', user: 'amy', expMs: NOW + 3_600_000 },
		kv,
		serverUrl: null,
		nowMs: () => NOW,
		random: () => (seq = (seq * 9301 + 49297) % 233280) / 233280
	});
	open.push(rt);
	return rt;
}

afterEach(async () => {
	while (open.length) await open.pop()?.close();
});

function sortedBalances(rt: WorkspaceRuntime) {
	return [...(rt.projector?.balances.values() ?? [])]
		.map((b) => ({ ...b }))
		.sort((a, b) => (a.itemId + a.warehouseId < b.itemId + b.warehouseId ? -1 : 1));
}

async function seed(workspace: string, kv: KeyValueStore) {
	const rt = runtime(workspace, kv);
	await rt.ready;
	const ctx = rt.context();
	const bolt = createItem(ctx, { code: 'B-1', name: '螺絲 M3', unit: 'pcs', category: 'hardware' });
	const nut = createItem(ctx, { code: 'N-1', name: 'Nut', unit: 'pcs' });
	const main = createWarehouse(ctx, { code: 'MAIN', name: '主倉' });
	const east = createWarehouse(ctx, { code: 'EAST', name: '東倉' });
	recordReceipt(ctx, { itemId: bolt.id, warehouseId: main.id, qty: 100, unit: 'pcs' });
	recordReceipt(ctx, { itemId: nut.id, warehouseId: east.id, qty: 40, unit: 'pcs' });
	recordIssue(ctx, { itemId: bolt.id, warehouseId: main.id, qty: 30, unit: 'pcs' });
	return { rt, bolt, nut, main, east };
}

describe('projections', () => {
	it('are kept current by observers: a receipt shows in memory at once and in Dexie after flush', async () => {
		const kv = memoryKeyValueStore();
		const { rt, bolt, main } = await seed('p1', kv);
		const onHand = sortedBalances(rt).find(
			(b) => b.itemId === bolt.id && b.warehouseId === main.id
		);
		expect(onHand?.qty).toBe(70);
		await rt.projector?.flush();
		const db = rt.projector!.db;
		expect((await db.balances.where('itemId').equals(bolt.id).first())?.qty).toBe(70);
		const history = await queryMovements(db, { itemId: bolt.id, limit: 10 });
		expect(history.map((m) => m.reason)).toEqual(['issue', 'receipt']);
		expect((await db.itemSearch.where('tokens').equals('螺絲').first())?.id).toBe(bolt.id);
	});

	it('keep the item search rows in step with the catalog across a restart', async () => {
		const kv = memoryKeyValueStore();
		const { rt, bolt, nut } = await seed('p-search', kv);
		await rt.close();
		const again = runtime('p-search', kv);
		await again.ready;
		updateItem(again.context(), bolt.id, { name: 'Bolt M4' });
		again.flushCatalog();
		await again.projector?.flush();
		const db = again.projector!.db;
		expect((await db.itemSearch.get(bolt.id))?.tokens).toContain('m4');
		expect((await db.itemSearch.get(nut.id))?.name).toBe('Nut');
		expect(await db.itemSearch.count()).toBe(2);
	});

	it('does not apply a movement id twice', async () => {
		const kv = memoryKeyValueStore();
		const { rt, bolt, main } = await seed('p2', kv);
		const doc = rt.docs.ledger(MONTH);
		const first = movementsArray(doc).get(0);
		doc.transact(() => movementsArray(doc).push([first]));
		expect(
			sortedBalances(rt).find((b) => b.itemId === bolt.id && b.warehouseId === main.id)?.qty
		).toBe(70);
	});

	it('are rebuilt with the same balances after the Dexie database is deleted', async () => {
		const kv = memoryKeyValueStore();
		const { rt } = await seed('p3', kv);
		const before = sortedBalances(rt);
		await rt.close();
		await Dexie.delete(projectionDbName('p3'));
		const again = runtime('p3', kv);
		await again.ready;
		expect(sortedBalances(again)).toEqual(before);
	});

	it.each([
		[
			'a wrong movement count',
			(db: ProjectionDb) => db.meta.update(ledgerDocName(MONTH), { count: 1 })
		],
		[
			'a wrong schema version',
			(db: ProjectionDb) => db.meta.update('$schema', { schemaVersion: 999 })
		],
		['a tampered balance', (db: ProjectionDb) => db.balances.toCollection().modify({ qty: 5 })]
	])('are rebuilt, never trusted, after %s', async (_label, tamper) => {
		const kv = memoryKeyValueStore();
		const ws = `p4-${_label.replace(/\W/g, '')}`;
		const { rt } = await seed(ws, kv);
		const before = sortedBalances(rt);
		await rt.close();
		const db = new ProjectionDb(projectionDbName(ws));
		await tamper(db);
		db.close();
		const again = runtime(ws, kv);
		await again.ready;
		expect(again.projector?.rejectedReason).not.toBeNull();
		expect(again.projector?.rebuilds).toBe(1);
		expect(sortedBalances(again)).toEqual(before);
		await again.projector?.flush();
		const stored = await again.projector!.db.balances.toArray();
		expect(
			stored
				.map(({ key: _key, ...b }) => b)
				.sort((a, b) => (a.itemId + a.warehouseId < b.itemId + b.warehouseId ? -1 : 1))
		).toEqual(before);
	});

	it('catches up incrementally with movements that arrived while closed', async () => {
		const kv = memoryKeyValueStore();
		const { rt, nut, east } = await seed('p5', kv);
		const ledgerName = ledgerDocName(MONTH);
		const remote = new Y.Doc();
		Y.applyUpdate(remote, Y.encodeStateAsUpdate(rt.docs.ledger(MONTH)));
		await rt.close();
		// Another device's receipt, stored locally (as the provider would) while the app was closed.
		remote.transact(() =>
			movementsArray(remote).push([
				{
					id: 'remote-1',
					at: '001763197200000-000000-other',
					itemId: nut.id,
					warehouseId: east.id,
					qty: 5,
					reason: 'receipt',
					device: 'other',
					user: 'bob'
				}
			])
		);
		const persistence = new IndexeddbPersistence(docDbName('p5', ledgerName), new Y.Doc());
		await persistence.whenSynced;
		Y.applyUpdate(persistence.doc, Y.encodeStateAsUpdate(remote));
		await persistence.destroy();

		const again = runtime('p5', kv);
		await again.ready;
		expect(again.projector?.reconciled.get(ledgerName)).toBe('incremental');
		expect(again.projector?.rebuilds).toBe(0);
		const folded = foldBalances(readMovements(again.docs.ledger(MONTH)).movements);
		expect(sortedBalances(again)).toEqual(
			[...folded.values()].sort((a, b) =>
				a.itemId + a.warehouseId < b.itemId + b.warehouseId ? -1 : 1
			)
		);
		expect(sortedBalances(again).find((b) => b.itemId === nut.id)?.qty).toBe(45);
	});

	it('reopens unchanged without a rebuild', async () => {
		const kv = memoryKeyValueStore();
		const { rt } = await seed('p6', kv);
		const before = sortedBalances(rt);
		await rt.close();
		const again = runtime('p6', kv);
		await again.ready;
		expect(again.projector?.rebuilds).toBe(0);
		expect(again.projector?.reconciled.get(ledgerDocName(MONTH))).toBe('unchanged');
		expect(sortedBalances(again)).toEqual(before);
	});
});
