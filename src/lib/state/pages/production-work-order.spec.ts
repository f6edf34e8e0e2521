// The work-order detail view model under test (docs/DECISIONS.md, "Page → view model →
// command"): a real workspace over fake IndexedDB, the model driven as the page drives it
// (release, report per step, issue, complete), asserting what the page would show.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n';
import { createItem, createLocation, createWarehouse } from '../../commands/catalog';
import { recordReceipt } from '../../commands/movements';
import { saveBom, saveWorkCenter } from '../../commands/production/boms';
import type { Role } from '../../domain/auth/roles';
import { WorkspaceState } from '../workspace.svelte';
import { NewWorkOrderModel } from './production-work-order-new.svelte';
import { WorkOrderDetailModel } from './production-work-order.svelte';

let open: WorkspaceState[] = [];
let n = 0;

async function workspace(role: Role = 'admin'): Promise<WorkspaceState> {
	const ws = new WorkspaceState(
		{ token: 't', workspace: `vm-wo-${++n}`, role, user: 'pu', expMs: Date.now() + 60_000 },
		{ serverUrl: null }
	);
	open.push(ws);
	await ws.runtime.ready;
	return ws;
}

afterEach(async () => {
	await Promise.all(open.map((ws) => ws.close()));
	open = [];
});

/** A table made of one top and four legs on an assembly line; 3 tops and 8 legs in stock. */
function factory(ws: WorkspaceState) {
	const r = ws.run((ctx) => {
		const wh = createWarehouse(ctx, { code: 'TY', name: '桃園廠' });
		const table = createItem(ctx, { code: 'TBL', name: '餐桌', unit: '張' });
		const top = createItem(ctx, { code: 'TOP', name: '桌面', unit: '片' });
		const leg = createItem(ctx, { code: 'LEG', name: '桌腳', unit: '支' });
		const line = saveWorkCenter(ctx, { code: 'L1', name: '組裝', capacityHoursPerWeek: 40 });
		saveBom(ctx, {
			itemId: table.id,
			version: '1',
			lines: [
				{ id: 'l-top', childId: top.id, qtyPer: 1 },
				{ id: 'l-leg', childId: leg.id, qtyPer: 4 }
			],
			steps: [{ id: 's-asm', seq: 10, name: '組裝', workCenterId: line.id, minutesPerUnit: 30 }]
		});
		const receive = (itemId: string, qty: number, unit: string) =>
			recordReceipt(ctx, { itemId, warehouseId: wh.id, qty, unit, unitCostCents: 100 });
		receive(top.id, 3, '片');
		receive(leg.id, 8, '支');
		return { wh, table, top, leg };
	});
	if (!r.ok) throw r.error;
	return r.value;
}

