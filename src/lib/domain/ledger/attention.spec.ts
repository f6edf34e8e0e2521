import { describe, expect, it } from 'vitest';
import { stockAttention } from './attention';
import type { ItemStock, StockStatus } from './summary';

const row = (itemId: string, onHand: number, status: StockStatus): ItemStock => ({
	itemId,
	onHand,
	byWarehouse: {},
	inTransit: 0,
	status,
	belowSafety: status === 'low',
	reorder: status === 'reorder',
	active: true
});

describe('stockAttention', () => {
	it.each([
		{ name: 'nothing stocked', stock: [], limit: 8, low: 0, out: 0, top: [] },
		{
			name: 'ok and over items need no attention',
			stock: [row('a', 10, 'ok'), row('b', 99, 'over')],
			limit: 8,
			low: 0,
			out: 0,
			top: []
		},
		{
			name: 'least on hand first',
			stock: [row('a', 4, 'low'), row('b', 0, 'out'), row('c', 2, 'low'), row('d', 9, 'ok')],
			limit: 8,
			low: 2,
			out: 1,
			top: ['b', 'c', 'a']
		},
		{
			name: 'counts every one, lists at most the limit',
			stock: [row('a', 3, 'low'), row('b', 1, 'low'), row('c', 0, 'out')],
			limit: 2,
			low: 2,
			out: 1,
			top: ['c', 'b']
		}
	])('$name', ({ stock, limit, low, out, top }) => {
		const got = stockAttention(stock, limit);
		expect(got.low).toBe(low);
		expect(got.out).toBe(out);
		expect(got.top.map((s) => s.itemId)).toEqual(top);
	});

	it('counts reorder apart from below safety stock, and skips inactive items', () => {
		const inactive = { ...row('z', 1, 'low'), active: false };
		const got = stockAttention([row('a', 4, 'reorder'), row('b', 1, 'low'), inactive], 8);
		expect(got).toMatchObject({ low: 1, reorder: 1, out: 0 });
		expect(got.top.map((s) => s.itemId)).toEqual(['b', 'a']);
	});

	it('leaves the summary it was given in its order', () => {
		const stock = [row('a', 4, 'low'), row('b', 0, 'out')];
		stockAttention(stock, 8);
		expect(stock.map((s) => s.itemId)).toEqual(['a', 'b']);
	});
});
