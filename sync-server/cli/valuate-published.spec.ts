// Published expectations of established systems, run through the CLI's pure function. Every
// expected number names the file and test it comes from:
//   ERPNext  erpnext/stock/tests/test_valuation.py (TestFIFOValuation)
//            erpnext/stock/doctype/stock_ledger_entry/test_stock_ledger_entry.py (TestStockLedgerEntry)
//   Odoo     addons/stock_account/tests/test_stockvaluationlayer.py
//            (TestStockValuationAVCO, TestStockValuationFIFO)
// Cases where we differ on purpose are listed in docs/DECISIONS.md ("Valuation") with the reason.

import { describe, expect, it } from 'vitest';
import { valuateLines, type ValuateLine, type ValuateOptions } from './valuate';

interface Move {
	id: string;
	at: string;
	itemId?: string;
	warehouseId?: string;
	qty: number | string;
	unitCost?: number | string;
	reverses?: string;
}

function run(moves: Move[], options: ValuateOptions): Record<string, ValuateLine> {
	const lines = valuateLines(
		moves.map((m) => JSON.stringify({ itemId: 'P', ...m })),
		options
	);
	return Object.fromEntries(lines.map((l) => [l.id, l]));
}

const FIFO: ValuateOptions = { method: 'fifo', precision: 2 };
const AVCO: ValuateOptions = { method: 'moving-average', precision: 2 };

/** Stamps one day apart, in the order given (the tests' `self.days` counter). */
const day = (n: number) => `2026-01-${String(10 + n).padStart(2, '0')}`;

describe('ERPNext test_valuation.py, TestFIFOValuation', () => {
	it('test_merge_new_stock: two receipts of 1 @ 10 read as one layer [[2, 10]]', () => {
		const r = run(
			[
				{ id: 'a', at: day(1), qty: 1, unitCost: 10 },
				{ id: 'b', at: day(2), qty: 1, unitCost: 10 }
			],
			FIFO
		);
		expect(r.b?.queue).toEqual([[2, 10]]); // test_merge_new_stock
	});

	it('test_adding_negative_stock_keeps_rate: [[-5, 100]] + 1 @ 10 → [[-4, 100]]', () => {
		// Setup (ours): 5 @ 100 in, 10 out gives ERPNext's starting queue [[-5, 100]].
		const r = run(
			[
				{ id: 'setup-in', at: day(1), qty: 5, unitCost: 100 },
				{ id: 'setup-out', at: day(2), qty: -10 },
				{ id: 'add', at: day(3), qty: 1, unitCost: 10 }
			],
			FIFO
		);
		expect(r['setup-out']?.queue).toEqual([[-5, 100]]); // test_adding_negative_stock_keeps_rate (start)
		expect(r.add?.queue).toEqual([[-4, 100]]); // test_adding_negative_stock_keeps_rate
	});

	it('test_adding_negative_stock_updates_rate: [[-5, 100]] + 6 @ 10 → [[1, 10]]', () => {
		const r = run(
			[
				{ id: 'setup-in', at: day(1), qty: 5, unitCost: 100 },
				{ id: 'setup-out', at: day(2), qty: -10 },
				{ id: 'add', at: day(3), qty: 6, unitCost: 10 }
			],
			FIFO
		);
		expect(r.add?.queue).toEqual([[1, 10]]); // test_adding_negative_stock_updates_rate
	});

	it('test_remove_multiple_bins: 1@10, 2@20, 1@20, 5@20, remove 4 → [[5, 20]]', () => {
		const r = run(
			[
				{ id: 'a', at: day(1), qty: 1, unitCost: 10 },
				{ id: 'b', at: day(2), qty: 2, unitCost: 20 },
				{ id: 'c', at: day(3), qty: 1, unitCost: 20 },
				{ id: 'd', at: day(4), qty: 5, unitCost: 20 },
				{ id: 'out', at: day(5), qty: -4 }
			],
			FIFO
		);
		expect(r.out?.queue).toEqual([[5, 20]]); // test_remove_multiple_bins
	});

	it('test_removing_specified_rate: 1@10, 1@20, remove 1 @ 20 → [[1, 10]] (our return of the 20 receipt)', () => {
		const r = run(
			[
				{ id: 'a', at: day(1), qty: 1, unitCost: 10 },
				{ id: 'b', at: day(2), qty: 1, unitCost: 20 },
				{ id: 'ret', at: day(3), qty: -1, reverses: 'b' }
			],
			FIFO
		);
		expect(r.ret?.queue).toEqual([[1, 10]]); // test_removing_specified_rate
	});

	it('test_queue_with_unknown_rate: 1@1..1@4 is worth 10; remove 3 "at 1" → [[1, 4]]', () => {
		const r = run(
			[
				{ id: 'a', at: day(1), qty: 1, unitCost: 1 },
				{ id: 'b', at: day(2), qty: 1, unitCost: 2 },
				{ id: 'c', at: day(3), qty: 1, unitCost: 3 },
				{ id: 'd', at: day(4), qty: 1, unitCost: 4 },
				{ id: 'ret', at: day(5), qty: -3, reverses: 'a' }
			],
			FIFO
		);
		expect(r.d?.valueAfter).toBe(10); // test_queue_with_unknown_rate: assertTotalValue(10)
		expect(r.ret?.queue).toEqual([[1, 4]]); // test_queue_with_unknown_rate
	});
});

