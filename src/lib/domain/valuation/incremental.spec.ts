// Property: however movements arrive (shuffled, in batches, backdated, delivered twice), the
// incremental engine ends with exactly the values of a run from scratch; and value is conserved.

import { describe, expect, it } from 'vitest';
import { createPrng, type Prng } from '../random/prng';
import { createValuationEngine, valueMovements, type ValuationOptions } from './engine';
import { MICRO } from './fixed';
import type { ValuationMovement } from './types';

function randomMovements(rng: Prng, count: number): ValuationMovement[] {
	const items = ['A', 'B', 'C'];
	const warehouses = ['W1', 'W2'];
	const out: ValuationMovement[] = [];
	const stamp = (wall: number, i: number) =>
		`${String(wall).padStart(6, '0')}-${String(i).padStart(4, '0')}`;
	const qty = (max: number) => rng.int(1, max * 1000) * 1000; // three decimals
	for (let i = 0; out.length < count; i++) {
		const wall = rng.int(0, 5000);
		const itemId = rng.pick(items);
		const warehouseId = rng.pick(warehouses);
		const base = { at: stamp(wall, i), itemId, warehouseId };
		const kind = rng.weighted([5, 4, 1, 1, 1, 1]);
		const earlier = out.filter((m) => m.itemId === itemId);
		if (kind === 0) {
			out.push({
				id: `r${i}`,
				...base,
				qtyMicro: qty(20),
				unitCostMicro: rng.int(100, 5000) * 10_000
			});
		} else if (kind === 1) {
			out.push({ id: `s${i}`, ...base, qtyMicro: -qty(15) });
		} else if (kind === 2) {
			// A customer return of an earlier (or, by stamp, later) outbound movement.
			const issued = earlier.filter((m) => m.qtyMicro < 0);
			const target = issued.length > 0 ? rng.pick(issued) : undefined;
			out.push({ id: `c${i}`, ...base, qtyMicro: qty(8), reverses: target?.id ?? 'missing' });
		} else if (kind === 3) {
			const received = earlier.filter((m) => m.unitCostMicro !== undefined);
			const target = received.length > 0 ? rng.pick(received) : undefined;
			out.push({
				id: `p${i}`,
				...base,
				qtyMicro: -qty(6),
				...(target ? { reverses: target.id } : {})
			});
		} else if (kind === 4) {
			const q = qty(10);
			const to = warehouseId === 'W1' ? 'W2' : 'W1';
			out.push({ id: `t${i}o`, ...base, qtyMicro: -q });
			out.push({
				id: `t${i}i`,
				at: stamp(wall + rng.int(0, 50), i),
				itemId,
				warehouseId: to,
				qtyMicro: q,
				reverses: `t${i}o`
			});
		} else {
			out.push({ id: `g${i}`, ...base, qtyMicro: (rng.chance(0.5) ? 1 : -1) * qty(3) });
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

describe('incremental re-valuation equals a run from scratch', () => {
	for (const options of OPTIONS) {
		it(`${options.method}, per ${options.scope ?? 'item'}: 60 seeded random histories`, () => {
			for (let seed = 1; seed <= 60; seed++) {
				const rng = createPrng(seed);
				const movements = randomMovements(rng, 120);
				const scratch = valueMovements(movements, options);

				const engine = createValuationEngine(options);
				const arrivals = rng.shuffle([...movements, ...movements.filter(() => rng.chance(0.1))]);
				let duplicates = 0;
				for (let i = 0; i < arrivals.length;) {
					const size = rng.int(1, 12);
					duplicates += engine.add(arrivals.slice(i, i + size)).duplicates;
					i += size;
				}
				expect(duplicates).toBe(arrivals.length - movements.length);
				expect({ seed, values: movements.map((m) => engine.get(m.id)) }).toEqual({
					seed,
					values: movements.map((m) => scratch.get(m.id))
				});
			}
		});
	}

	it('one backdated movement re-values only its position from the checkpoint before it', () => {
		const rows: ValuationMovement[] = [];
		for (let i = 0; i < 400; i++) {
			const itemId = i % 2 === 0 ? 'A' : 'B';
			const at = String(1000 + i);
			rows.push(
				i % 4 < 2
					? { id: `r${i}`, at, itemId, qtyMicro: 5 * MICRO, unitCostMicro: (10 + (i % 7)) * MICRO }
					: { id: `s${i}`, at, itemId, qtyMicro: -4 * MICRO }
			);
		}
		const options: ValuationOptions = { method: 'fifo' };
		const engine = createValuationEngine(options);
		engine.add(rows);
		const late: ValuationMovement = {
			id: 'late',
			at: '1390x',
			itemId: 'A',
			qtyMicro: MICRO,
			unitCostMicro: MICRO
		};
		const report = engine.add([late]);
		// Item A has 200 movements; the late one lands after its 196th: resume at checkpoint 192.
		expect(report.revalued).toBe(201 - 192);
		const scratch = valueMovements([...rows, late], options);
		for (const m of [...rows, late]) expect(engine.get(m.id)).toEqual(scratch.get(m.id));
	});
});

describe('positions at scale', () => {
	const receipt = (i: number): ValuationMovement => ({
		id: `r${i}`,
		at: String(1000 + i),
		itemId: 'A',
		qtyMicro: MICRO,
		unitCostMicro: (10 + i) * MICRO
	});

	it('a batch appended right after a full checkpoint interval (32 movements) resumes there', () => {
		const engine = createValuationEngine({ method: 'fifo' });
		engine.add(Array.from({ length: 32 }, (_, i) => receipt(i)));
		const report = engine.add([{ id: 's', at: '2000', itemId: 'A', qtyMicro: -2 * MICRO }]);
		expect(report.revalued).toBe(33);
		expect(engine.get('s')?.valueChangeMicro).toBe(-(10 + 11) * MICRO);
	});

	it('a return naming an issue 100 movements back comes in at that issue’s cost', () => {
		const rows: ValuationMovement[] = [
			receipt(0),
			{ id: 'far', at: '1001', itemId: 'A', qtyMicro: -MICRO }
		];
		for (let i = 2; i < 102; i++) rows.push(receipt(i));
		const back = { id: 'back', at: '1200', itemId: 'A', qtyMicro: MICRO, reverses: 'far' };
		for (const method of ['fifo', 'moving-average'] as const) {
			const engine = createValuationEngine({ method });
			engine.add(rows);
			engine.add([back]);
			expect(engine.get('back')?.valueChangeMicro).toBe(10 * MICRO); // r0's cost, not today's
			expect(engine.get('back')).toEqual(valueMovements([...rows, back], { method }).get('back'));
		}
	});
});

describe('value is conserved', () => {
	it('every position’s value is the sum of its changes and, under FIFO, of its layers', () => {
		for (const options of OPTIONS) {
			for (let seed = 100; seed < 120; seed++) {
				const movements = randomMovements(createPrng(seed), 150);
				const engine = valueMovements(movements, options);
				const key = (m: ValuationMovement) =>
					options.scope === 'warehouse' ? `${m.itemId}/${m.warehouseId}` : m.itemId;
				const sorted = [...movements].sort((a, b) =>
					a.at !== b.at ? (a.at < b.at ? -1 : 1) : a.id < b.id ? -1 : 1
				);
				const sums = new Map<string, number>();
				for (const m of sorted) {
					const r = engine.get(m.id);
					if (!r) throw new Error('missing result');
					const sum = (sums.get(key(m)) ?? 0) + r.valueChangeMicro;
					sums.set(key(m), sum);
					expect(r.valueAfterMicro).toBe(sum);
					if (r.queue) {
						expect(r.queue.reduce((s, [, v]) => s + v, 0)).toBe(r.valueAfterMicro);
						expect(r.queue.reduce((s, [q]) => s + q, 0)).toBe(r.qtyAfterMicro);
					}
				}
			}
		}
	});
});
