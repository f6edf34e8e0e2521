// The transfer page when a transfer's dispatch is stamped far ahead (a tablet's clock 10 hours
// fast), driven as the page drives it: the warehouse is told, in its language, that an
// administrator must confirm, and nothing is received; the admin is asked (no error, the
// confirm step), confirms, and the stock is at the destination.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createItem, createWarehouse } from '../../commands/catalog';
import { ledgerMovements } from '../../commands/ledger-cache';
import { recordReceipt } from '../../commands/movements';
import { createTransfer, dispatchTransfer } from '../../commands/transfers/transfers';
import type { Role } from '../../domain/auth/roles';
import { foldBalances, onHandOf } from '../../domain/ledger/fold';
import { setLocale } from '../../i18n';
import { TransferDetailPage } from './transfer-detail.svelte';
import { farStampWorkspaces, tabletAhead } from './far-stamp-fixture';

const workspaces = farStampWorkspaces('vm-transfer-far');

/** 8 of tea dispatched from A to B by a tablet (admin) 10 hours ahead; the page as `role`. */
async function dispatched(role: Role) {
	const ws = await workspaces.open(role);
	const tablet = tabletAhead(ws);
	const item = createItem(tablet, { code: 'TEA', name: 'tea', unit: 'pcs' });
	const a = createWarehouse(tablet, { code: 'A', name: 'a' });
	const b = createWarehouse(tablet, { code: 'B', name: 'b' });
	recordReceipt(tablet, { itemId: item.id, warehouseId: a.id, qty: 20, unit: 'pcs' });
	const t = createTransfer(tablet, {
		fromWarehouseId: a.id,
		toWarehouseId: b.id,
		lines: [{ itemId: item.id, qty: 8 }]
	});
	dispatchTransfer(tablet, t.id);
	const vm = new TransferDetailPage(ws, () => t.id);
	vm.received[vm.lineKey({ itemId: item.id })] = '8';
	const onHandB = () =>
		onHandOf(foldBalances(ledgerMovements(ws.runtime.context())), {
			itemId: item.id,
			warehouseId: b.id
		});
	return { vm, onHandB };
}

describe('receiving a transfer dispatched by a clock 10 hours ahead', () => {
	it.each([
		['en', 'an administrator must confirm'],
		['zh-TW', '需由系統管理員確認'],
		['zh-CN', '需由系统管理员确认']
	] as const)(
		'the warehouse (%s) is told an admin must confirm; nothing is received',
		async (locale, text) => {
			setLocale(locale);
			const { vm, onHandB } = await dispatched('warehouse');
			vm.receive();
			expect(vm.error).toContain(text);
			expect(vm.far.stopped).toEqual({ mayConfirm: false });
			vm.confirmFarStamp();
			expect(vm.fold?.status).toBe('in-transit');
			expect(onHandB()).toBe(0);
		}
	);

	it('the admin gets the confirm step instead of an error, confirms, and B holds 8', async () => {
		const { vm, onHandB } = await dispatched('admin');
		vm.receive();
		expect(vm.error).toBeNull();
		expect(vm.far.stopped).toEqual({ mayConfirm: true });
		expect(vm.fold?.status).toBe('in-transit');
		vm.confirmFarStamp();
		expect(vm.far.stopped).toBeNull();
		expect(vm.fold?.status).toBe('received');
		expect(onHandB()).toBe(8);
	});
});
