// Our own valuation tables: negative stock, returns, transfers, counts, backdated and
// duplicate-delivered movements, decimal quantities. Amounts are in whole currency units here.

import { describe, expect, it } from 'vitest';
import { createValuationEngine, valueMovements, type ValuationOptions } from './engine';
import { MICRO } from './fixed';
import type { ValuationMovement } from './types';

type Row = [id: string, at: string, qty: number, unitCost?: number, reverses?: string];

function mv(row: Row, itemId = 'A', warehouseId?: string): ValuationMovement {
	const [id, at, qty, unitCost, reverses] = row;
	const m: ValuationMovement = { id, at, itemId, qtyMicro: Math.round(qty * MICRO) };
	if (warehouseId !== undefined) m.warehouseId = warehouseId;
	if (unitCost !== undefined) m.unitCostMicro = Math.round(unitCost * MICRO);
	if (reverses !== undefined) m.reverses = reverses;
	return m;
}

/** id → [qtyAfter, valueAfter, valueChange] in units. */
function table(rows: ValuationMovement[], options: ValuationOptions) {
	const engine = valueMovements(rows, options);
	return Object.fromEntries(
		rows.map((m) => {
			const r = engine.get(m.id);
			if (!r) throw new Error(`no result for ${m.id}`);
			return [
				m.id,
				[r.qtyAfterMicro / MICRO, r.valueAfterMicro / MICRO, r.valueChangeMicro / MICRO]
			];
		})
	);
}

const FIFO: ValuationOptions = { method: 'fifo' };
const AVG: ValuationOptions = { method: 'moving-average' };

describe('negative stock', () => {
	it('moving average: the shortage is valued at the last average; the next receipt fills it at that rate', () => {
		const t = table([mv(['r1', '1', 10, 10]), mv(['i1', '2', -15]), mv(['r2', '3', 10, 12])], AVG);
		expect(t.i1).toEqual([-5, -50, -150]);
		// 5 fill the shortage at 10 (+50), 5 become stock at 12 (+60).
		expect(t.r2).toEqual([5, 60, 110]);
	});

	it('a receipt that exactly fills the shortage leaves 0 and 0', () => {
		for (const options of [FIFO, AVG]) {
			const t = table([mv(['i1', '1', -3]), mv(['r1', '2', 3, 7])], options);
			expect(t.i1).toEqual([-3, 0, 0]); // no cost history: valued at 0
			expect(t.r1).toEqual([0, 0, 0]);
		}
	});

	it('an issue from zero stock uses the prevailing rate (FIFO: the last layer consumed)', () => {
		const t = table(
			[mv(['r1', '1', 2, 10]), mv(['r2', '2', 2, 30]), mv(['i1', '3', -4]), mv(['i2', '4', -1])],
			FIFO
		);
		expect(t.i1).toEqual([0, 0, -80]);
		expect(t.i2).toEqual([-1, -30, -30]);
	});
});

describe('returns', () => {
	const base = [mv(['r1', '1', 10, 10]), mv(['r2', '2', 10, 20]), mv(['s1', '3', -15])];

	it('FIFO: partial customer returns walk the issued units in order, at their cost', () => {
		const t = table(
			[...base, mv(['c1', '4', 8, undefined, 's1']), mv(['c2', '5', 4, undefined, 's1'])],
			FIFO
		);
		expect(t.s1).toEqual([5, 100, -200]);
		expect(t.c1).toEqual([13, 180, 80]); // 8 of the 10 @ 10
		expect(t.c2).toEqual([17, 240, 60]); // 2 @ 10 + 2 @ 20
		const once = table([...base, mv(['c', '4', 12, undefined, 's1'])], FIFO);
		expect(once.c).toEqual([17, 240, 140]);
	});

	it('returning more than went out values the excess at the issue’s average cost', () => {
		const t = table([...base, mv(['c1', '4', 16, undefined, 's1'])], AVG);
		// s1 left at the average 15; 16 come back at 15.
		expect(t.c1).toEqual([21, 315, 240]);
	});

	it('FIFO: a purchase return takes the reversed receipt’s own layer at its cost', () => {
		const t = table(
			[mv(['r1', '1', 10, 10]), mv(['r2', '2', 10, 20]), mv(['p1', '3', -4, undefined, 'r2'])],
			FIFO
		);
		expect(t.p1).toEqual([16, 220, -80]);
	});

	it('a reversal naming a later movement or another item counts as a plain movement', () => {
		const t = table(
			[mv(['r1', '1', 10, 10]), mv(['c1', '2', 1, undefined, 's9']), mv(['s9', '3', -1])],
			FIFO
		);
		expect(t.c1).toEqual([11, 110, 10]); // at the current rate, as a count gain
	});
});

