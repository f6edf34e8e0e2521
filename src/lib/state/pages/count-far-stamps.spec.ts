// The count page's approval when entries are stamped far from the relay's time, driven as the
// page drives it: the admin is shown how many and confirms; the warehouse is told to ask one.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createItem, createWarehouse } from '../../commands/catalog';
import { createCommandContext } from '../../commands/create-context';
import { recordReceipt } from '../../commands/movements';
import { openCount, recordCountLines, submitCount } from '../../commands/stocktake/stocktake';
import type { Role } from '../../domain/auth/roles';
import { setLocale } from '../../i18n';
import { CountSheetPage } from './count-sheet.svelte';
import { farStampWorkspaces, HOUR } from './far-stamp-fixture';

const workspaces = farStampWorkspaces('vm-far');

/** A submitted count of 214 while a receipt of 64 carries a stamp 10 hours ahead. */
async function countWithFarReceipt(role: Role) {
	const ws = await workspaces.open(role);
	const admin = createCommandContext({
		docs: ws.runtime.docs,
		device: 'desk',
		user: 'amy',
		role: 'admin',
		nowMs: Date.now
	});
	const item = createItem(admin, { code: 'TEA', name: 'tea', unit: 'pcs' });
	const wh = createWarehouse(admin, { code: 'W', name: 'w' });
	recordReceipt(admin, {
		itemId: item.id,
		warehouseId: wh.id,
		qty: 150,
		unit: 'pcs'
	});
	const ahead = createCommandContext({
		docs: ws.runtime.docs,
		device: 'tablet',
		user: 'amy',
		role: 'admin',
		nowMs: () => Date.now() + 10 * HOUR
	});
	recordReceipt(ahead, {
		itemId: item.id,
		warehouseId: wh.id,
		qty: 64,
		unit: 'pcs'
	});
	const r = ws.run((ctx) => {
		const count = openCount(ctx, {
			warehouseId: wh.id,
			kind: 'full',
			blind: false
		});
		recordCountLines(ctx, count.id, [{ itemId: item.id, countedQty: 214 }]);
		submitCount(ctx, count.id);
		return count.id;
	});
	if (!r.ok) throw r.error;
	return new CountSheetPage(ws, () => r.value);
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('approving a count with an entry stamped far ahead', () => {
	it('the admin is asked, confirms, and the count posts its one difference', async () => {
		setLocale('en');
		const vm = await countWithFarReceipt('admin');
		// No error toast for the admin: the page shows the confirm step instead.
		expect(vm.act('approve')).toBeNull();
		expect(vm.farStamps).toEqual({ count: 1, mayConfirm: true });
		expect(vm.session?.status).toBe('submitted');
		const confirmed = vm.confirmFarStamps();
		expect(confirmed).toEqual({
			ok: true,
			message: expect.stringContaining('1')
		});
		expect(vm.farStamps).toBeNull();
		await settle();
		expect(vm.session?.status).toBe('approved');
	});

	it('the warehouse is told an administrator must confirm', async () => {
		setLocale('en');
		const vm = await countWithFarReceipt('warehouse');
		expect(vm.act('approve')?.message).toContain('an administrator must confirm');
		expect(vm.farStamps).toEqual({ count: 1, mayConfirm: false });
		expect(vm.confirmFarStamps()).toBeNull();
		await settle();
		expect(vm.session?.status).toBe('submitted');
	});
});
