// Scanning on the warehouse side of purchasing: a printed PO's number (wedge or camera) finds
// the order to receive; on the receiving page an item code, a barcode or the supplier's part
// number counts one more accepted on its line, anything else is named as unknown.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createItem, createWarehouse } from '../../commands/catalog';
import {
	approvePurchaseOrder,
	createPurchaseOrder
} from '../../commands/purchasing/purchase-orders';
import { createSupplier } from '../../commands/purchasing/suppliers';
import { setLocale } from '../../i18n';
import { WorkspaceState } from '../workspace.svelte';
import { PurchaseOrdersPageModel } from './purchasing-orders.svelte';
import { ReceivingModel } from './purchasing-receiving.svelte';

let open: WorkspaceState[] = [];
let n = 0;

async function setup() {
	const ws = new WorkspaceState(
		{
			token: 't',
			workspace: `vm-scan-${++n}`,
			role: 'admin',
			user: 'wang',
			expMs: Date.now() + 60_000
		},
		{ serverUrl: null }
	);
	open.push(ws);
	await ws.runtime.ready;
	const made = ws.run((ctx) => {
		const w = createWarehouse(ctx, { code: 'TY', name: '桃園' });
		const box = createItem(ctx, { code: 'BOX', name: '紙箱', unit: '個', barcode: '4710001' });
		const s = createSupplier(ctx, {
			code: 'S1',
			name: '永豐',
			items: [{ itemId: box.id, supplierPartNo: 'yf-88' }]
		});
		const po = createPurchaseOrder(ctx, {
			supplierId: s.id,
			warehouseId: w.id,
			orderDate: '2026-11-02',
			lines: [{ itemId: box.id, qty: 10, unitPriceCents: 100 }]
		});
		approvePurchaseOrder(ctx, po.id, { today: '2026-11-02' });
		return po;
	});
	if (!made.ok) throw made.error;
	return { ws, po: made.value };
}

afterEach(async () => {
	await Promise.all(open.map((ws) => ws.close()));
	open = [];
});

describe('purchasing scans', () => {
	it('a printed PO number finds the order to receive, in any case; another is a miss', async () => {
		setLocale('zh-TW');
		const { ws, po } = await setup();
		const list = new PurchaseOrdersPageModel(ws);
		expect(list.scanned(` ${po.number.toLowerCase()} `)).toBe(po.id);
		expect(list.scanned('PO-2026-XXXX-000009')).toBeNull();
		expect(list.scanMiss).toBe('找不到採購單 PO-2026-XXXX-000009');
		list.close();
	});

	it('item code, barcode and supplier part number each count one more accepted', async () => {
		setLocale('zh-TW');
		const { ws, po } = await setup();
		const vm = new ReceivingModel(ws, () => po.id);
		const lineId = vm.rows[0]!.line.id;
		for (const code of ['box', '4710001', 'YF-88']) vm.onscan(code);
		expect(vm.form(lineId).accepted).toBe('3');
		vm.onscan('NOPE');
		expect(vm.lastScan).toContain('NOPE');
		expect(vm.form(lineId).accepted).toBe('3');
		vm.close();
	});
});
