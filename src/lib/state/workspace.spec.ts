import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createItem, createWarehouse } from '../commands/catalog';
import { recordReceipt } from '../commands/movements';
import { WorkspaceState } from './workspace.svelte';

describe('WorkspaceState', () => {
	it('shows a local receipt in items, balances and stock in the same tick', async () => {
		const ws = new WorkspaceState(
			{ token: 't', workspace: 'ui1', role: 'warehouse', user: 'wu', expMs: Date.now() + 60_000 },
			{ serverUrl: null }
		);
		await ws.runtime.ready;
		const item = ws.run((ctx) =>
			createItem(ctx, { code: 'A-1', name: 'Apple', unit: 'kg', safetyStock: 10 })
		);
		const wh = ws.run((ctx) => createWarehouse(ctx, { code: 'W', name: 'Main' }));
		if (!item.ok || !wh.ok) throw new Error('setup failed');
		expect(ws.item(item.value.id)?.code).toBe('A-1');
		const receipt = ws.run((ctx) =>
			recordReceipt(ctx, { itemId: item.value.id, warehouseId: wh.value.id, qty: 4, unit: 'kg' })
		);
		expect(receipt.ok).toBe(true);
		expect(ws.stock.find((s) => s.itemId === item.value.id)).toMatchObject({
			onHand: 4,
			status: 'low'
		});
		const bad = ws.run((ctx) =>
			recordReceipt(ctx, { itemId: 'nope', warehouseId: wh.value.id, qty: 1, unit: 'kg' })
		);
		expect(bad.ok ? null : bad.error.code).toBe('unknown-item');
		expect(ws.searchItems('app').map((i) => i.code)).toEqual(['A-1']);
		expect((await ws.movements({ itemId: item.value.id, limit: 5 })).map((m) => m.qty)).toEqual([
			4
		]);
		expect(ws.canWrite('ledger')).toBe(true);
		await ws.close();
	});
});