describe('ERPNext test_stock_ledger_entry.py, TestStockLedgerEntry', () => {
	it('test_negative_fifo_valuation: 10 @ 10 in, 15 out, 5 out, 15 @ 15 in', () => {
		const r = run(
			[
				{ id: 'receipt', at: day(1), qty: 10, unitCost: 10 },
				{ id: 'consume1', at: day(2), qty: -15 },
				{ id: 'consume2', at: day(3), qty: -5 },
				{ id: 'receipt2', at: day(4), qty: 15, unitCost: 15 }
			],
			FIFO
		);
		expect(r.consume1).toMatchObject({ valueAfter: -50, queue: [[-5, 10]] }); // test_negative_fifo_valuation
		expect(r.consume2).toMatchObject({ valueAfter: -100, queue: [[-10, 10]] }); // test_negative_fifo_valuation
		expect(r.receipt2).toMatchObject({ valueChange: 175, queue: [[5, 15]] }); // test_negative_fifo_valuation
	});

	it('test_legacy_item_valuation_stock_entry: receipts 1 @ 50 and 1 @ 100, then an issue of 1', () => {
		const r = run(
			[
				{ id: 'mr1', at: '2021-01-21', qty: 1, unitCost: 50 },
				{ id: 'mr2', at: '2021-01-23', qty: 1, unitCost: 100 },
				{ id: 'mi1', at: '2021-01-29', qty: -1 }
			],
			FIFO
		);
		// (stock_value_difference, stock_value, qty_after_transaction, stock_queue) per row:
		expect(r.mr1).toMatchObject({ valueChange: 50, valueAfter: 50, qtyAfter: 1, queue: [[1, 50]] }); // test_legacy_item_valuation_stock_entry
		expect(r.mr2).toMatchObject({
			valueChange: 100,
			valueAfter: 150,
			qtyAfter: 2,
			queue: [
				[1, 50],
				[1, 100]
			]
		}); // test_legacy_item_valuation_stock_entry
		expect(r.mi1).toMatchObject({
			valueChange: -50,
			valueAfter: 100,
			qtyAfter: 1,
			queue: [[1, 100]]
		}); // test_legacy_item_valuation_stock_entry
	});

	it('test_purchase_return_valuation_reposting: 5 @ 100 in, return 2 → out at 100, −200', () => {
		for (const options of [FIFO, AVCO]) {
			const r = run(
				[
					{ id: 'pr', at: '2020-04-10', qty: 5, unitCost: 100 },
					{ id: 'return_pr', at: '2020-04-15', qty: -2, reverses: 'pr' }
				],
				options
			);
			expect(r.return_pr).toMatchObject({ unitCost: 100, valueChange: -200 }); // test_purchase_return_valuation_reposting
		}
	});

	it('test_sales_return_valuation_reposting: 5 @ 100 in, 5 delivered, 2 returned at 100', () => {
		for (const options of [FIFO, AVCO]) {
			const r = run(
				[
					{ id: 'pr', at: '2020-04-10', qty: 5, unitCost: 100 },
					{ id: 'dn', at: '2020-04-11', qty: -5 },
					{ id: 'return_dn', at: '2020-04-12', qty: 2, reverses: 'dn' }
				],
				options
			);
			expect(r.dn).toMatchObject({ unitCost: 100, valueChange: -500 }); // test_sales_return_valuation_reposting: outgoing_rate 100
			expect(r.return_dn).toMatchObject({ unitCost: 100, valueChange: 200 }); // test_sales_return_valuation_reposting: incoming_rate 100, svd 200
		}
	});

	it('test_intermediate_average_batch_wise_valuation: a backdated receipt between two (moving average)', () => {
		// Entered in this order; the stamps put "tomorrow" after "today". One batch = our item.
		const r = run(
			[
				{ id: 'yesterday', at: '2026-01-09', qty: 1, unitCost: 10 },
				{ id: 'tomorrow', at: '2026-01-11', qty: 1, unitCost: 30 },
				{ id: 'create_today', at: '2026-01-10T01', qty: 1, unitCost: 20 },
				{ id: 'consume_today', at: '2026-01-10T02', qty: -1 },
				{ id: 'consume_tomorrow', at: '2026-01-12', qty: -2 }
			],
			AVCO
		);
		expect(r.yesterday?.valueChange).toBe(10); // test_intermediate_average_batch_wise_valuation
		expect(r.tomorrow?.valueChange).toBe(30); // test_intermediate_average_batch_wise_valuation
		expect(r.create_today?.valueChange).toBe(20); // test_intermediate_average_batch_wise_valuation
		expect(r.consume_today?.valueChange).toBe(-15); // test_intermediate_average_batch_wise_valuation
		expect(r.consume_tomorrow).toMatchObject({ valueChange: -45, valueAfter: 0, qtyAfter: 0 }); // test_intermediate_average_batch_wise_valuation: -(30 + 15)
	});

	it('test_batchwise_item_valuation_moving_average: each batch (our item) issues at its own average', () => {
		const r = run(
			[
				{ id: 'pr1', at: day(1), itemId: 'batch0', qty: 1, unitCost: 100 },
				{ id: 'pr2', at: day(2), itemId: 'batch1', qty: 1, unitCost: 50 },
				{ id: 'pr3', at: day(3), itemId: 'batch0', qty: 1, unitCost: 150 },
				{ id: 'pr4', at: day(4), itemId: 'batch1', qty: 1, unitCost: 100 },
				{ id: 'dn1', at: day(5), itemId: 'batch1', qty: -1 },
				{ id: 'dn2', at: day(6), itemId: 'batch0', qty: -1 },
				{ id: 'dn3', at: day(7), itemId: 'batch1', qty: -1 },
				{ id: 'dn4', at: day(8), itemId: 'batch0', qty: -1 }
			],
			AVCO
		);
		// expected_abs_svd = expected_incoming_rates = [75, 125, 75, 125]
		expect(['dn1', 'dn2', 'dn3', 'dn4'].map((id) => -(r[id]?.valueChange ?? 0))).toEqual([
			75, 125, 75, 125
		]); // test_batchwise_item_valuation_moving_average
		expect(['dn1', 'dn2', 'dn3', 'dn4'].map((id) => r[id]?.unitCost)).toEqual([75, 125, 75, 125]); // test_batchwise_item_valuation_moving_average
	});

	it('test_fifo_dependent_consumption: a transfer carries the exact layers to the target warehouse', () => {
		const moves: Move[] = [];
		for (let i = 1; i <= 19; i++)
			moves.push({
				id: `in${i}`,
				at: `t1-${String(i).padStart(2, '0')}`,
				warehouseId: 'source',
				qty: 10,
				unitCost: 10 * i
			});
		for (let i = 1; i <= 19; i++) {
			moves.push({
				id: `out${i}`,
				at: `t2-${String(i).padStart(2, '0')}-a`,
				warehouseId: 'source',
				qty: -10
			});
			moves.push({
				id: `to${i}`,
				at: `t2-${String(i).padStart(2, '0')}-b`,
				warehouseId: 'target',
				qty: 10,
				reverses: `out${i}`
			});
		}
		const r = run(moves, { ...FIFO, perWarehouse: true });
		for (let idx = 1; idx <= 19; idx++) {
			// expected_queues[idx] = [[10, 10 * i] for i in 1..idx], at the target warehouse
			const expected = Array.from({ length: idx }, (_, k) => [10, 10 * (k + 1)]);
			expect(r[`to${idx}`]?.queue).toEqual(expected); // test_fifo_dependent_consumption
		}
	});

	it('test_dependent_gl_entry_reposting: a backdated receipt re-values a later transfer and its consumption', () => {
		const base: Move[] = [
			{ id: 'receipt', at: 'd0', warehouseId: 'A', qty: 5, unitCost: 10 },
			{ id: 'ab-out', at: 'd1-a', warehouseId: 'A', qty: -5 },
			{ id: 'ab-in', at: 'd1-b', warehouseId: 'B', qty: 5, reverses: 'ab-out' },
			{ id: 'consume', at: 'd2', warehouseId: 'B', qty: -5 }
		];
		const options = { ...FIFO, perWarehouse: true };
		expect(run(base, options).consume?.valueChange).toBe(-50); // test_dependent_gl_entry_reposting: 50
		// Backdated receipt 5 @ 20 the day before, entered last.
		const withBackdated = run(
			[...base, { id: 'bd', at: 'd-1', warehouseId: 'A', qty: 5, unitCost: 20 }],
			options
		);
		expect(withBackdated.consume?.valueChange).toBe(-100); // test_dependent_gl_entry_reposting: 100
		// Instead, 2 @ 20 two days before: "total as per FIFO -> 2 * 20 + 3 * 10 = 70".
		const withSecond = run(
			[...base, { id: 'bd2', at: 'd-2', warehouseId: 'A', qty: 2, unitCost: 20 }],
			options
		);
		expect(withSecond.consume?.valueChange).toBe(-70); // test_dependent_gl_entry_reposting: 70
	});
});

