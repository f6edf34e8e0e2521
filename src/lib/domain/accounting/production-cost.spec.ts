// Production costing (DECISIONS, "Production and landed costs"): finished goods at the cost of
// the material issued to their work order plus conversion; WIP clears on completion.

import { describe, expect, it } from 'vitest';
import { DEFAULT_CHART } from './accounts';
import { trialBalance } from './books';
import { costMovements } from './costing';
import { deriveVouchers } from './derive';
import { filed, move } from './test-support';
import type { ValuationMethod } from '../valuation/types';
import type { Movement } from '../ledger/movement';

const DAY = '2026-03-02';

function run(moves: Movement[], method: ValuationMethod = 'fifo') {
	const costing = costMovements({ method, opening: null, movements: moves.map((m) => filed(m)) });
	const vouchers = deriveVouchers({
		chart: DEFAULT_CHART,
		movements: costing.movements,
		salesOrders: [],
		fromMonth: null
	});
	const tb = trialBalance(DEFAULT_CHART, vouchers);
	const bal = Object.fromEntries(tb.rows.map((r) => [r.account, r.closingCents]));
	const change = Object.fromEntries(
		costing.movements.map((c) => [c.movement.id, c.valueChangeMicro / 1e6])
	);
	return { costing, vouchers, bal, change };
}

// Material M 10 @ 3.00 and N 4 @ 2.50; work order WO-1 takes 3 M (9.00) and 2 N (5.00) and
// makes 4 F with 1.25 conversion each (5.00): F is worth 19.00, 4.75 a unit.
const base = [
	move({ id: 'rM', day: DAY, seq: 1, item: 'M', qty: 10, reason: 'receipt', cost: 300 }),
	move({ id: 'rN', day: DAY, seq: 2, item: 'N', qty: 4, reason: 'receipt', cost: 250 }),
	move({ id: 'iM', day: DAY, seq: 3, item: 'M', qty: -3, reason: 'issue', ref: 'WO-1' }),
	move({ id: 'iN', day: DAY, seq: 4, item: 'N', qty: -2, reason: 'issue', ref: 'WO-1' }),
	move({
		id: 'F1',
		day: DAY,
		seq: 5,
		item: 'F',
		qty: 4,
		reason: 'production',
		ref: 'WO-1',
		cost: 125
	})
];

describe('production costing', () => {
	it('finished goods = issued material + conversion; WIP clears, conversion is credited', () => {
		for (const method of ['fifo', 'moving-average'] as const) {
			const { change, bal } = run(
				[...base, move({ id: 'sF', day: DAY, seq: 6, item: 'F', qty: -1, reason: 'issue' })],
				method
			);
			expect(change).toMatchObject({ iM: -9, iN: -5, F1: 19, sF: -4.75 });
			expect(bal['1234']).toBe(0); // 在製品 clears: 9 + 5 in, 14 out
			expect(bal['5191']).toBe(-500); // 已分攤製造費用 5.00 credited
			expect(bal['1231']).toBe(3 * 700 + 2 * 250 + 3 * 475); // M 7 @ 3, N 2 @ 2.50, F 3 @ 4.75
		}
	});

	it('two levels: a sub-assembly issued to another order carries its own cost up', () => {
		const { change } = run([
			...base,
			move({ id: 'iF', day: DAY, seq: 6, item: 'F', qty: -2, reason: 'issue', ref: 'WO-2' }),
			move({
				id: 'G1',
				day: DAY,
				seq: 7,
				item: 'G',
				qty: 3,
				reason: 'production',
				ref: 'WO-2',
				cost: 33
			}),
			move({ id: 'sG', day: DAY, seq: 8, item: 'G', qty: -1, reason: 'issue' })
		]);
		// 2 F at 4.75 = 9.50, plus 3 × 0.33 = 0.99: 10.49 for 3, a third is 3.496667 (rounded
		// at the micro-unit, half away from zero), 3.50 in whole cents.
		expect(change).toMatchObject({ iF: -9.5, G1: 10.49, sG: -3.496667 });
	});

	it('material issued after the completion stays in work in process', () => {
		const { bal, change } = run([
			...base,
			move({ id: 'late', day: DAY, seq: 9, item: 'M', qty: -1, reason: 'issue', ref: 'WO-1' })
		]);
		expect(change.F1).toBe(19);
		expect(bal['1234']).toBe(300);
	});

	it('a completion without material or conversion comes in at zero, not at a guessed rate', () => {
		const { change } = run([
			move({ id: 'F0', day: DAY, seq: 1, item: 'F', qty: 2, reason: 'production', ref: 'WO-9' })
		]);
		expect(change.F0).toBe(0);
	});
});
