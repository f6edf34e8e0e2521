// Landed costs (DECISIONS, "Production and landed costs"): a charge spread over receipts by
// value or quantity, in cents that add up, carried into what follows the receipts.

import { describe, expect, it } from 'vitest';
import { DEFAULT_CHART } from './accounts';
import { trialBalance } from './books';
import { costMovements } from './costing';
import { deriveVouchers } from './derive';
import { applyLandedCharges, LandedCostError, spreadCents, type LandedCharge } from './landed-cost';
import { filed, move } from './test-support';
import type { Movement } from '../ledger/movement';
import type { ValuationMethod } from '../valuation/types';

const DAY = '2026-04-01';

function run(moves: Movement[], charges: LandedCharge[], method: ValuationMethod = 'fifo') {
	const costing = costMovements({
		method,
		opening: null,
		movements: moves.map((m) => filed(m)),
		landedCharges: charges
	});
	const vouchers = deriveVouchers({
		chart: DEFAULT_CHART,
		movements: costing.movements,
		salesOrders: [],
		fromMonth: null
	});
	const bal = Object.fromEntries(
		trialBalance(DEFAULT_CHART, vouchers).rows.map((r) => [r.account, r.closingCents])
	);
	const change = Object.fromEntries(
		costing.movements.map((c) => [c.movement.id, c.valueChangeMicro / 1e6])
	);
	return { change, bal, costing };
}

describe('spreading a charge', () => {
	it('by weight, rounded down, the cents left to the largest remainders; always the whole charge', () => {
		expect(spreadCents(1000, [1, 1, 1])).toEqual([334, 333, 333]); // tie: the earlier one
		expect(spreadCents(100, [2, 1])).toEqual([67, 33]);
		expect(spreadCents(101, [1, 1])).toEqual([51, 50]);
		expect(spreadCents(0, [5, 7])).toEqual([0, 0]);
		expect(spreadCents(7, [0, 0])).toEqual([4, 3]); // no weight: equal shares
	});

	it('refuses a fractional or negative charge', () => {
		expect(() => spreadCents(10.5, [1])).toThrow(LandedCostError);
		expect(() => spreadCents(-1, [1])).toThrow(LandedCostError);
	});
});

// Receipts: A 10 @ 2.00 (20.00) and B 30 @ 1.00 (30.00); freight 10.00.
const receipts = [
	move({ id: 'rA', day: DAY, seq: 1, item: 'A', qty: 10, reason: 'receipt', cost: 200 }),
	move({ id: 'rB', day: DAY, seq: 2, item: 'B', qty: 30, reason: 'receipt', cost: 100 }),
	move({ id: 'sA', day: DAY, seq: 3, item: 'A', qty: -3, reason: 'issue' })
];

describe('landed costs on receipts', () => {
	it('by value: 4.00 onto A (20 of 50), 6.00 onto B; the later issue of A costs 2.40 a unit', () => {
		for (const method of ['fifo', 'moving-average'] as const) {
			const { change } = run(
				receipts,
				[{ id: 'LC1', amountCents: 1000, basis: 'value', receipts: ['rA', 'rB'] }],
				method
			);
			expect(change).toMatchObject({ rA: 24, rB: 36, sA: -7.2 });
		}
	});

	it('by quantity: 2.50 onto A (10 of 40 units), 7.50 onto B', () => {
		const { change } = run(receipts, [
			{ id: 'LC1', amountCents: 1000, basis: 'qty', receipts: ['rA', 'rB'] }
		]);
		expect(change).toMatchObject({ rA: 22.5, rB: 37.5, sA: -6.75 });
	});

	it('a cent that does not divide goes to one receipt; inventory and GRNI carry the whole charge', () => {
		const { change, bal } = run(receipts, [
			{ id: 'LC1', amountCents: 1001, basis: 'qty', receipts: ['rA', 'rB'] }
		]);
		// 10.01 × 10/40 = 2.5025 → 2.50; × 30/40 = 7.5075 → 7.50; the cent left to B (larger rest).
		expect(change).toMatchObject({ rA: 22.5, rB: 37.51 });
		expect(bal['2172']).toBe(-(2000 + 3000 + 1001)); // 暫估應付: goods and charge accrued
		expect(bal['1231']).toBe(2250 - 675 + 3751); // 存貨 after 3 of A at 2.25
	});

	it('a charge naming something that is not a costed receipt is refused, not lost', () => {
		const bad: LandedCharge = {
			id: 'LC9',
			amountCents: 500,
			basis: 'value',
			receipts: ['rA', 'sA']
		};
		expect(() => applyLandedCharges([bad], new Map())).toThrow(/LC9/);
		// In the books (a peer's event), it is set aside and named, and the rest still values.
		const { costing, change } = run(receipts, [bad]);
		expect(costing.invalidCharges).toEqual(['LC9']);
		expect(change).toMatchObject({ rA: 20 });
	});
});