describe('Odoo test_stockvaluationlayer.py, TestStockValuationAVCO (moving average)', () => {
	it('test_normal_1: 10 @ 10, 10 @ 20, out 15', () => {
		const r = run(
			[
				{ id: 'move1', at: day(1), qty: 10, unitCost: 10 },
				{ id: 'move2', at: day(2), qty: 10, unitCost: 20 },
				{ id: 'move3', at: day(3), qty: -15 }
			],
			AVCO
		);
		expect(r.move1?.valueChange).toBe(100); // test_normal_1
		expect(r.move2?.valueChange).toBe(200); // test_normal_1
		expect(r.move3).toMatchObject({ valueChange: -225, unitCost: 15 }); // test_normal_1: value -225, standard_price 15
		expect(r.move3).toMatchObject({ valueAfter: 75, qtyAfter: 5 }); // test_normal_1
	});

	it('test_negative_1: 10 @ 10, 10 @ 20, out 30, 10 @ 30, 10 @ 40 → 400 for 10', () => {
		const r = run(
			[
				{ id: 'move1', at: day(1), qty: 10, unitCost: 10 },
				{ id: 'move2', at: day(2), qty: 10, unitCost: 20 },
				{ id: 'move3', at: day(3), qty: -30 },
				{ id: 'move4', at: day(4), qty: 10, unitCost: 30 },
				{ id: 'move5', at: day(5), qty: 10, unitCost: 40 }
			],
			AVCO
		);
		expect(r.move3?.qtyAfter).toBe(-10); // test_negative_1: remaining_qty -10
		expect(r.move4?.qtyAfter).toBe(0); // test_negative_1: remaining_qty sums to 0
		expect(r.move5).toMatchObject({ valueAfter: 400, qtyAfter: 10 }); // test_negative_1
	});

	it('test_negative_2: out 1 with no stock, then 1 @ 15 → 0 for 0', () => {
		const r = run(
			[
				{ id: 'move1', at: day(1), qty: -1 },
				{ id: 'move2', at: day(2), qty: 1, unitCost: 15 }
			],
			AVCO
		);
		expect(r.move2).toMatchObject({ valueAfter: 0, qtyAfter: 0 }); // test_negative_2
	});

	it('test_negative_3: out 2 with no stock, then 20 @ 3.33 → 59.94 for 18', () => {
		const r = run(
			[
				{ id: 'move1', at: day(1), qty: -2 },
				{ id: 'move2', at: day(2), qty: 20, unitCost: 3.33 }
			],
			AVCO
		);
		expect(r.move1?.valueChange).toBe(0); // test_negative_3: out layer value 0
		expect(r.move2).toMatchObject({ valueAfter: 59.94, qtyAfter: 18, unitCost: 3.33 }); // test_negative_3
	});

	it('test_return_receipt_1: a purchase return leaves at the average → 0 for 0', () => {
		const r = run(
			[
				{ id: 'move1', at: day(1), qty: 1, unitCost: 10 },
				{ id: 'move2', at: day(2), qty: 1, unitCost: 20 },
				{ id: 'move3', at: day(3), qty: -1 },
				{ id: 'move4', at: day(4), qty: -1, reverses: 'move1' }
			],
			AVCO
		);
		expect(r.move4).toMatchObject({ valueAfter: 0, qtyAfter: 0, unitCost: 15 }); // test_return_receipt_1 (standard_price 15; "-15, current avco" in test_rereturn_receipt_1)
	});

	it('test_return_delivery_1: a customer return comes back at 15 → 30 for 2', () => {
		const r = run(
			[
				{ id: 'move1', at: day(1), qty: 1, unitCost: 10 },
				{ id: 'move2', at: day(2), qty: 1, unitCost: 20 },
				{ id: 'move3', at: day(3), qty: -1 },
				{ id: 'move4', at: day(4), qty: 1, reverses: 'move3' }
			],
			AVCO
		);
		expect(r.move4).toMatchObject({ valueAfter: 30, qtyAfter: 2, unitCost: 15 }); // test_return_delivery_1
	});

	it('test_rereturn_receipt_1 and test_rereturn_delivery_1 → 15 for 1', () => {
		const receipt = run(
			[
				{ id: 'move1', at: day(1), qty: 1, unitCost: 10 },
				{ id: 'move2', at: day(2), qty: 1, unitCost: 20 },
				{ id: 'move3', at: day(3), qty: -1 },
				{ id: 'move4', at: day(4), qty: -1, reverses: 'move1' },
				{ id: 'move5', at: day(5), qty: 1, reverses: 'move4' }
			],
			AVCO
		);
		expect(receipt.move5).toMatchObject({ valueAfter: 15, qtyAfter: 1 }); // test_rereturn_receipt_1
		const delivery = run(
			[
				{ id: 'move1', at: day(1), qty: 1, unitCost: 10 },
				{ id: 'move2', at: day(2), qty: 1, unitCost: 20 },
				{ id: 'move3', at: day(3), qty: -1 },
				{ id: 'move4', at: day(4), qty: 1, reverses: 'move3' },
				{ id: 'move5', at: day(5), qty: -1, reverses: 'move4' }
			],
			AVCO
		);
		expect(delivery.move5).toMatchObject({ valueAfter: 15, qtyAfter: 1 }); // test_rereturn_delivery_1
	});

	it('test_rounding_slv_1 and _2: three receipts issued at once leave exactly 0', () => {
		const one = run(
			[
				{ id: 'a', at: day(1), qty: 1, unitCost: 1 },
				{ id: 'b', at: day(2), qty: 1, unitCost: 1 },
				{ id: 'c', at: day(3), qty: 1, unitCost: 1.01 },
				{ id: 'out', at: day(4), qty: -3 }
			],
			AVCO
		);
		expect(one.c?.valueAfter).toBe(3.01); // test_rounding_slv_1
		expect(one.out).toMatchObject({ valueAfter: 0, qtyAfter: 0 }); // test_rounding_slv_1
		const two = run(
			[
				{ id: 'a', at: day(1), qty: 1, unitCost: 1.02 },
				{ id: 'b', at: day(2), qty: 1, unitCost: 1 },
				{ id: 'c', at: day(3), qty: 1, unitCost: 1 },
				{ id: 'out', at: day(4), qty: -3 }
			],
			AVCO
		);
		expect(two.c?.valueAfter).toBe(3.02); // test_rounding_slv_2
		expect(two.out).toMatchObject({ valueAfter: 0, qtyAfter: 0, unitCost: 1.01 }); // test_rounding_slv_2: standard_price 1.01
	});

	it('test_rounding_svl_3: 1000 @ 0.17, 800 @ 0.23 average 0.20; both issues leave 0', () => {
		const r = run(
			[
				{ id: 'a', at: day(1), qty: 1000, unitCost: 0.17 },
				{ id: 'b', at: day(2), qty: 800, unitCost: 0.23 },
				{ id: 'out1', at: day(3), qty: -1000 },
				{ id: 'out2', at: day(4), qty: -800 }
			],
			AVCO
		);
		expect(r.out1?.unitCost).toBe(0.2); // test_rounding_svl_3: standard_price 0.20
		expect(r.out2?.valueAfter).toBe(0); // test_rounding_svl_3
	});

	it('test_rounding_svl_4: 2 @ 4.63, 5 @ 3.04 (average 3.49), then 70 issues of 0.1 → 0 and 0', () => {
		const moves: Move[] = [
			{ id: 'a', at: day(1), qty: 2, unitCost: 4.63 },
			{ id: 'b', at: day(2), qty: 5, unitCost: 3.04 }
		];
		for (let i = 0; i < 70; i++)
			moves.push({ id: `o${i}`, at: `${day(3)}-${String(i).padStart(2, '0')}`, qty: 0.1 });
		for (const m of moves.slice(2)) m.qty = -0.1;
		const r = run(moves, AVCO);
		expect(r.o0?.unitCost).toBe(3.49); // test_rounding_svl_4: standard_price 3.49
		expect(r.o69).toMatchObject({ qtyAfter: 0, valueAfter: 0 }); // test_rounding_svl_4
	});

	it('test_return_delivery_rounding: 13.13 + 12.20 out and back → 25.33 for 2', () => {
		const r = run(
			[
				{ id: 'a', at: day(1), qty: 1, unitCost: 13.13 },
				{ id: 'b', at: day(2), qty: 1, unitCost: 12.2 },
				{ id: 'move3', at: day(3), qty: -2 },
				{ id: 'move4', at: day(4), qty: 2, reverses: 'move3' }
			],
			AVCO
		);
		expect(r.move4?.valueChange).toBe(-(r.move3?.valueChange ?? 0)); // test_return_delivery_rounding: |out| == |return|
		expect(r.move4).toMatchObject({ valueAfter: 25.33, qtyAfter: 2 }); // test_return_delivery_rounding
	});
});

