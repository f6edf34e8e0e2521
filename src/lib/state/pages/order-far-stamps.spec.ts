// The order pages when an order's last event is stamped far ahead (a tablet's clock 10 hours
// fast), driven as the pages drive them: the warehouse is told, in its language, that an
// administrator must confirm, and nothing is written; the admin is asked, confirms, and the
// order folds to the status people meant.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createItem, createWarehouse } from '../../commands/catalog';
import { createCustomer } from '../../commands/customers';
import { recordReceipt } from '../../commands/movements';
import { createOrder } from '../../commands/orders/create';
import { boardOf, requireOrder } from '../../commands/orders/read';
import { confirmOrder } from '../../commands/orders/transitions';
import { saveBom } from '../../commands/production/boms';
import { completeWorkOrder } from '../../commands/production/shop-floor';
import { createWorkOrders, releaseWorkOrder } from '../../commands/production/work-orders';
import { productionView, requireWorkOrder } from '../../commands/production/read';
import type { Role } from '../../domain/auth/roles';
import { errorMessage, setLocale } from '../../i18n';
import { OrderDetailModel } from './order-detail.svelte';
import { WorkOrderDetailModel } from './production-work-order.svelte';
import { farStampWorkspaces, tabletAhead } from './far-stamp-fixture';

const workspaces = farStampWorkspaces('vm-order-far');

/** A workspace signed in as `role`, and a tablet (admin) whose clock runs 10 hours ahead. */
async function workspace(role: Role) {
	const ws = await workspaces.open(role);
	const tablet = tabletAhead(ws);
	return { ws, tablet };
}

/** A sales order of 8 confirmed on the tablet, and the board panel's view model of it. */
async function salesOrder(role: Role) {
	const { ws, tablet } = await workspace(role);
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
	const current = () => {
		const board = boardOf(ws.runtime.context());
		return { bo: requireOrder(board, order.id), board };
	};
	return { vm: new OrderDetailModel(ws, current), current };
}

describe('the sales order panel', () => {
	it.each([
		['en', 'an administrator must confirm'],
		['zh-TW', '需由系統管理員確認'],
		['zh-CN', '需由系统管理员确认']
	] as const)(
		'the warehouse (%s) is told an admin must confirm; nothing is written',
		async (locale, text) => {
			setLocale(locale);
			const { vm, current } = await salesOrder('warehouse');
			const r = vm.startPicking();
			expect(r.ok).toBe(false);
			expect(r.ok ? '' : errorMessage(r.error)).toContain(text);
			expect(vm.far.stopped).toEqual({ mayConfirm: false });
			expect(vm.confirmFarStamp()).toBeUndefined();
			expect(current().bo.order.events).toHaveLength(1);
			expect(current().bo.fold.status).toBe('confirmed');
		}
	);

	it('the admin is asked, confirms, and the order is picking', async () => {
		const { vm, current } = await salesOrder('admin');
		expect(vm.startPicking().ok).toBe(false);
		expect(vm.far.stopped).toEqual({ mayConfirm: true });
		expect(vm.confirmFarStamp()).toEqual({ ok: true });
		expect(vm.far.stopped).toBeNull();
		expect(current().bo.fold.status).toBe('picking');
	});
});

/** A work order of 2 tables released and completed on the tablet; the page's view model. */
async function workOrder(role: Role) {
	const { ws, tablet } = await workspace(role);
	const wh = createWarehouse(tablet, { code: 'W', name: 'w' });
	const table = createItem(tablet, { code: 'TBL', name: 'table', unit: 'pcs' });
	const top = createItem(tablet, { code: 'TOP', name: 'top', unit: 'pcs' });
	saveBom(tablet, { itemId: table.id, version: '1', lines: [{ childId: top.id, qtyPer: 1 }] });
	const day = new Date(Date.now()).toISOString().slice(0, 10);
	const [wo] = createWorkOrders(tablet, [
		{ itemId: table.id, qty: 2, warehouseId: wh.id, startDate: day, dueDate: day }
	]);
	const id = wo?.id ?? '';
	releaseWorkOrder(tablet, id);
	completeWorkOrder(tablet, id, { good: 2, backflush: false });
	const status = () => requireWorkOrder(productionView(ws.runtime.context()), id).fold.status;
	return { vm: new WorkOrderDetailModel(ws, () => id), status };
}

describe('the work order page', () => {
	it('production is told an admin must confirm the close; the order stays completed', async () => {
		setLocale('en');
		const { vm, status } = await workOrder('production');
		const r = vm.close();
		expect(r).toEqual({
			ok: false,
			message: expect.stringContaining('an administrator must confirm')
		});
		expect(vm.far.stopped).toEqual({ mayConfirm: false });
		expect(vm.confirmFarStamp()).toBeUndefined();
		expect(status()).toBe('completed');
		vm.destroy();
	});

	it('the admin confirms the close and the order is closed', async () => {
		const { vm, status } = await workOrder('admin');
		// No error toast for the admin: the page shows the confirm step instead.
		expect(vm.close()).toEqual({ ok: false, message: null });
		expect(vm.far.stopped).toEqual({ mayConfirm: true });
		expect(vm.confirmFarStamp()).toMatchObject({ ok: true });
		expect(status()).toBe('closed');
		vm.destroy();
	});
});
