// The sales order form refuses what would save a wrong order, and says so (issue 14, point 7):
// an empty price is not NT$0, quantity 0 or below is an error on Save, and a whole unit takes
// no decimals.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createItem, createWarehouse } from '../../commands/catalog';
import { createCustomer } from '../../commands/customers';
import { setLocale } from '../../i18n';
import { WorkspaceState } from '../workspace.svelte';
import type { IncomingLine } from '../../domain/purchasing/incoming';
import { OrderFormModel } from './order-form.svelte';
import { addDays, localToday } from './orders-board-helpers';

let open: WorkspaceState[] = [];
let n = 0;

async function setup(incoming: () => IncomingLine[] = () => []) {
	const ws = new WorkspaceState(
		{
			token: 't',
			workspace: `vm-so-${++n}`,
			role: 'admin',
			user: 'rep',
			expMs: Date.now() + 60_000
		},
		{ serverUrl: null }
	);
	open.push(ws);
	await ws.runtime.ready;
	const made = ws.run((ctx) => ({
		tea: createItem(ctx, { code: 'TEA', name: '紅茶', unit: '箱' }),
		w: createWarehouse(ctx, { code: 'TPE', name: '台北倉' }),
		c: createCustomer(ctx, { code: 'C1', name: '全聯' })
	}));
	if (!made.ok) throw made.error;
	const form = new OrderFormModel(
		ws,
		() => 100,
		() => 'SO-1',
		incoming
	);
	form.customerId = made.value.c.id;
	form.warehouseId = made.value.w.id;
	const [line] = form.lines;
	if (!line) throw new Error('no line');
	line.item = made.value.tea;
	return { form, line };
}

afterEach(async () => {
	await Promise.all(open.map((ws) => ws.close()));
	open = [];
});

describe('OrderFormModel validation', () => {
	it('an empty price is an error, not a NT$0 line; 0 is a free line', async () => {
		setLocale('zh-TW');
		const { form, line } = await setup();
		line.qty = '2';
		line.price = '';
		const r = form.save();
		expect(r.ok).toBe(false);
		expect(form.errorOf(line.key, 'price')).toBe('請輸入單價（贈品請輸入 0）');
		expect(r).toMatchObject({ message: '第 1 行 單價：請輸入單價（贈品請輸入 0）' });
		line.price = '0';
		expect(form.errorOf(line.key, 'price')).toBeUndefined();
	});

	it.each([
		['0', 'Quantity must be greater than 0'],
		['-3', 'Quantity must be greater than 0'],
		['2.5', '箱 allows 0 decimals (0 = whole numbers only)']
	])('quantity %s: Save says why', async (qty, message) => {
		setLocale('en');
		const { form, line } = await setup();
		line.qty = qty;
		line.price = '450';
		const r = form.save();
		expect(r.ok).toBe(false);
		expect(form.errorOf(line.key, 'qty')).toBe(message);
		expect(r).toMatchObject({ message: `Line 1, Qty: ${message}` });
	});
});

describe('OrderFormModel incoming supply', () => {
	it('says what is arriving, and from which day a quantity above ATP can be promised', async () => {
		setLocale('zh-TW');
		const day = addDays(localToday(), 4);
		let lines: IncomingLine[] = [];
		const { form, line } = await setup(() => lines);
		line.qty = '100';
		expect(form.arrivalHint(line)).toBeNull();
		lines = [
			{
				itemId: line.item!.id,
				warehouseId: form.warehouseId,
				date: day,
				qty: 200,
				poId: 'p',
				poNumber: 'PO-1',
				supplierId: 's'
			}
		];
		// 100 available now: the next arrival is shown.
		expect(form.arrivalHint(line)).toBe(`${day.slice(5)} 到貨 200`);
		line.qty = '300';
		expect(form.arrivalHint(line)).toBe(`${day.slice(5)} 到貨後可承諾`);
		line.qty = '301';
		expect(form.arrivalHint(line)).toBe('含在途也只有 300');
		// Another warehouse's arrivals do not count.
		lines = [{ ...lines[0]!, warehouseId: 'elsewhere' }];
		expect(form.arrivalHint(line)).toBeNull();
	});
});
