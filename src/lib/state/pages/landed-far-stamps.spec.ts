// A landed charge on a purchase order whose receipt is stamped far ahead (a receiving tablet's
// clock 10 hours fast), driven as the landed-costs panel drives it: the charge is an event on
// the order, stamped now it would sort before the receipt it charges. Purchasing is told, in its
// language, that an administrator must confirm, and nothing is recorded; the admin gets the
// confirm step (no error), confirms, and the receipt carries the charge.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createItem, createWarehouse } from '../../commands/catalog';
import {
	approvePurchaseOrder,
	createPurchaseOrder,
	sendPurchaseOrder
} from '../../commands/purchasing/purchase-orders';
import { purchasingView, requirePurchaseOrder } from '../../commands/purchasing/read';
import { receivePurchaseOrder } from '../../commands/purchasing/receiving';
import { createSupplier, setPrice } from '../../commands/purchasing/suppliers';
import type { Role } from '../../domain/auth/roles';
import { setLocale } from '../../i18n';
import { LandedCostsModel } from './purchasing-landed.svelte';
import { farStampWorkspaces, tabletAhead } from './far-stamp-fixture';

const workspaces = farStampWorkspaces('vm-landed-far');

/** 100 boxes ordered, sent and received on a tablet (admin) 10 hours ahead; the panel as `role`. */
async function receivedAhead(role: Role) {
	const ws = await workspaces.open(role);
	const tablet = tabletAhead(ws);
	const day = new Date(Date.now()).toISOString().slice(0, 10);
	const wh = createWarehouse(tablet, { code: 'TY', name: 'ty' });
	const box = createItem(tablet, { code: 'BOX', name: 'box', unit: 'pcs' });
	const supplier = createSupplier(tablet, {
		code: 'SUP',
		name: 'sup',
		items: [{ itemId: box.id, leadTimeDays: 3 }]
	});
	setPrice(tablet, {
		supplierId: supplier.id,
		itemId: box.id,
		validFrom: '2026-01-01',
		breaks: [{ minQty: 0, unitPriceCents: 1100 }]
	});
	const po = createPurchaseOrder(tablet, {
		supplierId: supplier.id,
		warehouseId: wh.id,
		orderDate: day,
		lines: [{ itemId: box.id, qty: 100 }]
	});
	approvePurchaseOrder(tablet, po.id, { today: day });
	sendPurchaseOrder(tablet, po.id);
	const lineId = requirePurchaseOrder(purchasingView(tablet), po.id).po.lines[0]?.id ?? '';
	receivePurchaseOrder(tablet, po.id, { receivedOn: day, lines: [{ lineId, accepted: 100 }] });
	const vm = new LandedCostsModel(
		ws,
		() => po.id,
		() => 'box'
	);
	vm.amount = '290';
	const charges = () => vm.receipts[0]?.charges.length;
	return { vm, charges };
}

describe('a landed charge on a receipt stamped 10 hours ahead', () => {
	it.each([
		['en', 'an administrator must confirm'],
		['zh-TW', '需由系統管理員確認'],
		['zh-CN', '需由系统管理员确认']
	] as const)(
		'purchasing (%s) is told an admin must confirm; nothing is recorded',
		async (locale, text) => {
			setLocale(locale);
			const { vm, charges } = await receivedAhead('purchasing');
			expect(vm.receipts).toHaveLength(1);
			vm.record();
			expect(vm.error).toContain(text);
			expect(vm.far.stopped).toEqual({ mayConfirm: false });
			vm.confirmFarStamp();
			expect(charges()).toBe(0);
		}
	);

	it('the admin gets the confirm step instead of an error, confirms, and the charge is on', async () => {
		const { vm, charges } = await receivedAhead('admin');
		vm.record();
		expect(vm.error).toBeNull();
		expect(vm.far.stopped).toEqual({ mayConfirm: true });
		expect(charges()).toBe(0);
		vm.confirmFarStamp();
		expect(vm.far.stopped).toBeNull();
		expect(charges()).toBe(1);
		expect(vm.amount).toBe('');
	});
});
