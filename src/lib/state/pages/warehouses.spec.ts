// The worked example of a page view model under test (docs/DECISIONS.md, "Page → view model →
// command"): a real workspace over fake IndexedDB, no relay, the page's model driven the way
// the page drives it, and assertions on what the page would render.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n';
import type { Role } from '../../domain/auth/roles';
import { WorkspaceState } from '../workspace.svelte';
import { WarehousesPageModel } from './warehouses.svelte';

let open: WorkspaceState[] = [];
let n = 0;

async function workspace(role: Role = 'warehouse'): Promise<WorkspaceState> {
	const ws = new WorkspaceState(
		{ token: 't', workspace: `vm-wh-${++n}`, role, user: 'wu', expMs: Date.now() + 60_000 },
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

describe('WarehousesPageModel', () => {
	it('creates a warehouse, selects it, and refuses a second one with the same code', async () => {
		setLocale('en');
		const vm = new WarehousesPageModel(await workspace());
		expect(vm.canEdit).toBe(true);

		vm.warehouseForm.start(null);
		vm.warehouseForm.draft.code = 'tpe';
		// "Required" waits for a save attempt; the name has not been tried yet.
		expect(vm.warehouseForm.nameShown).toBeUndefined();
		expect(vm.saveWarehouse()).toEqual({ ok: false, message: null });
		expect(vm.warehouseForm.nameShown).toBe('Required');

		vm.warehouseForm.draft.name = '台北倉';
		const saved = vm.saveWarehouse();
		expect(saved.ok).toBe(true);
		expect(vm.warehouseForm.open).toBe(false);
		expect(vm.selected?.code).toBe('tpe');

		// Codes compare after normalisation, and the clash shows while typing.
		vm.warehouseForm.start(null);
		vm.warehouseForm.draft.code = ' TPE ';
		vm.warehouseForm.draft.name = 'Other';
		expect(vm.warehouseForm.codeShown).toMatch(/TPE/);
		expect(vm.saveWarehouse().ok).toBe(false);
		expect(vm.warehouses.map((w) => w.code)).toEqual(['tpe']);
	});

	it('adds locations to the selected warehouse, codes unique within it only', async () => {
		setLocale('en');
		const vm = new WarehousesPageModel(await workspace());
		for (const code of ['B', 'A']) {
			vm.warehouseForm.start(null);
			vm.warehouseForm.draft.code = code;
			vm.warehouseForm.draft.name = code;
			expect(vm.saveWarehouse().ok).toBe(true);
		}
		expect(vm.warehouses.map((w) => w.code)).toEqual(['A', 'B']);
		vm.selectedId = vm.warehouses[0]!.id;
		vm.locationForm.start(null);
		vm.locationForm.draft.code = 'A-01';
		expect(vm.locationForm.save().ok).toBe(true);
		vm.locationForm.start(null);
		vm.locationForm.draft.code = 'a-01';
		expect(vm.locationForm.codeShown).toBeDefined();
		expect(vm.locationForm.save().ok).toBe(false);

		vm.selectedId = vm.warehouses[1]!.id;
		vm.locationForm.start(null);
		vm.locationForm.draft.code = 'A-01';
		expect(vm.locationForm.save().ok).toBe(true);
		expect(vm.locationCount(vm.warehouses[0]!.id)).toBe(1);
		expect(vm.locationCount(vm.warehouses[1]!.id)).toBe(1);
	});

	it('a role that may not write the catalog gets a read-only page and a refused save', async () => {
		setLocale('en');
		const vm = new WarehousesPageModel(await workspace('viewer'));
		expect(vm.canEdit).toBe(false);
		vm.warehouseForm.start(null);
		vm.warehouseForm.draft.code = 'X';
		vm.warehouseForm.draft.name = 'X';
		const r = vm.saveWarehouse();
		expect(r.ok).toBe(false);
		expect(r.ok ? '' : r.message).toBeTruthy();
		expect(vm.warehouses).toEqual([]);
	});
});
