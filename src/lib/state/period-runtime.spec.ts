import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createItem, createWarehouse } from '../commands/catalog';
import { recordIssue, recordReceipt } from '../commands/movements';
import { closePeriod } from '../commands/period-close';
import { memoryKeyValueStore, type KeyValueStore } from '../storage/kv';
import { WorkspaceRuntime } from './workspace-runtime';

const OCT = Date.UTC(2026, 9, 12, 9);
const NOV = Date.UTC(2026, 10, 4, 9);
let seq = 0;
const open: WorkspaceRuntime[] = [];

function runtime(workspace: string, kv: KeyValueStore, now: () => number, ns?: string) {
	const rt = new WorkspaceRuntime({
		session: { workspace, token: 't', role: 'admin', user: 'amy', expMs: Date.UTC(2030, 0) },
		kv,
		serverUrl: null,
		nowMs: now,
		random: () => (seq = (seq * 9301 + 49297) % 233280) / 233280,
		...(ns ? { storageNamespace: ns } : {})
	});
	open.push(rt);
	return rt;
}

afterEach(async () => {
	while (open.length) await open.pop()?.close();
});

const qtyOf = (rt: WorkspaceRuntime) =>
	Object.fromEntries(
		[...(rt.projector?.balances.values() ?? [])]
			.filter((b) => b.qty !== 0)
			.map((b) => [`${b.itemId}|${b.warehouseId}|${b.lot}`, b.qty])
	);

async function closedOctober(workspace: string, kv: KeyValueStore) {
	let now = OCT;
	const rt = runtime(workspace, kv, () => now);
	await rt.ready;
	const ctx = rt.context();
	const tea = createItem(ctx, { code: 'TEA', name: '紅茶', unit: '箱', lotTracked: true });
	const main = createWarehouse(ctx, { code: 'MAIN', name: '主倉' });
	recordReceipt(ctx, { itemId: tea.id, warehouseId: main.id, qty: 50, unit: '箱', lot: 'L1' });
	recordIssue(ctx, { itemId: tea.id, warehouseId: main.id, qty: 8, unit: '箱', lot: 'L1' });
	now = NOV;
	recordReceipt(ctx, { itemId: tea.id, warehouseId: main.id, qty: 5, unit: '箱', lot: 'L2' });
	const before = qtyOf(rt);
	closePeriod(rt.context(), '2026-10');
	return { rt, tea, main, before, now: () => now };
}

describe('a workspace after a period close', () => {
	it('keeps the same balances live and folds only the open months', async () => {
		const { rt, before } = await closedOctober('c1', memoryKeyValueStore());
		expect(qtyOf(rt)).toEqual(before);
		expect(rt.closedThrough).toBe('2026-10');
		expect(rt.docs.ledgers()).toHaveLength(1);
	});

	it('reopens from the stored projection without opening October or refolding', async () => {
		const kv = memoryKeyValueStore();
		const { rt, before, now } = await closedOctober('c2', kv);
		await rt.projector?.flush();
		await rt.close();
		const again = runtime('c2', kv, now);
		await again.usable;
		expect(qtyOf(again)).toEqual(before);
		await again.ready;
		expect(again.projector?.rebuilds).toBe(0);
		expect(again.docs.ledgers()).toHaveLength(1);
		expect(qtyOf(again)).toEqual(before);
		// History of the closed month is still there on request, and never folded into stock.
		const october = await again.closedMonthMovements('2026-10');
		expect(october.map((m) => m.reason).sort()).toEqual(['issue', 'receipt']);
		expect(again.docs.ledgers()).toHaveLength(1);
		expect(qtyOf(again)).toEqual(before);
	});

	it('a new device needs only the catalog and November to show stock', async () => {
		const { rt, before, tea, main, now } = await closedOctober('c3', memoryKeyValueStore());
		const fresh = runtime('c3', memoryKeyValueStore(), now, 'c3-fresh');
		await fresh.ready;
		Y.applyUpdate(fresh.catalog, Y.encodeStateAsUpdate(rt.catalog));
		fresh.flushCatalog();
		Y.applyUpdate(fresh.docs.ledger('2026-11'), Y.encodeStateAsUpdate(rt.docs.ledger('2026-11')));
		expect(qtyOf(fresh)).toEqual(before);
		// October was never asked for: the fresh device holds no doc for it.
		expect(fresh.docs.ledgers().map((d) => d.guid)).toEqual([fresh.docs.ledger('2026-11').guid]);
		// And stock checks use the opening.
		expect(() =>
			recordIssue(fresh.context(), {
				itemId: tea.id,
				warehouseId: main.id,
				qty: 43,
				unit: '箱',
				lot: 'L1'
			})
		).toThrow();
		recordIssue(fresh.context(), {
			itemId: tea.id,
			warehouseId: main.id,
			qty: 42,
			unit: '箱',
			lot: 'L1'
		});
		expect(qtyOf(fresh)[`${tea.id}|${main.id}|L1`]).toBeUndefined(); // sold out
	});
});
