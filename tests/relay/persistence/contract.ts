// The persistence port's contract: every backend (SQLite today; Postgres or Redis for
// multi-node later) must pass this same suite.

import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { PersistencePort, RoomKey } from '../../../sync-server/persistence/port';

export interface StoreHarness {
	readonly store: PersistencePort;
	/** Closes and opens the same storage again (durable backends only). */
	reopen?: () => Promise<PersistencePort>;
	cleanup(): Promise<void> | void;
}

const ROOM: RoomKey = { workspace: 'acme', doc: 'ledger-2026-11' };

function docOf(updates: readonly Uint8Array[]): Y.Doc {
	const doc = new Y.Doc();
	for (const u of updates) Y.applyUpdate(doc, u);
	return doc;
}

/** A writer doc whose every change becomes one update, like a client's transactions. */
function writer(): { doc: Y.Doc; updates: Uint8Array[] } {
	const doc = new Y.Doc();
	const updates: Uint8Array[] = [];
	doc.on('update', (u: Uint8Array) => updates.push(u));
	return { doc, updates };
}

export function describePersistenceContract(
	name: string,
	makeStore: () => Promise<StoreHarness> | StoreHarness
): void {
	describe(`persistence contract: ${name}`, () => {
		const harnesses: StoreHarness[] = [];
		const open = async (): Promise<StoreHarness> => {
			const h = await makeStore();
			harnesses.push(h);
			return h;
		};
		afterEach(async () => {
			for (const h of harnesses.splice(0)) await h.cleanup();
		});

		it('becomes ready, then loads an unknown room as empty', async () => {
			const { store } = await open();
			await store.ready();
			expect(await store.load(ROOM)).toEqual({ updates: [], lastSeq: 0 });
			expect(await store.count(ROOM)).toBe(0);
			expect(await store.listDocs('acme')).toEqual([]);
		});

		it('returns appended updates so the doc rebuilds exactly', async () => {
			const { store } = await open();
			const w = writer();
			for (let i = 0; i < 5; i++) w.doc.getArray('movements').push([{ id: `m${i}` }]);
			let lastSeq = 0;
			for (const [i, u] of w.updates.entries()) {
				const result = await store.append(ROOM, u);
				expect(result.seq).toBeGreaterThan(lastSeq);
				expect(result.storedRows).toBe(i + 1);
				lastSeq = result.seq;
			}
			const loaded = await store.load(ROOM);
			expect(loaded.lastSeq).toBe(lastSeq);
			expect(loaded.updates.map((u) => [...u])).toEqual(w.updates.map((u) => [...u]));
			expect(docOf(loaded.updates).getArray('movements').toJSON()).toEqual(
				w.doc.getArray('movements').toJSON()
			);
		});

		it('keeps rooms and workspaces apart and lists docs per workspace, sorted', async () => {
			const { store } = await open();
			const w = writer();
			w.doc.getMap('items').set('a', 1);
			const u = w.updates[0] ?? new Uint8Array();
			await store.append({ workspace: 'acme', doc: 'ledger-2026-11' }, u);
			await store.append({ workspace: 'acme', doc: 'catalog' }, u);
			await store.append({ workspace: 'acme-2', doc: 'orders' }, u);
			await store.append({ workspace: 'acm', doc: 'counts' }, u);
			expect(await store.listDocs('acme')).toEqual(['catalog', 'ledger-2026-11']);
			expect(await store.listDocs('acme-2')).toEqual(['orders']);
			expect(await store.listDocs('nobody')).toEqual([]);
			expect(await store.count({ workspace: 'acme', doc: 'orders' })).toBe(0);
		});

		it('compacts many rows into one snapshot with the same content', async () => {
			const { store } = await open();
			const w = writer();
			for (let i = 0; i < 30; i++) w.doc.getMap('items').set(`i${i % 7}`, i);
			for (const u of w.updates) await store.append(ROOM, u);
			const result = await store.compact(ROOM);
			expect(result.merged).toBe(30);
			expect(await store.count(ROOM)).toBe(1);
			const loaded = await store.load(ROOM);
			expect(docOf(loaded.updates).getMap('items').toJSON()).toEqual(
				w.doc.getMap('items').toJSON()
			);
			// Appends after a compaction still come back.
			w.doc.getMap('items').set('late', true);
			await store.append(ROOM, w.updates[w.updates.length - 1] ?? new Uint8Array());
			expect(
				docOf((await store.load(ROOM)).updates)
					.getMap('items')
					.toJSON()
			).toEqual(w.doc.getMap('items').toJSON());
		});

		it('does nothing when there is nothing to compact', async () => {
			const { store } = await open();
			expect((await store.compact(ROOM)).merged).toBe(0);
			const w = writer();
			w.doc.getMap('items').set('a', 1);
			await store.append(ROOM, w.updates[0] ?? new Uint8Array());
			expect((await store.compact(ROOM)).merged).toBe(0);
			expect(await store.count(ROOM)).toBe(1);
		});

		it('loses no update appended while a compaction runs', async () => {
			const { store } = await open();
			const w = writer();
			const movements = w.doc.getArray('movements');
			for (let i = 0; i < 40; i++) movements.push([{ id: `before-${i}` }]);
			for (const u of w.updates.splice(0)) await store.append(ROOM, u);
			const compaction = store.compact(ROOM);
			const appends: Promise<unknown>[] = [];
			for (let i = 0; i < 10; i++) {
				movements.push([{ id: `during-${i}` }]);
				appends.push(store.append(ROOM, w.updates.shift() ?? new Uint8Array()));
			}
			await Promise.all([compaction, ...appends]);
			await store.compact(ROOM);
			expect(
				docOf((await store.load(ROOM)).updates)
					.getArray('movements')
					.toJSON()
			).toEqual(movements.toJSON());
		});

		it('settles concurrent appends to several rooms in issue order per room (group commit)', async () => {
			const h = await open();
			const rooms: RoomKey[] = ['ledger-2026-09', 'ledger-2026-10', 'catalog'].map((doc) => ({
				workspace: 'acme',
				doc
			}));
			const writers = rooms.map(() => writer());
			for (let i = 0; i < 8; i++) {
				for (const w of writers) w.doc.getArray('movements').push([{ id: `m${i}` }]);
			}
			// Issued without awaiting, interleaved across rooms: one turn of a busy relay.
			const pending = writers.flatMap((w, r) =>
				w.updates.map((u, i) => ({ r, i, result: h.store.append(rooms[r] ?? ROOM, u) }))
			);
			const settled = await Promise.all(
				pending.map(async (p) => ({ ...p, result: await p.result }))
			);
			for (const [r, room] of rooms.entries()) {
				const mine = settled.filter((p) => p.r === r);
				expect(mine.map((p) => p.result.storedRows)).toEqual(mine.map((p) => p.i + 1));
				const seqs = mine.map((p) => p.result.seq);
				expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
				expect(new Set(seqs).size).toBe(seqs.length);
				expect(
					docOf((await h.store.load(room)).updates)
						.getArray('movements')
						.toJSON()
				).toEqual(writers[r]?.doc.getArray('movements').toJSON());
			}
			if (h.reopen) {
				const again = await h.reopen();
				for (const room of rooms) expect(await again.count(room)).toBe(8);
			}
		});

		it('resolves durable() after what was appended before it, in the order asked', async () => {
			const h = await open();
			const w = writer();
			for (let i = 0; i < 3; i++) w.doc.getArray('movements').push([{ id: `m${i}` }]);
			for (const u of w.updates) await h.store.append(ROOM, u);
			const order: number[] = [];
			await Promise.all([
				h.store.durable().then(() => order.push(1)),
				h.store.durable().then(() => order.push(2))
			]);
			expect(order).toEqual([1, 2]);
			if (h.reopen) expect(await (await h.reopen()).count(ROOM)).toBe(3);
		});

		it('keeps everything after close and reopen (durable backends)', async () => {
			const h = await open();
			if (!h.reopen) {
				// In-memory backends are not durable by definition; the contract only asks them to
				// refuse work once closed.
				await h.store.close();
				await expect(h.store.load(ROOM)).rejects.toThrow();
				return;
			}
			const w = writer();
			for (let i = 0; i < 3; i++) w.doc.getArray('movements').push([{ id: `m${i}` }]);
			for (const u of w.updates) await h.store.append(ROOM, u);
			await h.store.compact(ROOM);
			w.doc.getArray('movements').push([{ id: 'after-compaction' }]);
			await h.store.append(ROOM, w.updates[w.updates.length - 1] ?? new Uint8Array());
			const again = await h.reopen();
			expect(
				docOf((await again.load(ROOM)).updates)
					.getArray('movements')
					.toJSON()
			).toEqual(w.doc.getArray('movements').toJSON());
			expect(await again.listDocs('acme')).toEqual(['ledger-2026-11']);
		});
	});
}
