// Seeded random problems (a few hundred items in layered BOMs): properties every MRP run must
// have, whatever the numbers — the record adds up, safety stock holds, explosion and pegging
// account for every unit, and the result does not depend on the order of the input.

import { describe, expect, it } from 'vitest';
import { createPrng, type Prng } from '../random/prng';
import { planMrp } from './engine';
import { roundQty } from './quantity';
import type { LotSizing, MrpBomLine, MrpItem, MrpProblem } from './types';

function randomProblem(prng: Prng, buckets: number): MrpProblem {
	const levels = [8, 16, 24, 32].map((count, level) =>
		Array.from({ length: count }, (_, i) => `L${level}-${i}`)
	);
	const lot = (): LotSizing =>
		prng.pick<LotSizing>([
			{ rule: 'lot-for-lot' },
			{ rule: 'fixed', qty: prng.int(1, 8) * 5 },
			{ rule: 'min-multiple', min: prng.int(0, 40), multiple: prng.int(1, 12) },
			{ rule: 'min-multiple', min: prng.int(1, 40) }
		]);
	const items: MrpItem[] = levels.flat().map((id) => ({
		id,
		onHand: prng.int(0, 60),
		safetyStock: prng.chance(0.4) ? prng.int(1, 20) : 0,
		leadTime: prng.int(0, 3),
		lotSizing: lot()
	}));
	const bom: MrpBomLine[] = [];
	levels.forEach((parents, level) => {
		if (level === levels.length - 1) return;
		for (const parent of parents) {
			for (let k = prng.int(1, 3); k > 0; k--) {
				const down = level + (level + 2 < levels.length && prng.chance(0.2) ? 2 : 1);
				bom.push({
					parent,
					child: prng.pick(levels[down]!),
					qtyPer: prng.pick([1, 2, 3, 0.5]),
					scrapPct: prng.pick([0, 0, 5, 12.5])
				});
			}
		}
	});
	const demand = levels[0]!.flatMap((itemId) =>
		Array.from({ length: buckets }, (_, b) => ({ itemId, bucket: b + 1, qty: prng.int(0, 20) }))
	);
	const scheduledReceipts = items
		.filter(() => prng.chance(0.2))
		.map((item) => ({ itemId: item.id, bucket: prng.int(1, buckets), qty: prng.int(1, 80) }));
	return { buckets, items, bom, demand, scheduledReceipts };
}

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

describe.each(SEEDS)('seed %i', (seed) => {
	const buckets = 12;
	const problem = randomProblem(createPrng(seed), buckets);
	const result = planMrp(problem);
	const recordOf = new Map(result.items.map((r) => [r.id, r]));
	const itemOf = new Map(problem.items.map((item) => [item.id, item]));

	it('every record adds up bucket by bucket', () => {
		for (const r of result.items) {
			let onHand = itemOf.get(r.id)!.onHand;
			for (let b = 0; b < buckets; b++) {
				onHand = roundQty(onHand + r.scheduledReceipts[b]! + r.plannedReceipts[b]! - r.gross[b]!);
				expect(r.projectedOnHand[b]).toBe(onHand);
				expect(r.plannedReceipts[b]! >= r.net[b]!).toBe(true);
			}
		}
	});

	it('keeps the safety stock wherever no receipt is waiting to be expedited', () => {
		const expedited = new Map<string, number>();
		for (const e of result.exceptions) {
			if (e.type === 'expedite') {
				expedited.set(e.itemId, Math.max(expedited.get(e.itemId) ?? 0, e.bucket));
			}
		}
		for (const r of result.items) {
			const { safetyStock } = itemOf.get(r.id)!;
			r.projectedOnHand.forEach((onHand, b) => {
				if (b + 1 >= (expedited.get(r.id) ?? 0)) expect(onHand >= safetyStock).toBe(true);
			});
		}
	});

	it('offsets every planned order by its lead time, past-due ones reported', () => {
		for (const order of result.plannedOrders) {
			const r = recordOf.get(order.itemId)!;
			expect(order.receiptBucket - order.releaseBucket).toBe(itemOf.get(order.itemId)!.leadTime);
			expect(r.plannedReceipts[order.receiptBucket - 1]).toBe(order.qty);
			if (order.pastDue) {
				expect(result.exceptions).toContainEqual({
					type: 'past-due',
					itemId: order.itemId,
					bucket: order.receiptBucket,
					releaseBucket: order.releaseBucket,
					qty: order.qty
				});
			} else {
				expect(r.plannedReleases[order.releaseBucket - 1]).toBe(order.qty);
			}
		}
		const released = result.items.reduce(
			(n, r) => n + r.plannedReleases.filter((q) => q > 0).length,
			0
		);
		expect(released).toBe(result.plannedOrders.filter((o) => !o.pastDue).length);
	});

	it('gross requirements are independent demand plus the parents’ releases × qtyPer × (1 + scrap)', () => {
		const expected = new Map(
			problem.items.map((item) => [item.id, new Array<number>(buckets).fill(0)])
		);
		for (const d of problem.demand) expected.get(d.itemId)![d.bucket - 1]! += d.qty;
		for (const line of problem.bom) {
			for (const order of result.plannedOrders.filter((o) => o.itemId === line.parent)) {
				const b = Math.max(order.releaseBucket, 1) - 1;
				expected.get(line.child)![b]! += order.qty * line.qtyPer * (1 + line.scrapPct / 100);
			}
		}
		for (const r of result.items) {
			expected.get(r.id)!.forEach((qty, b) => expect(r.gross[b]).toBeCloseTo(qty, 4));
		}
	});

	it('pegs no more than each order holds, and lot-for-lot orders entirely', () => {
		for (const order of result.plannedOrders) {
			const pegged = roundQty(order.pegging.reduce((sum, p) => sum + p.qty, 0));
			expect(pegged <= order.qty).toBe(true);
			if (itemOf.get(order.itemId)!.lotSizing.rule === 'lot-for-lot')
				expect(pegged).toBe(order.qty);
		}
	});

	it('gives the same records whatever the order of items and BOM lines', () => {
		const prng = createPrng(seed + 100);
		const shuffled = planMrp({
			...problem,
			items: prng.shuffle(problem.items),
			bom: prng.shuffle(problem.bom)
		});
		const byId = new Map(shuffled.items.map((r) => [r.id, r]));
		for (const r of result.items) expect(byId.get(r.id)).toEqual(r);
	});
});
