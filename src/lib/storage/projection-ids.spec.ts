import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendMovements, readMovements } from '../doc/ledger-doc';
import { ledgerDocName } from '../doc/names';
import { foldBalances } from '../domain/ledger/fold';
import type { Movement } from '../domain/ledger/movement';
import { createItem, createWarehouse } from '../commands/catalog';
import { recordReceipt } from '../commands/movements';
import { WorkspaceRuntime } from '../state/workspace-runtime';
import { memoryKeyValueStore, type KeyValueStore } from './kv';
import { Projector } from './projector';

// The stored movement ids are read after open, off the cold start: movements arriving before
// then must still be applied exactly once, and nothing may be checkpointed ahead of them.

const LEDGER = ledgerDocName('2026-11');
const COMMAND = { kind: 'command' };

function movement(id: string, qty: number, second: number): Movement {
	return {
		id,
		at: `0017631972${String(second).padStart(5, '0')}-000000-dev`,
		itemId: 'bolt',
		warehouseId: 'main',
		qty,
		reason: qty > 0 ? 'receipt' : 'issue',
		device: 'dev',
		user: 'amy'
	};
}

function onHand(projector: Projector): number {
	let total = 0;
	for (const b of projector.balances.values()) total += b.qty;
	return total;
}

function foldedOnHand(doc: Y.Doc): number {
	let total = 0;
	for (const b of foldBalances(readMovements(doc).movements).values()) total += b.qty;
	return total;
}

/** A projection holding `movements` for one ledger doc, closed; returns the doc's update. */
async function storedProjection(name: string, movements: Movement[]): Promise<Uint8Array> {
	const doc = new Y.Doc();
	doc.transact(() => appendMovements(doc, movements));
	const projector = await Projector.open(name);
	projector.attachLedger(LEDGER, doc);
	projector.reconcile(LEDGER);
	await projector.close();
	return Y.encodeStateAsUpdate(doc);
}

/** Reopens the projection with a copy of the ledger doc, as a cold start does. */
async function reopen(name: string, update: Uint8Array): Promise<{ p: Projector; doc: Y.Doc }> {
	const p = await Projector.open(name);
	const doc = new Y.Doc();
	Y.applyUpdate(doc, update);
	p.attachLedger(LEDGER, doc);
	return { p, doc };
}

function runtime(workspace: string, kv: KeyValueStore): WorkspaceRuntime {
	let seq = 1;
	return new WorkspaceRuntime({
		session: { workspace, token: 't', role: 'admin', user: 'amy', expMs: Date.now() + 3_600_000 },
		kv,
		serverUrl: null,
		random: () => (seq = (seq * 9301 + 49297) % 233280) / 233280
	});
}

describe('stored movement ids, read after open', () => {
	it('let a clerk record right after a cold start: the receipt counts exactly once', async () => {
		const kv = memoryKeyValueStore();
		const first = runtime('ids-rt', kv);
		await first.ready;
		const ctx = first.context();
		const bolt = createItem(ctx, { code: 'B-1', name: 'Bolt', unit: 'pcs' });
		const main = createWarehouse(ctx, { code: 'MAIN', name: 'Main' });
		recordReceipt(ctx, { itemId: bolt.id, warehouseId: main.id, qty: 100, unit: 'pcs' });
		await first.close();

		const again = runtime('ids-rt', kv);
		await again.usable;
		recordReceipt(again.context(), { itemId: bolt.id, warehouseId: main.id, qty: 5, unit: 'pcs' });
		await again.ready;
		await again.projector?.flush();
		const onHandNow = [...(again.projector?.balances.values() ?? [])].reduce(
			(s, b) => s + b.qty,
			0
		);
		expect(onHandNow).toBe(105);
		expect(await again.projector?.db.movements.count()).toBe(2);
		await again.close();
	});

	it('apply a movement that arrives before they are read exactly once, duplicates skipped', async () => {
		const update = await storedProjection('ids-1', [
			movement('m1', 100, 1),
			movement('m2', -30, 2)
		]);
		const { p, doc } = await reopen('ids-1', update);
		p.reconcile(LEDGER);
		expect(onHand(p)).toBe(70); // the stored balances, shown at once

		// A clerk's receipt, and a peer re-appending a movement the projection already holds.
		doc.transact(() => appendMovements(doc, [movement('m3', 5, 3)]), COMMAND);
		// The clerk's own receipt counts at once: stock checks must never lag a local write.
		expect(onHand(p)).toBe(75);
		doc.transact(() => appendMovements(doc, [movement('m1', 100, 1)]));
		expect(onHand(p)).toBe(75); // the peer's copy waits for the ids (and is then skipped)
		await p.flush();

		expect(onHand(p)).toBe(75);
		expect(onHand(p)).toBe(foldedOnHand(doc));
		expect(await p.db.movements.count()).toBe(3);
		await p.close();

		// What was written is consistent: the next open trusts it and shows the same stock.
		const again = await Projector.open('ids-1');
		expect(again.rejectedReason).toBeNull();
		expect(onHand(again)).toBe(75);
		await again.close();
	});

	it('count a local re-append of a stored id once (a carried or re-posted movement)', async () => {
		const update = await storedProjection('ids-4', [movement('m1', 10, 1), movement('c1', 3, 2)]);
		const { p, doc } = await reopen('ids-4', update);
		p.reconcile(LEDGER);
		// A command appends a movement whose deterministic id the projection already holds.
		doc.transact(() => appendMovements(doc, [movement('c1', 3, 2)]), COMMAND);
		await p.flush();
		expect(onHand(p)).toBe(13);
		expect(onHand(p)).toBe(foldedOnHand(doc));
		await p.close();
		const again = await Projector.open('ids-4');
		expect(again.rejectedReason).toBeNull();
		expect(onHand(again)).toBe(13);
		await again.close();
	});

	it('checkpoint the movements that waited for them', async () => {
		const update = await storedProjection('ids-2', [movement('m1', 10, 1)]);
		const { p, doc } = await reopen('ids-2', update);
		doc.transact(() => appendMovements(doc, [movement('m2', 4, 2)]));
		p.reconcile(LEDGER);
		await p.flush();
		expect((await p.db.meta.get(LEDGER))?.count).toBe(2);
		expect(onHand(p)).toBe(14);
		await p.close();
	});

	it('are dropped when the projection is rebuilt before they arrive', async () => {
		const update = await storedProjection('ids-3', [movement('m1', 10, 1), movement('m2', 2, 2)]);
		const { p, doc } = await reopen('ids-3', update);
		doc.transact(() => appendMovements(doc, [movement('m3', 1, 3)]), COMMAND);
		p.reconcile(LEDGER);
		p.rebuild();
		expect(onHand(p)).toBe(13);
		await p.flush();
		expect(onHand(p)).toBe(13);
		expect(p.rebuilds).toBe(1);
		expect(await p.db.movements.count()).toBe(3);
		await p.close();
		const again = await Projector.open('ids-3');
		expect(again.rejectedReason).toBeNull();
		expect(onHand(again)).toBe(13);
		await again.close();
	});
});
