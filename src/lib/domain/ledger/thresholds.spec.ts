import { describe, expect, it } from 'vitest';
import { computeAlerts } from '../alerts/alerts';
import { itemSchema, type Item } from '../catalog/entities';
import { createPrng } from '../random/prng';
import { stockAttention } from './attention';
import type { Balance } from './fold';
import { matchesStatus, stockStatus, summarizeByItem, summarizeByWarehouse } from './summary';
import { atReorderPoint, belowSafetyStock, IN_TRANSIT, itemsBelowSafetyStock } from './thresholds';

const item = (id: string, extra: Record<string, unknown> = {}): Item =>
	itemSchema.parse({ id, code: id.toUpperCase(), name: id, unit: '個', ...extra });
const bal = (itemId: string, warehouseId: string, qty: number): Balance => ({
	itemId,
	warehouseId,
	locationId: '',
	lot: '',
	qty,
	lastAt: '0'
});

describe('stock thresholds', () => {
	it.each([
		{ onHand: 0, safety: 2, below: true },
		{ onHand: 1.999, safety: 2, below: true },
		{ onHand: 2, safety: 2, below: false },
		{ onHand: 0, safety: 0, below: false }
	])('below safety stock: $onHand vs $safety → $below', ({ onHand, safety, below }) =>
		expect(belowSafetyStock({ safetyStock: safety }, onHand)).toBe(below)
	);

	it.each([
		{ onHand: 4, point: 4, reorder: true },
		{ onHand: 4.001, point: 4, reorder: false },
		{ onHand: 0, point: 0, reorder: false }
	])('at reorder point: $onHand vs $point → $reorder', ({ onHand, point, reorder }) =>
		expect(atReorderPoint({ reorderPoint: point }, onHand)).toBe(reorder)
	);

	it('an item above its safety stock but at its reorder point is "reorder", not "low"', () => {
		// The demo: safety 2, reorder point 4, on hand 4 showed 低於安全庫存.
		const it4 = item('a', { safetyStock: 2, reorderPoint: 4 });
		expect(stockStatus(it4, 4)).toBe('reorder');
		expect(stockStatus(it4, 1)).toBe('low');
		expect(stockStatus(it4, 0)).toBe('out');
		expect(stockStatus(item('b', { safetyStock: 153, reorderPoint: 306 }), 242)).toBe('reorder');
	});

	it('goods in transit are not on hand for the thresholds', () => {
		const items = [item('a', { safetyStock: 5 })];
		const balances = [bal('a', 'w1', 3), bal('a', IN_TRANSIT, 5)];
		expect(itemsBelowSafetyStock(items, balances).map((i) => i.id)).toEqual(['a']);
		expect(summarizeByItem(items, balances)[0]?.belowSafety).toBe(true);
	});

	it('property: every page counts the same items below safety stock and at reorder point', () => {
		for (let seed = 1; seed <= 200; seed++) {
			const rnd = createPrng(seed);
			const warehouses = ['w1', 'w2', 'w3'].map((id) => ({
				id,
				code: id.toUpperCase(),
				name: id,
				address: '',
				active: true
			}));
			const items = Array.from({ length: rnd.int(1, 12) }, (_, i) =>
				item(`i${i}`, {
					safetyStock: rnd.pick([0, 2, 5, 10]),
					reorderPoint: rnd.pick([0, 4, 10, 20]),
					maxStock: rnd.pick([0, 30]),
					active: rnd.chance(0.85)
				})
			);
			const balances: Balance[] = [];
			for (const it of items)
				for (const w of [...warehouses.map((x) => x.id), IN_TRANSIT])
					if (rnd.chance(0.5)) balances.push(bal(it.id, w, rnd.pick([0, 1, 2, 4, 5, 9, 10, 25])));

			const stock = summarizeByItem(items, balances);
			const home = stockAttention(stock, 8);
			const stockFilter = (status: 'low' | 'reorder') =>
				stock.filter((s) => s.active && matchesStatus(s, status)).length;
			const alerts = (warehouseId?: string) =>
				computeAlerts({
					items,
					balances,
					lots: [],
					movements: [],
					today: '2026-01-31',
					expiryWithinDays: 30,
					slowSince: '0',
					warehouseId
				}).filter((a) => a.kind === 'shortage').length;
			const expected = itemsBelowSafetyStock(items, balances).length;

			expect(home.low, `seed ${seed}`).toBe(expected);
			expect(stockFilter('low'), `seed ${seed}`).toBe(expected);
			expect(alerts(), `seed ${seed}`).toBe(expected);
			expect(home.reorder, `seed ${seed}`).toBe(stockFilter('reorder'));
			for (const w of summarizeByWarehouse(warehouses, items, balances)) {
				const perWarehouse = itemsBelowSafetyStock(items, balances, w.warehouseId).length;
				expect(w.lowCount, `seed ${seed} ${w.warehouseId}`).toBe(perWarehouse);
				expect(alerts(w.warehouseId), `seed ${seed} ${w.warehouseId}`).toBe(perWarehouse);
			}
		}
	});
});