describe('WorkOrderDetailModel', () => {
	it('shows shortages before release, then reports, issues and completes into stock', async () => {
		setLocale('en');
		const ws = await workspace();
		const f = factory(ws);

		const form = new NewWorkOrderModel(ws);
		form.draft.itemId = f.table.id;
		expect(form.bom?.version).toBe('1');
		form.draft.qty = 'x';
		expect(form.save()).toEqual({ ok: false, message: null });
		expect(form.shown.qty).toBe('Enter a quantity above 0');
		form.draft.qty = '3';
		const created = form.save();
		expect(created.ok).toBe(true);
		form.close();

		const vm = new WorkOrderDetailModel(ws, () => created.id ?? '');
		expect(vm.w?.fold.status).toBe('planned');
		// 3 tables need 3 tops (3 in stock) and 12 legs (8 in stock): legs are 4 short.
		expect(vm.shortages.map((m) => [m.itemId, m.short])).toEqual([[f.leg.id, 4]]);
		expect(vm.can('release')).toBe(true);
		expect(vm.can('floor')).toBe(false);

		expect(vm.release().ok).toBe(true);
		expect(vm.w?.fold.status).toBe('released');
		expect(vm.can('floor')).toBe(true);

		// Nothing typed: the step shows an error and nothing is reported.
		expect(vm.report('s-asm')).toEqual({ ok: false, message: null });
		expect(vm.progressErrors['s-asm']).toBe('Enter good or scrap units');
		vm.setProgress('s-asm', 'good', '2');
		vm.setProgress('s-asm', 'scrap', '1');
		const reported = vm.report('s-asm');
		expect(reported).toEqual({ ok: true, message: 'Reported 組裝: 2 good, 1 scrap' });
		expect(vm.steps[0]).toMatchObject({ good: 2, scrap: 1 });
		expect(vm.progressText('s-asm', 'good')).toBe('');
		expect(vm.w?.fold.status).toBe('in-progress');

		vm.issue[f.top.id] = '2';
		expect(vm.issueMaterial().ok).toBe(true);
		expect(vm.materials.find((m) => m.itemId === f.top.id)?.issued).toBe(2);

		// Completion proposes the last step's good units and backflushes the rest (8 legs).
		expect(vm.proposedGood).toBe(2);
		const done = vm.completeOrder();
		expect(done).toEqual({ ok: true, message: 'Completed: 2 received into stock' });
		expect(vm.w?.fold.status).toBe('completed');
		expect(vm.can('close')).toBe(true);
		expect(ws.balances.find((b) => b.itemId === f.table.id)?.qty).toBe(2);
		expect(ws.balances.find((b) => b.itemId === f.leg.id)?.qty).toBe(0);
		expect(vm.history.map((h) => h.event.type)).toEqual([
			'release',
			'progress',
			'issue',
			'complete'
		]);
		vm.destroy();
	});

	it('issues from the bin the floor chooses: up to what it holds, the rest stays put', async () => {
		setLocale('en');
		const ws = await workspace();
		const f = factory(ws);
		const r = ws.run((ctx) => {
			const bin = createLocation(ctx, { warehouseId: f.wh.id, code: 'R-07' });
			recordReceipt(ctx, {
				itemId: f.leg.id,
				warehouseId: f.wh.id,
				locationId: bin.id,
				qty: 5,
				unit: '支',
				unitCostCents: 100
			});
			return bin;
		});
		if (!r.ok) throw r.error;
		const form = new NewWorkOrderModel(ws);
		form.draft.itemId = f.table.id;
		form.draft.qty = '2';
		const created = form.save();
		form.close();
		const vm = new WorkOrderDetailModel(ws, () => created.id ?? '');
		expect(vm.release().ok).toBe(true);
		// The legs: 8 without a bin, 5 in R-07 — fullest first.
		expect(vm.sources[f.leg.id]?.map((s) => s.label)).toEqual(['No bin (8)', 'R-07 (5)']);
		const binKey = vm.sources[f.leg.id]![1]!.key;
		vm.issue[f.leg.id] = '6';
		vm.issueFrom[f.leg.id] = binKey;
		expect(vm.issueMaterial()).toEqual({ ok: false, message: null });
		expect(vm.issueError).toBe('LEG 桌腳: only 5 in the chosen bin / lot');
		vm.issue[f.leg.id] = '5';
		expect(vm.issueMaterial().ok).toBe(true);
		const legs = (locationId: string) =>
			ws.balances.find((b) => b.itemId === f.leg.id && b.locationId === locationId)?.qty;
		expect([legs(r.value.id), legs('')]).toEqual([0, 8]);
		expect(vm.issueFrom).toEqual({});
		vm.destroy();
	});

	it('refuses the actions to a role that cannot write production data', async () => {
		setLocale('en');
		const vm = new WorkOrderDetailModel(await workspace('sales'), () => 'missing');
		expect(vm.canWrite).toBe(false);
		expect(vm.w).toBeUndefined();
		expect(vm.can('release')).toBe(false);
		vm.destroy();
	});
});
