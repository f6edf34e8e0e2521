// The pick page when a sales order's confirmation is stamped far ahead (a sales tablet's clock
// 10 hours fast), driven as the page drives it: picking a row would mark the order started and
// shipping would ship it, each stamped now, before that confirmation. The warehouse is told, in
// its language, that an administrator must confirm, and nothing is written; the admin gets the
// confirm step (no error), confirms, and the order is picking, then shipped.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createItem, createWarehouse } from '../../commands/catalog';
import { createCustomer } from '../../commands/customers';
import { ledgerMovements } from '../../commands/ledger-cache';
import { recordReceipt } from '../../commands/movements';
import { createOrder } from '../../commands/orders/create';
import { confirmOrder } from '../../commands/orders/transitions';
import type { Role } from '../../domain/auth/roles';
import { foldBalances, onHandOf } from '../../domain/ledger/fold';
import { setLocale } from '../../i18n';
import { OrderPickingModel } from './order-picking.svelte';
import { farStampWorkspaces, tabletAhead } from './far-stamp-fixture';

const workspaces = farStampWorkspaces('vm-pick-far');

/** 8 of tea ordered and confirmed on a tablet (admin) 10 hours ahead; the pick page as `role`. */
async function pickPage(role: Role) {
	const ws = await workspaces.open(role);
	const tablet = tabletAhead(ws);
	const item = createItem(tablet, { code: 'TEA', name: 'tea', unit: 'pcs' });
	const wh = createWarehouse(tablet, { code: 'W', name: 'w' });
	recordReceipt(tablet, { itemId: item.id, warehouseId: wh.id, qty: 20, unit: 'pcs' });
	const customer = createCustomer(tablet, { code: 'C1', name: 'c' });
	const order = createOrder(tablet, {
		customerId: customer.id,
		warehouseId: wh.id,
		requestedDate: '2026-12-10',
		lines: [{ itemId: item.id, qty: 8, unitPriceCents: 100, discountPct: 0, taxRate: 0.05 }]
	});
	confirmOrder(tablet, order.id);
	const vm = new OrderPickingModel(ws, () => order.id);
	vm.prepare();
	const row = vm.rows[0];
	if (!row || vm.rows.length !== 1) throw new Error('expected one row on the pick sheet');
	const onHand = () =>
		onHandOf(foldBalances(ledgerMovements(ws.runtime.context())), {
			itemId: item.id,
			warehouseId: wh.id
		});
	return { vm, row, onHand, status: () => vm.bo?.fold.status };
}

describe('picking an order confirmed by a clock 10 hours ahead', () => {
	it.each([
		['en', 'an administrator must confirm'],
		['zh-TW', '需由系統管理員確認'],
		['zh-CN', '需由系统管理员确认']
	] as const)(
		'the warehouse (%s) is told an admin must confirm, at the pick and at shipping',
		async (locale, text) => {
			setLocale(locale);
			const { vm, row, onHand, status } = await pickPage('warehouse');
			vm.pickByHand(row);
			expect(vm.isDone(row)).toBe(true);
			expect(vm.message).toEqual({ tone: 'error', text: expect.stringContaining(text) });
			expect(vm.far.stopped).toEqual({ mayConfirm: false });
			expect(vm.ship()).toMatchObject({ ok: false });
			expect(vm.message).toEqual({ tone: 'error', text: expect.stringContaining(text) });
			expect(vm.far.stopped).toEqual({ mayConfirm: false });
			expect(vm.confirmFarStamp()).toBeUndefined();
			expect(status()).toBe('confirmed');
			expect(onHand()).toBe(20);
		}
	);

	it('the admin confirms the start, then the shipment, and the order ships', async () => {
		const { vm, row, onHand, status } = await pickPage('admin');
		vm.pickByHand(row);
		// No error for the admin: the page shows the confirm step instead.
		expect(vm.message).toBeNull();
		expect(vm.far.stopped).toEqual({ mayConfirm: true });
		expect(status()).toBe('confirmed');
		expect(vm.confirmFarStamp()).toBeUndefined();
		expect(vm.far.stopped).toBeNull();
		expect(status()).toBe('picking');
		// Its start is stamped just after the far confirmation: shipping waits for the admin too.
		expect(vm.ship()).toMatchObject({ ok: false });
		expect(vm.message).toBeNull();
		expect(vm.far.stopped).toEqual({ mayConfirm: true });
		expect(onHand()).toBe(20);
		expect(vm.confirmFarStamp()).toEqual({ ok: true });
		expect(vm.far.stopped).toBeNull();
		expect(status()).toBe('shipped');
		expect(onHand()).toBe(12);
	});
});
