import { describe, expect, it } from 'vitest';
import { itemSchema } from '../catalog/entities';
import { needsReorder, proposeRequisitions } from './proposal';
import { supplier } from './test-support';

const item = (id: string, reorderPoint: number, safetyStock: number, maxStock = 0) =>
	itemSchema.parse({
		id,
		code: id.toUpperCase(),
		name: id,
		unit: '個',
		reorderPoint,
		safetyStock,
		maxStock
	});

describe('needsReorder', () => {
	it.each([
		[{ reorderPoint: 10, safetyStock: 5 }, 11, false],
		[{ reorderPoint: 10, safetyStock: 5 }, 10, true], // exactly at the reorder point
		[{ reorderPoint: 0, safetyStock: 5 }, 5, false], // exactly at safety stock: still enough
		[{ reorderPoint: 0, safetyStock: 5 }, 4.5, true],
		[{ reorderPoint: 0, safetyStock: 0 }, -10, false] // no policy: never proposed
	])('%o at %d → %s', (policy, projected, expected) =>
		expect(needsReorder(policy, projected)).toBe(expected)
	);
});

describe('proposeRequisitions', () => {
	const suppliers = [
		supplier({
			id: 's1',
			code: 'S1',
			items: [{ itemId: 'a', leadTimeDays: 5, moq: 50, orderMultiple: 25 }]
		}),
		supplier({
			id: 's2',
			code: 'S2',
			items: [
				{ itemId: 'a', leadTimeDays: 9, preferred: true },
				{ itemId: 'b', leadTimeDays: 3 }
			]
		})
	];
	const items = [item('a', 20, 10), item('b', 10, 0, 40), item('c', 5, 0), item('d', 5, 0)];
	const available: Record<string, number> = { a: 25, b: 12, c: 3, d: 100 };
	const incoming: Record<string, number> = { a: -5, b: -2, c: 0, d: 0 };

	it('projects ATP + incoming, proposes up to the target, grouped by preferred supplier', () => {
		const groups = proposeRequisitions({
			items,
			warehouseId: 'w',
			available: (id) => available[id] ?? 0,
			incoming: (id) => incoming[id] ?? 0,
			suppliers,
			today: '2026-11-01'
		});
		expect(
			groups.map((g) => [
				g.supplierCode,
				g.lines.map((l) => [l.itemCode, l.projected, l.qty, l.needDate])
			])
		).toEqual([
			// a: 25 − 5 = 20 = reorder point → up to 20 + 10 = 30 → 10; preferred S2 (9 days).
			// b: 12 − 2 = 10 = reorder point → up to max 40 → 30; S2 (3 days).
			[
				'S2',
				[
					['A', 20, 10, '2026-11-10'],
					['B', 10, 30, '2026-11-04']
				]
			],
			// c: 3 ≤ 5, no supplier: 5 − 3 = 2, default need date a week out.
			['', [['C', 3, 2, '2026-11-08']]]
		]);
	});

	it('MOQ and order multiple raise the quantity when the supplier asks for them', () => {
		const groups = proposeRequisitions({
			items: [item('a', 20, 10)],
			warehouseId: 'w',
			available: () => 0,
			incoming: () => 0,
			suppliers: [suppliers[0] ?? supplier()],
			today: '2026-11-01'
		});
		// need 30 → MOQ 50 → multiple of 25 → 50.
		expect(groups[0]?.lines[0]?.qty).toBe(50);
	});

	it('open PO quantity lifts the projection above the reorder point: nothing proposed', () => {
		expect(
			proposeRequisitions({
				items: [item('a', 20, 10)],
				warehouseId: 'w',
				available: () => 5,
				incoming: () => 16,
				suppliers,
				today: '2026-11-01'
			})
		).toEqual([]);
	});
});
