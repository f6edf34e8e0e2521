// Sales sees the delivery promise while entering a big order (issue 18 points 5–6): a line
// above the available stock asks for a promise; the answer (100 from stock, 50 bought in the
// default 7 days) is for the lines as typed — change them and it is stale and cannot be
// accepted; accepting creates and confirms the order for the promised date, or the requested
// date when that is later; a production planner may check but not accept.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createItem, createWarehouse } from '../../commands/catalog';
import { createCustomer } from '../../commands/customers';
import { recordReceipt } from '../../commands/movements';
import { boardOf } from '../../commands/orders/read';
import type { Role } from '../../domain/auth/roles';
import { setLocale } from '../../i18n';
import { WorkspaceState } from '../workspace.svelte';
import { OrderFormModel } from './order-form.svelte';
import { OrderPromiseModel } from './order-form-promise.svelte';
import { addDays, localToday } from './orders-board-helpers';

let open: { ws: WorkspaceState; promise: OrderPromiseModel }[] = [];
let n = 0;

async function setup(role: Role = 'sales') {
	setLocale('zh-TW');
	const ws = new WorkspaceState(
		{ token: 't', workspace: `vm-sp-${++n}`, role, user: 'rep', expMs: Date.now() + 60_000 },
		{ serverUrl: null }
	);
	await ws.runtime.ready;
	// Master data as an admin would have made it (the same docs, another role's context).
	const ctx = { ...ws.runtime.context(), role: 'admin' as Role };
	const tea = createItem(ctx, { code: 'TEA', name: '紅茶', unit: '箱' });
	const w = createWarehouse(ctx, { code: 'TPE', name: '台北倉' });
	const c = createCustomer(ctx, { code: 'C1', name: '全聯' });
	recordReceipt(ctx, { itemId: tea.id, warehouseId: w.id, qty: 100, unit: '箱' });
	ws.runtime.flushCatalog();
	const form = new OrderFormModel(
		ws,
		() => 100,
		() => 'SO-1'
	);
	const promise = new OrderPromiseModel(ws, form);
	open.push({ ws, promise });
	form.customerId = c.id;
	form.warehouseId = w.id;
	const line = form.lines[0]!;
	line.item = tea;
	line.price = '450';
	return { ws, form, promise, line };
}

async function answered(promise: OrderPromiseModel) {
	await vi.waitFor(() => expect(promise.runner.asking).toBe(false));
	expect(promise.runner.error).toBeNull();
	return promise.answer!;
}

afterEach(async () => {
	for (const o of open) o.promise.close();
	await Promise.all(open.map((o) => o.ws.close()));
	open = [];
});

describe('the delivery promise in the sales order form', () => {
	it('asks for a promise only when a line is above the available stock (100 is not, 101 is)', async () => {
		const { promise, line } = await setup();
		line.qty = '100';
		expect(promise.short).toBe(false);
		line.qty = '101';
		expect(promise.short).toBe(true);
	});

	it('150 wanted today + 7: 100 from stock, 50 bought in 7 days → met exactly on the day', async () => {
		const { form, promise, line } = await setup();
		const today = localToday();
		form.requestedDate = addDays(today, 7);
		line.qty = '150';
		expect(promise.ask()).toBe(true);
		const a = await answered(promise);
		expect(a.promise.earliestDate).toBe(addDays(today, 7));
		expect(a.promise.meetsWanted).toBe(true);
		expect(promise.daysLate).toBe(0);
		const l = a.promise.lines[0]!;
		expect(l.lines).toEqual([
			{ date: today, qty: 100 },
			{ date: addDays(today, 7), qty: 150 }
		]);
		expect(l.steps.map((s) => promise.stepText(s))).toEqual([
			'100 箱 TEA 紅茶：現有庫存（未被其他訂單承諾）',
			`50 箱 TEA 紅茶：需採購，供應商交期 7 天 → ${addDays(today, 7)}`
		]);
		expect(promise.acceptable).toBe(true);
		expect(promise.acceptDate).toBe(addDays(today, 7));
		// Nothing is made, so jumping the queue gains nothing: no rush offered, and none taken.
		expect(a.asRush).toEqual({ earliestDate: addDays(today, 7), delayed: [] });
		expect(promise.rushHelps).toBe(false);
		expect(promise.accept(true)).toMatchObject({ ok: false });
	});

	it('wanted a day before the promise: 1 day late, accepted for the promised date', async () => {
		const { ws, form, promise, line } = await setup();
		const today = localToday();
		form.requestedDate = addDays(today, 6);
		line.qty = '150';
		promise.ask();
		const a = await answered(promise);
		expect(a.promise.meetsWanted).toBe(false);
		expect(promise.daysLate).toBe(1);
		expect(promise.acceptDate).toBe(addDays(today, 7));
		const r = promise.accept();
		expect(r).toMatchObject({ ok: true });
		const orders = ws.run((ctx) => boardOf(ctx).orders);
		if (!orders.ok) throw orders.error;
		expect(orders.value).toHaveLength(1);
		expect(orders.value[0]!.fold.status).toBe('confirmed');
		expect(orders.value[0]!.order.requestedDate).toBe(addDays(today, 7));
		expect(orders.value[0]!.order.lines[0]!.qty).toBe(150);
		// The answer is spent: accepting again would need a new question.
		expect(promise.answer).toBeNull();
	});

	it('an answer for other lines is stale and is not accepted', async () => {
		const { ws, promise, line } = await setup();
		line.qty = '150';
		promise.ask();
		await answered(promise);
		line.qty = '151';
		expect(promise.stale).toBe(true);
		expect(promise.acceptable).toBe(false);
		expect(promise.accept()).toMatchObject({
			ok: false,
			message: '請先試算交期（或重新試算）再接單'
		});
		const orders = ws.run((ctx) => boardOf(ctx).orders);
		expect(orders.ok && orders.value).toHaveLength(0);
		line.qty = '150';
		expect(promise.stale).toBe(false);
	});

	it('a production planner sees the promise but may not accept it', async () => {
		const { promise, line } = await setup('production');
		line.qty = '150';
		promise.ask();
		await answered(promise);
		expect(promise.canAccept).toBe(false);
		expect(promise.acceptable).toBe(false);
		expect(promise.acceptNote).toBe('你的角色只能試算，接單由業務確認');
	});
});