describe('Odoo test_stockvaluationlayer.py, TestStockValuationFIFO', () => {
	it('test_normal_1: 10 @ 10, 10 @ 20, out 15 → 100 for 5', () => {
		const r = run(
			[
				{ id: 'move1', at: day(1), qty: 10, unitCost: 10 },
				{ id: 'move2', at: day(2), qty: 10, unitCost: 20 },
				{ id: 'move3', at: day(3), qty: -15 }
			],
			FIFO
		);
		expect(r.move3).toMatchObject({ valueAfter: 100, qtyAfter: 5 }); // test_normal_1
	});

	it('test_negative_1: out 30 of 20, then 10 @ 30 and 10 @ 40 → 400 for 10', () => {
		const r = run(
			[
				{ id: 'move1', at: day(1), qty: 10, unitCost: 10 },
				{ id: 'move2', at: day(2), qty: 10, unitCost: 20 },
				{ id: 'move3', at: day(3), qty: -30 },
				{ id: 'move4', at: day(4), qty: 10, unitCost: 30 },
				{ id: 'move5', at: day(5), qty: 10, unitCost: 40 }
			],
			FIFO
		);
		expect(r.move3?.qtyAfter).toBe(-10); // test_negative_1: remaining_qty -10
		expect(r.move4?.qtyAfter).toBe(0); // test_negative_1
		expect(r.move5).toMatchObject({ valueAfter: 400, qtyAfter: 10 }); // test_negative_1
	});

	it('test_return_delivery_1: the returned 10 come back at 10 → 300 for 20', () => {
		const r = run(
			[
				{ id: 'move1', at: day(1), qty: 10, unitCost: 10 },
				{ id: 'move2', at: day(2), qty: -10 },
				{ id: 'move3', at: day(3), qty: 10, unitCost: 20 },
				{ id: 'move4', at: day(4), qty: 10, reverses: 'move2' }
			],
			FIFO
		);
		expect(r.move4).toMatchObject({ valueAfter: 300, qtyAfter: 20 }); // test_return_delivery_1
	});

	it('test_return_receipt_1: 2 of the 10 @ 10 go back → 280 for 18', () => {
		const r = run(
			[
				{ id: 'move1', at: day(1), qty: 10, unitCost: 10 },
				{ id: 'move2', at: day(2), qty: 10, unitCost: 20 },
				{ id: 'move3', at: day(3), qty: -2, reverses: 'move1' }
			],
			FIFO
		);
		expect(r.move3).toMatchObject({ valueAfter: 280, qtyAfter: 18 }); // test_return_receipt_1
	});

	it('test_rereturn_receipt_1 → 20 for 1', () => {
		const r = run(
			[
				{ id: 'move1', at: day(1), qty: 1, unitCost: 10 },
				{ id: 'move2', at: day(2), qty: 1, unitCost: 20 },
				{ id: 'move3', at: day(3), qty: -1 },
				{ id: 'move4', at: day(4), qty: -1, reverses: 'move1' },
				{ id: 'move5', at: day(5), qty: 1, reverses: 'move4' }
			],
			FIFO
		);
		expect(r.move5).toMatchObject({ valueAfter: 20, qtyAfter: 1 }); // test_rereturn_receipt_1
	});

	it('test_return_delivery_2: a unit received at 0 comes back at 0', () => {
		const r = run(
			[
				{ id: 'a', at: day(1), qty: 1, unitCost: 10 },
				{ id: 'b', at: day(2), qty: 1, unitCost: 0 },
				{ id: 'out1', at: day(3), qty: -1 },
				{ id: 'out_move02', at: day(4), qty: -1 },
				{ id: 'returned', at: day(5), qty: 1, reverses: 'out_move02' }
			],
			FIFO
		);
		expect(r.returned?.valueChange).toBe(0); // test_return_delivery_2
	});

	it('test_currency_precision_and_fifo_svl_value: 0.5 @ 3 in and out with whole-unit currency → 0', () => {
		const r = run(
			[
				{ id: 'in', at: day(1), qty: 0.5, unitCost: 3 },
				{ id: 'out', at: day(2), qty: -0.5 }
			],
			{ method: 'fifo', precision: 0 }
		);
		expect(r.out?.valueAfter).toBe(0); // test_currency_precision_and_fifo_svl_value
	});
});