describe('transfers', () => {
	it('company-wide FIFO: out and back in restores the queue, so later issues cost the same', () => {
		const rows = [
			mv(['r1', '1', 10, 10], 'A', 'W1'),
			mv(['r2', '2', 10, 20], 'A', 'W1'),
			mv(['t-out', '3a', -10], 'A', 'W1'),
			mv(['t-in', '3b', 10, undefined, 't-out'], 'A', 'W2'),
			mv(['s1', '4', -10], 'A', 'W2')
		];
		const t = table(rows, FIFO);
		expect(t['t-in']).toEqual([20, 300, 100]);
		expect(t.s1).toEqual([10, 200, -100]); // the oldest units, not the transferred ones last
	});

	it('per warehouse: the inbound leg carries the outbound leg’s average cost', () => {
		const rows = [
			mv(['r1', '1', 10, 10], 'A', 'W1'),
			mv(['r2', '2', 10, 20], 'A', 'W1'),
			mv(['r3', '2b', 1, 99], 'A', 'W2'),
			mv(['t-out', '3a', -4], 'A', 'W1'),
			mv(['t-in', '3b', 4, undefined, 't-out'], 'A', 'W2')
		];
		const t = table(rows, { method: 'moving-average', scope: 'warehouse' });
		expect(t['t-out']).toEqual([16, 240, -60]);
		expect(t['t-in']).toEqual([5, 159, 60]); // 99 + 4 × 15, not re-priced at W2's 99
	});
});

describe('count adjustments', () => {
	it('a gain without a cost comes in at the current average; a loss goes out like an issue', () => {
		const rows = [
			mv(['r1', '1', 10, 10]),
			mv(['r2', '2', 10, 20]),
			mv(['g', '3', 2]),
			mv(['l', '4', -12])
		];
		expect(table(rows, AVG)).toMatchObject({ g: [22, 330, 30], l: [10, 150, -180] });
		// FIFO: the gain is a new layer at the queue's average (15); the loss takes the oldest (10 @ 10, 2 @ 20).
		expect(table(rows, FIFO)).toMatchObject({ g: [22, 330, 30], l: [10, 190, -140] });
	});
});

describe('arrival order', () => {
	const rows = [
		mv(['r1', '2026-01-01', 10, 10]),
		mv(['s1', '2026-01-03', -10]),
		mv(['r2', '2026-01-02', 10, 30]) // backdated: a warehouse synced a day late
	];

	it('a backdated receipt re-values what follows it; incrementally the same as from scratch', () => {
		for (const options of [FIFO, AVG]) {
			const scratch = valueMovements(rows, options);
			const engine = createValuationEngine(options);
			engine.add(rows.slice(0, 2));
			expect(engine.get('s1')?.valueChangeMicro).toBe(-100 * MICRO);
			const report = engine.add([rows[2] as ValuationMovement]);
			expect(report.revalued).toBe(3);
			for (const m of rows) expect(engine.get(m.id)).toEqual(scratch.get(m.id));
		}
		expect(table(rows, FIFO).s1).toEqual([10, 300, -100]);
		expect(table(rows, AVG).s1).toEqual([10, 200, -200]);
	});

	it('stamps compare as strings and ties break on the id', () => {
		const t = table([mv(['b', 'x', -1]), mv(['a', 'x', 1, 5])], FIFO);
		expect(t.a).toEqual([1, 5, 5]);
		expect(t.b).toEqual([0, 0, -5]);
	});

	it('a movement delivered twice counts once', () => {
		const engine = createValuationEngine(FIFO);
		engine.add([mv(['r1', '1', 10, 10]), mv(['s1', '2', -4])]);
		const report = engine.add([mv(['s1', '2', -4]), mv(['r1', '1', 10, 10])]);
		expect(report).toEqual({ added: 0, duplicates: 2, revalued: 0 });
		expect(engine.position('A')).toEqual({
			qtyMicro: 6 * MICRO,
			valueMicro: 60 * MICRO,
			layers: [[6 * MICRO, 60 * MICRO]],
			layerSince: ['1']
		});
	});

	it('an inbound movement with an exact value takes it as is (an opening layer carried in)', () => {
		const engine = createValuationEngine(FIFO);
		engine.add([{ ...mv(['o', '0', 3]), valueMicro: 10_000_001 }]);
		engine.add([mv(['s', '1', -1])]);
		expect(engine.get('o')?.valueAfterMicro).toBe(10_000_001);
		expect(engine.get('s')?.movedValueMicro).toBe(3_333_334);
	});
});

describe('exactness', () => {
	it('decimal quantities sum exactly: 0.1 issued 3 times from 0.3', () => {
		const rows = [
			mv(['r', '0', 0.3, 1]),
			mv(['a', '1', -0.1]),
			mv(['b', '2', -0.1]),
			mv(['c', '3', -0.1])
		];
		expect(table(rows, AVG).c).toEqual([0, 0, -0.1]);
	});

	it('a third of 10.00 rounds half away from zero at the micro-unit; the last third takes the rest', () => {
		const t = table([mv(['r', '0', 3, 3.333334]), mv(['a', '1', -1]), mv(['b', '2', -2])], AVG);
		expect(t.r).toEqual([3, 10.000002, 10.000002]);
		expect(t.a).toEqual([2, 6.666668, -3.333334]);
		expect(t.b).toEqual([0, 0, -6.666668]);
	});
});
