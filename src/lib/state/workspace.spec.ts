import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { createItem, createWarehouse } from '../commands/catalog';
import { recordIssue, recordReceipt } from '../commands/movements';
import { projectionDbName } from '../storage/db-names';
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

	for (const projection of ['kept', 'lost'] as const) {
		it(`is usable with correct stock as soon as it says so (projection ${projection})`, async () => {
			const session = {
				token: 't',
				workspace: `reopen-${projection}`,
				role: 'warehouse' as const,
				user: 'wu',
				expMs: Date.now() + 60_000
			};
			const first = new WorkspaceState(session, { serverUrl: null });
			await first.runtime.ready;
			const item = first.run((ctx) => createItem(ctx, { code: 'B-1', name: 'Bolt', unit: 'pcs' }));
			const wh = first.run((ctx) => createWarehouse(ctx, { code: 'W', name: 'Main' }));
			if (!item.ok || !wh.ok) throw new Error('setup failed');
			for (const qty of [5, 7, 9]) {
				first.run((ctx) =>
					recordReceipt(ctx, { itemId: item.value.id, warehouseId: wh.value.id, qty, unit: 'pcs' })
				);
			}
			await first.runtime.projector?.flush();
			await first.close();
			if (projection === 'lost') await Dexie.delete(projectionDbName(session.workspace));

			const again = new WorkspaceState(session, { serverUrl: null });
			await again.runtime.usable;
			// Whatever is still loading behind it, stock and stock checks are already right.
			const issued = again.run((ctx) =>
				recordIssue(ctx, { itemId: item.value.id, warehouseId: wh.value.id, qty: 21, unit: 'pcs' })
			);
			expect(issued.ok ? 'ok' : issued.error.code).toBe('ok');
			await again.runtime.ready;
			expect(again.stock.find((s) => s.itemId === item.value.id)?.onHand).toBe(0);
			await again.close();
		});
	}
});
