// The receipt form asks for what the item demands (issue 14, points 5 and 6): a lot, an expiry,
// a confirmed zero cost, and a quantity the unit can hold — shown per field before the command
// would refuse it.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createItem, createLocation, createWarehouse } from '../../commands/catalog';
import { setLocale } from '../../i18n';
import { WorkspaceState } from '../workspace.svelte';
import { MovementForm } from './movement-form.svelte';

let open: WorkspaceState[] = [];
let n = 0;

async function setup() {
	const ws = new WorkspaceState(
		{
			token: 't',
			workspace: `vm-mv-${++n}`,
			role: 'admin',
			user: 'wu',
			expMs: Date.now() + 60_000
		},
		{ serverUrl: null }
	);
	open.push(ws);
	await ws.runtime.ready;
	const made = ws.run((ctx) => ({
		milk: createItem(ctx, {
			code: 'MILK',
			name: '鮮乳',
			unit: '瓶',
			lotTracked: true,
			shelfLifeDays: 10,
			standardCostCents: 4500
		}),
		rice: createItem(ctx, { code: 'RICE', name: '白米', unit: 'kg' }),
		ty: createWarehouse(ctx, { code: 'TY', name: '桃園總倉' })
	}));
	if (!made.ok) throw made.error;
	return { ws, ...made.value };
}

afterEach(async () => {
	await Promise.all(open.map((ws) => ws.close()));
	open = [];
});

describe('MovementForm (receipt)', () => {
	it('requires a lot and an expiry for a lot-tracked item with a shelf life', async () => {
		setLocale('en');
		const { ws, milk, ty } = await setup();
		const form = new MovementForm(ws);
		form.selectItem(milk);
		form.warehouseId = ty.id;
		form.qty = 12;
		expect(form.submit()).toEqual({ ok: false, error: null });
		expect(form.errors.lot).toBe('MILK is lot-tracked: enter a lot');
		expect(form.errors.expiry).toBe('MILK has a shelf life: enter an expiry date');
		form.lot = 'L1';
		form.expiry = '2026-01-10';
		expect(form.errors).toEqual({});
		expect(form.submit().ok).toBe(true);
	});

	it('asks to confirm a zero unit cost, and takes it once confirmed', async () => {
		setLocale('zh-TW');
		const { ws, rice, ty } = await setup();
		const form = new MovementForm(ws);
		form.selectItem(rice);
		form.warehouseId = ty.id;
		form.qty = 2.5;
		expect(form.unitCostCents).toBe(0);
		expect(form.submit().ok).toBe(false);
		expect(form.errors.cost).toBe('RICE 的單位成本為 0：請確認後再入庫');
		form.zeroCostConfirmed = true;
		expect(form.submit().ok).toBe(true);
	});

	it('says a whole unit takes no decimals, and the input is told the precision', async () => {
		setLocale('en');
		const { ws, milk, rice } = await setup();
		const form = new MovementForm(ws);
		form.selectItem(rice);
		expect(form.qtyDecimals).toBe(3);
		form.selectItem(milk);
		expect(form.qtyDecimals).toBe(0);
		// What QtyInput reports for "2.5" with decimals 0.
		form.qty = null;
		form.qtyTooPrecise = true;
		expect(form.errors.qty).toBe('瓶 allows 0 decimals (0 = whole numbers only)');
	});

	it('lists the bins of the chosen warehouse by code (issue 14, point 13)', async () => {
		const { ws, ty } = await setup();
		const made = ws.run((ctx) => {
			for (const code of ['B-01', 'A-10', 'A-2']) createLocation(ctx, { warehouseId: ty.id, code });
		});
		if (!made.ok) throw made.error;
		const form = new MovementForm(ws);
		form.warehouseId = ty.id;
		expect(form.locations.map((l) => l.code)).toEqual(['A-2', 'A-10', 'B-01']);
	});
});
