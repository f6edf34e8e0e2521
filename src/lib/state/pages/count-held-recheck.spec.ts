// The count page when an approved count's automatic re-check is held: a receipt of 7 from a
// tablet whose clock was reset before 2020 sorts before the count and would post count −7.
// The page names the movement (item, quantity, device, how far off) and sends an admin to the
// clock page; once the admin repairs it there, the notice goes and the re-check posts.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createItem, createWarehouse } from '../../commands/catalog';
import { createCommandContext } from '../../commands/create-context';
import { ledgerMovements } from '../../commands/ledger-cache';
import { recordReceipt } from '../../commands/movements';
import { repairStamp } from '../../commands/repair-stamp';
import { approveCount } from '../../commands/stocktake/approval';
import { openCount, recordCountLines, submitCount } from '../../commands/stocktake/stocktake';
import type { Role } from '../../domain/auth/roles';
import { STAMP_FLOOR_MS } from '../../domain/clock/stamp-trust';
import { isPostingOf } from '../../domain/stocktake/posting';
import { setLocale } from '../../i18n';
import { deviceNames } from '../presence.svelte';
import { WorkspaceState } from '../workspace.svelte';
import { CountSheetPage } from './count-sheet.svelte';

let open: WorkspaceState[] = [];
let n = 0;

afterEach(async () => {
	await Promise.all(open.map((ws) => ws.close()));
	open = [];
	setLocale('zh-TW');
});

/** An approved count of 150 (the book), then a late receipt of 7 stamped at `stampMs`. */
async function approvedCountThenLate(role: Role, stampMs: number) {
	const ws = new WorkspaceState(
		{ token: 't', workspace: `vm-held-${++n}`, role, user: 'amy', expMs: Date.now() + 60_000 },
		{ serverUrl: null }
	);
	open.push(ws);
	await ws.runtime.ready;
	const desk = createCommandContext({
		docs: ws.runtime.docs,
		device: 'desk',
		user: 'amy',
		role: 'admin',
		nowMs: Date.now
	});
	const item = createItem(desk, { code: 'TEA', name: 'tea', unit: 'pcs' });
	const wh = createWarehouse(desk, { code: 'W', name: 'w' });
	recordReceipt(desk, { itemId: item.id, warehouseId: wh.id, qty: 150, unit: 'pcs' });
	const count = openCount(desk, { warehouseId: wh.id, kind: 'full', blind: false });
	recordCountLines(desk, count.id, [{ itemId: item.id, countedQty: 150 }]);
	submitCount(desk, count.id);
	expect(approveCount(desk, count.id)).toEqual([]);
	const tablet = createCommandContext({
		docs: ws.runtime.docs,
		device: 'oldtab',
		user: 'ben',
		role: 'warehouse',
		nowMs: () => stampMs
	});
	const late = recordReceipt(tablet, { itemId: item.id, warehouseId: wh.id, qty: 7, unit: 'pcs' });
	const posted = () =>
		ledgerMovements(ws.runtime)
			.filter((m) => isPostingOf(count.id, m))
			.map((m) => m.qty);
	return { ws, vm: new CountSheetPage(ws, () => count.id), late, posted };
}

describe('an approved count whose re-check is held by a far-stamped movement', () => {
	it('names the movement and sends the admin to the clock page; repaired, the re-check posts', async () => {
		setLocale('en');
		const { ws, vm, late, posted } = await approvedCountThenLate('admin', STAMP_FLOOR_MS - 1);
		// The tablet's sign-in name, as presence would have taught this device.
		deviceNames.byId = { ...deviceNames.byId, oldtab: 'iPad · Warehouse' };
		vm.reconcile();
		expect(posted()).toEqual([]);
		expect(vm.isAdmin).toBe(true);
		expect(vm.heldRecheck).toEqual([
			{
				id: late.id,
				what: 'TEA +7',
				device: 'iPad · Warehouse',
				off: 'before 2020 (reset clock)',
				at: expect.any(String)
			}
		]);
		// The admin re-enters it at the right time (an hour ago, before the count) on the clock page.
		const r = ws.run((ctx) =>
			repairStamp(ctx, { movementId: late.id, reenterAtMs: Date.now() - 3_600_000 })
		);
		expect(r.ok).toBe(true);
		const after = new CountSheetPage(ws, () => vm.session?.id ?? '');
		expect(after.heldRecheck).toEqual([]);
		after.reconcile();
		expect(posted()).toEqual([-7]);
	});

	it('the warehouse sees the same notice, told to ask an admin', async () => {
		const { vm } = await approvedCountThenLate('warehouse', STAMP_FLOOR_MS - 1);
		vm.reconcile();
		expect(vm.isAdmin).toBe(false);
		expect(vm.heldRecheck.map((h) => h.what)).toEqual(['TEA +7']);
	});

	it('exactly on 2020-01-01 nothing is held: the re-check posts count −7', async () => {
		const { vm, posted } = await approvedCountThenLate('warehouse', STAMP_FLOOR_MS);
		expect(vm.heldRecheck).toEqual([]);
		vm.reconcile();
		expect(posted()).toEqual([-7]);
	});
});
