// Property: the engine (columns, checkpoints, incremental re-valuation) gives exactly the values
// of reference.ts — every movement sorted once and valued in order with plain objects — over
// seeded random ledgers with negative stock, returns naming their issue, purchase returns,
// transfers, count adjustments, opening values, equal stamps, backdated arrivals in batches and
// movements delivered twice.

import { describe, expect, it } from 'vitest';
import { createPrng, type Prng } from '../random/prng';
import { createValuationEngine, type ValuationOptions } from './engine';
import { MICRO } from './fixed';
import { referenceValuation } from './reference';
import type { ValuationMovement } from './types';

function randomLedger(rng: Prng, count: number): ValuationMovement[] {
	const out: ValuationMovement[] = [];
	// Some stamps repeat, so ties break on the id.
	const stamp = (wall: number, i: number) =>
		`${String(wall).padStart(5, '0')}-${String(rng.chance(0.2) ? 0 : i).padStart(4, '0')}`;
	const qty = (max: number) => rng.int(1, max * 100) * 10_000; // two decimals
	for (let i = 0; out.length < count; i++) {
		const wall = rng.int(0, 2000);
		const itemId = rng.pick(['A', 'B']);
		const warehouseId = rng.pick(['W1', 'W2']);
		const base = { at: stamp(wall, i), itemId, warehouseId };
		const earlier = out.filter((m) => m.itemId === itemId);
		const kind = rng.weighted([5, 5, 1, 1, 1, 1, 0.3]);
		if (kind === 0) {
			const unitCostMicro = rng.int(1, 99_999) * 100;
			out.push({ id: `r${i}`, ...base, qtyMicro: qty(20), unitCostMicro });
		} else if (kind === 1) {
			out.push({ id: `s${i}`, ...base, qtyMicro: -qty(25) }); // often past the stock
		} else if (kind === 2) {
			// A customer return of an earlier issue (by stamp it may come first), or of nothing.
			const t = rng.pick([...earlier.filter((m) => m.qtyMicro < 0), { id: 'missing' }]);
			out.push({ id: `c${i}`, ...base, qtyMicro: qty(8), reverses: t.id });
		} else if (kind === 3) {
			const t = rng.pick([...earlier.filter((m) => m.qtyMicro > 0), { id: '' }]);
			out.push({ id: `p${i}`, ...base, qtyMicro: -qty(6), reverses: t.id });
		} else if (kind === 4) {
			const q = qty(10);
			const to = warehouseId === 'W1' ? 'W2' : 'W1';
			out.push({ id: `t${i}o`, ...base, qtyMicro: -q });
			const at = stamp(wall + rng.int(0, 30), i);
			out.push({ id: `t${i}i`, at, itemId, warehouseId: to, qtyMicro: q, reverses: `t${i}o` });
		} else if (kind === 5) {
			out.push({ id: `g${i}`, ...base, qtyMicro: (rng.chance(0.5) ? 1 : -1) * qty(3) });
		} else {
			out.push({ id: `o${i}`, ...base, qtyMicro: qty(5), valueMicro: rng.int(0, 10 * MICRO) });
		}
	}
	return out;
}

const OPTIONS: ValuationOptions[] = [
	{ method: 'fifo', keepQueues: true },
	{ method: 'moving-average' },
	{ method: 'fifo', scope: 'warehouse', keepQueues: true },
	{ method: 'moving-average', scope: 'warehouse' }
];

describe('the engine equals the plain reference valuation', () => {
	for (const options of OPTIONS) {
		it(`${options.method}, per ${options.scope ?? 'item'}: 40 seeded ledgers arriving in shuffled batches`, () => {
			for (let seed = 1; seed <= 40; seed++) {
				const rng = createPrng(seed);
				// Every tenth ledger is long enough for many checkpoints and far reversals.
				const movements = randomLedger(rng, seed % 10 === 0 ? 900 : rng.int(5, 250));
				const expected = referenceValuation(movements, options);
				const engine = createValuationEngine(options);
				const arrivals = rng.shuffle([...movements, ...movements.filter(() => rng.chance(0.1))]);
				for (let i = 0; i < arrivals.length;) {
					const size = rng.int(1, 30);
					engine.add(arrivals.slice(i, i + size));
					i += size;
				}
				expect({ seed, values: movements.map((m) => engine.get(m.id)) }).toEqual({
					seed,
					values: movements.map((m) => expected.get(m.id))
				});
			}
		});
	}

	it('the reference itself: FIFO 10 @ 1 and 10 @ 2, 15 out, 10 back', () => {
		const values = referenceValuation(
			[
				{ id: 'r1', at: '1', itemId: 'A', qtyMicro: 10 * MICRO, unitCostMicro: MICRO },
				{ id: 'r2', at: '2', itemId: 'A', qtyMicro: 10 * MICRO, unitCostMicro: 2 * MICRO },
				{ id: 's', at: '3', itemId: 'A', qtyMicro: -15 * MICRO },
				{ id: 'c', at: '4', itemId: 'A', qtyMicro: 10 * MICRO, reverses: 's' }
			],
			{ method: 'fifo', keepQueues: true }
		);
		expect(values.get('s')?.valueChangeMicro).toBe(-20 * MICRO); // 10 @ 1 + 5 @ 2
		// The first 10 of what left come back at their cost, in front of the remaining layer.
		expect(values.get('c')?.queue).toEqual([
			[10 * MICRO, 10 * MICRO],
			[5 * MICRO, 10 * MICRO]
		]);
	});
});
