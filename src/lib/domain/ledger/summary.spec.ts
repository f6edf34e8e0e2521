import { describe, expect, it } from 'vitest';
import { itemSchema, warehouseSchema, type Item } from '../catalog/entities';
import type { Balance } from './fold';
import { stockStatus, stockValue, summarizeByItem, summarizeByWarehouse } from './summary';

const item = (over: Partial<Item> & { id: string }): Item =>
	itemSchema.parse({ code: over.id.toUpperCase(), name: over.id, unit: '個', ...over });

const bal = (itemId: string, warehouseId: string, qty: number, lot = ''): Balance => ({
	itemId,
	warehouseId,
	locationId: '',
	lot,
	qty,
	lastAt: '000000000000001-000000-d'
});

describe('stockStatus', () => {
	it.each([
		{ name: 'nothing on hand', onHand: 0, over: {}, status: 'out' },
		{ name: 'negative after a merge', onHand: -3, over: { safetyStock: 1 }, status: 'out' },
		{ name: 'under safety stock', onHand: 4, over: { safetyStock: 5 }, status: 'low' },
		{ name: 'at safety stock', onHand: 5, over: { safetyStock: 5 }, status: 'ok' },
		{
			name: 'at reorder point',
			onHand: 20,
			over: { safetyStock: 5, reorderPoint: 20 },
			status: 'reorder'
		},
		{ name: 'above reorder point', onHand: 21, over: { reorderPoint: 20 }, status: 'ok' },
		{ name: 'above max stock', onHand: 101, over: { maxStock: 100 }, status: 'over' },
		{ name: 'at max stock', onHand: 100, over: { maxStock: 100 }, status: 'ok' },
		{ name: 'no max set', onHand: 1e6, over: {}, status: 'ok' }
	] as const)('$name → $status', ({ onHand, over, status }) => {
		expect(stockStatus(item({ id: 'x', ...over }), onHand)).toBe(status);
	});
});

describe('summaries', () => {
	const items = [
		item({ id: 'a', safetyStock: 10, standardCostCents: 250 }),
		item({ id: 'b', maxStock: 5, standardCostCents: 100 }),
		item({ id: 'c' })
	];
	const balances = [
		bal('a', 'w1', 3, 'L1'),
		bal('a', 'w1', 2, 'L2'),
		bal('a', 'w2', 1),
		bal('b', 'w2', 9),
		bal('zz', 'w1', 4)
	];

	it('summarizes by item with totals per warehouse and a status', () => {
		expect(summarizeByItem(items, balances)).toEqual([
			{
				itemId: 'a',
				onHand: 6,
				byWarehouse: { w1: 5, w2: 1 },
				inTransit: 0,
				status: 'low',
				belowSafety: true,
				reorder: false,
				active: true
			},
			{
				itemId: 'b',
				onHand: 9,
				byWarehouse: { w2: 9 },
				inTransit: 0,
				status: 'over',
				belowSafety: false,
				reorder: false,
				active: true
			},
			{
				itemId: 'c',
				onHand: 0,
				byWarehouse: {},
				inTransit: 0,
				status: 'out',
				belowSafety: false,
				reorder: false,
				active: true
			}
		]);
	});

	it('keeps stock in transit out of on hand (transfers)', () => {
		const [a] = summarizeByItem(items, [...balances, bal('a', '@transit', 4)]);
		expect(a).toMatchObject({ onHand: 6, inTransit: 4, byWarehouse: { w1: 5, w2: 1 } });
	});

	it('summarizes by warehouse with value at standard cost', () => {
		const warehouses = ['w1', 'w2', 'w3'].map((id) =>
			warehouseSchema.parse({ id, code: id, name: id })
		);
		expect(summarizeByWarehouse(warehouses, items, balances)).toEqual([
			{ warehouseId: 'w1', skuCount: 2, totalQty: 9, valueCents: 1250, lowCount: 1 },
			{ warehouseId: 'w2', skuCount: 2, totalQty: 10, valueCents: 250 + 900, lowCount: 1 },
			{ warehouseId: 'w3', skuCount: 0, totalQty: 0, valueCents: 0, lowCount: 0 }
		]);
	});
});

describe('stockValue', () => {
	const items = [item({ id: 'box', standardCostCents: 4500 })];
	const warehouses = ['w1', 'w2'].map((id) => warehouseSchema.parse({ id, code: id, name: id }));

	it('an internal transfer does not change the stock value: in transit is still ours', () => {
		const before = [bal('box', 'w1', 10)];
		// 5 boxes shipped from w1, not yet received at w2.
		const onTheRoad = [bal('box', 'w1', 5), bal('box', '@transit', 5)];
		const after = [bal('box', 'w1', 5), bal('box', 'w2', 5)];
		const total = stockValue(items, before).totalCents;
		expect(total).toBe(45000);
		expect(stockValue(items, onTheRoad)).toEqual({
			onHandCents: 22500,
			inTransitCents: 22500,
			inTransitQty: 5,
			totalCents: total
		});
		expect(stockValue(items, after).totalCents).toBe(total);
	});

	it('on hand value equals the by-warehouse table total', () => {
		const balances = [bal('box', 'w1', 3, 'L1'), bal('box', 'w1', 2, 'L2'), bal('box', 'w2', 1)];
		const table = summarizeByWarehouse(warehouses, items, balances);
		expect(stockValue(items, balances).onHandCents).toBe(
			table.reduce((sum, w) => sum + w.valueCents, 0)
		);
	});
});
