import { describe, expect, it } from 'vitest';
import { chartOfAccounts, DEFAULT_CHART } from './accounts';
import { generalLedger, journal, trialBalance } from './books';
import { costMovements, type FiledMovement } from './costing';
import { deriveVouchers } from './derive';
import { filed, move, orderLine, salesOrder } from './test-support';
import type { ValuationMethod } from '../valuation/types';
import type { Order } from '../orders/order';
import type { PurchaseOrder } from '../purchasing/purchase-order';

function book(
	moves: FiledMovement[],
	orders: Order[] = [],
	method: ValuationMethod = 'fifo',
	pos: PurchaseOrder[] = []
) {
	const costing = costMovements({ method, opening: null, movements: moves });
	const vouchers = deriveVouchers({
		chart: DEFAULT_CHART,
		movements: costing.movements,
		salesOrders: orders,
		purchaseOrders: pos,
		fromMonth: null
	});
	const tb = trialBalance(DEFAULT_CHART, vouchers);
	const bal = Object.fromEntries(tb.rows.map((r) => [r.account, r.closingCents]));
	return { costing, vouchers, tb, bal };
}

/** [kind, account, debit, credit] per voucher line, for compact tables. */
function lines(vouchers: ReturnType<typeof book>['vouchers']) {
	return vouchers.flatMap((v) =>
		v.lines.map((l) => [v.kind, l.account, l.debitCents, l.creditCents])
	);
}

const SO1 = salesOrder('SO-1', [orderLine('l1', 'A', 10, 250)]);

describe('vouchers from movements and documents', () => {
	it('a costed receipt and a shipment: inventory, GRNI, COGS at FIFO cost, revenue with 5 % tax', () => {
		const { vouchers, bal, tb } = book(
			[
				filed(move({ id: 'r1', day: '2026-01-05', qty: 10, reason: 'receipt', cost: 123 })),
				filed(move({ id: 's1', day: '2026-01-06', qty: -4, reason: 'issue', ref: 'SO-1' }))
			],
			[SO1]
		);
		expect(lines(vouchers)).toEqual([
			['receipt', '1231', 1230, 0],
			['receipt', '2172', 0, 1230],
			['shipment', '5111', 492, 0],
			['shipment', '1231', 0, 492],
			['sale', '1191', 1050, 0],
			['sale', '4111', 0, 1000],
			['sale', '2204', 0, 50]
		]);
		expect(bal).toEqual({
			'1191': 1050,
			'1231': 738,
			'2172': -1230,
			'2204': -50,
			'4111': -1000,
			'5111': 492
		});
		expect(tb.closingSumCents).toBe(0);
		expect(tb.debitCents).toBe(tb.creditCents);
	});

	it('output tax rounds half up per line: 5 % of 12.30 is 0.62', () => {
		const so = salesOrder('SO-2', [orderLine('l1', 'A', 1, 1230)]);
		const { vouchers } = book(
			[
				filed(move({ id: 'r1', day: '2026-01-05', qty: 1, reason: 'receipt', cost: 100 })),
				filed(move({ id: 's1', day: '2026-01-06', qty: -1, reason: 'issue', ref: 'SO-2' }))
			],
			[so]
		);
		const sale = vouchers.find((v) => v.kind === 'sale');
		expect(sale?.lines.map((l) => [l.account, l.debitCents, l.creditCents])).toEqual([
			['1191', 1292, 0],
			['4111', 0, 1230],
			['2204', 0, 62]
		]);
	});

	it('moving average: an issue at 1.005 a unit posts 1.00 and the rest stays in stock, to the cent', () => {
		const { vouchers, costing, bal } = book(
			[
				filed(move({ id: 'r1', day: '2026-01-05', qty: 3, reason: 'receipt', cost: 100 })),
				filed(move({ id: 'r2', day: '2026-01-05', seq: 1, qty: 3, reason: 'receipt', cost: 101 })),
				filed(move({ id: 'i1', day: '2026-01-06', qty: -1, reason: 'issue' }))
			],
			[],
			'moving-average'
		);
		expect(vouchers.find((v) => v.source === 'i1')?.lines[0]?.debitCents).toBe(100);
		expect(costing.positions.get('A')?.valueMicro).toBe(5_025_000);
		expect(bal['1231']).toBe(503);
	});

	it('count loss, adjustment gain, transfer legs and production each balance against their account', () => {
		const { vouchers, bal } = book([
			filed(move({ id: 'r1', day: '2026-01-05', qty: 10, reason: 'receipt', cost: 200 })),
			filed(move({ id: 'c1', day: '2026-01-06', qty: -2, reason: 'count' })),
			filed(move({ id: 'a1', day: '2026-01-07', qty: 1, reason: 'adjustment' })),
			filed(move({ id: 't1', day: '2026-01-08', qty: -3, reason: 'transfer-out', ref: 'TRF-1' })),
			filed(
				move({ id: 't2', day: '2026-01-09', qty: 3, reason: 'transfer-in', ref: 'TRF-1', wh: 'W2' })
			),
			filed(move({ id: 'p1', day: '2026-01-10', qty: -1, reason: 'production' }))
		]);
		expect(lines(vouchers).slice(2)).toEqual([
			['count', '1231', 0, 400],
			['count', '5141', 400, 0],
			['adjustment', '1231', 200, 0],
			['adjustment', '5141', 0, 200],
			['transfer', '1231', 0, 600],
			['transfer', '1239', 600, 0],
			['transfer', '1231', 600, 0],
			['transfer', '1239', 0, 600],
			['production', '1231', 0, 200],
			['production', '1234', 200, 0]
		]);
		expect(bal['1239']).toBe(0);
		expect(bal['1231']).toBe(1600);
	});

	it('a customer return comes back at the cost the first units shipped at, with a credit note', () => {
		const { vouchers } = book(
			[
				filed(move({ id: 'r1', day: '2026-01-05', qty: 5, reason: 'receipt', cost: 100 })),
				filed(move({ id: 'r2', day: '2026-01-05', seq: 1, qty: 5, reason: 'receipt', cost: 300 })),
				filed(move({ id: 's1', day: '2026-01-06', qty: -6, reason: 'issue', ref: 'SO-1' })),
				filed(
					move({
						id: 'b1',
						day: '2026-01-07',
						qty: 1,
						reason: 'return',
						ref: 'SO-1',
						note: 'damaged'
					})
				)
			],
			[SO1]
		);
		expect(lines(vouchers.filter((v) => v.source === 'b1'))).toEqual([
			['return', '1231', 100, 0],
			['return', '5111', 0, 100],
			['sales-return', '4171', 250, 0],
			['sales-return', '2204', 13, 0],
			['sales-return', '1191', 0, 263]
		]);
	});

	it('a receipt filling negative stock posts the shortage difference to cost of sales', () => {
		const { vouchers } = book([
			filed(move({ id: 'i1', day: '2026-01-05', qty: -2, reason: 'issue' })),
			filed(move({ id: 'r1', day: '2026-01-06', qty: 5, reason: 'receipt', cost: 100 }))
		]);
		expect(lines(vouchers.filter((v) => v.source === 'r1'))).toEqual([
			['receipt', '1231', 300, 0],
			['receipt', '2172', 0, 500],
			['receipt', '5111', 200, 0]
		]);
	});

	it('a receipt against a purchase order is invoiced at the PO price with 5 % input tax', () => {
		const po = {
			number: 'PO-2026-AAAA-000001',
			lines: [{ itemId: 'A', unitPriceCents: 123, taxRate: 0.05 }]
		} as unknown as PurchaseOrder;
		const ref = po.number;
		const { vouchers, bal } = book(
			[filed(move({ id: 'r1', day: '2026-01-05', qty: 10, reason: 'receipt', cost: 123, ref }))],
			[],
			'fifo',
			[po]
		);
		expect(lines(vouchers.filter((v) => v.kind === 'purchase'))).toEqual([
			['purchase', '2172', 1230, 0],
			['purchase', '1268', 62, 0],
			['purchase', '2171', 0, 1292]
		]);
		expect(bal['2172']).toBe(0);
	});

	it('a company chart overrides codes; journal and general ledger follow it', () => {
		const chart = chartOfAccounts({ inventory: '1301' });
		const costing = costMovements({
			method: 'fifo',
			opening: null,
			movements: [filed(move({ id: 'r1', day: '2026-01-05', qty: 2, reason: 'receipt', cost: 50 }))]
		});
		const vouchers = deriveVouchers({
			chart,
			movements: costing.movements,
			salesOrders: [],
			fromMonth: null
		});
		expect(journal(vouchers).map((r) => r.account)).toEqual(['1301', '2172']);
		expect(generalLedger('1301', vouchers, { '1301': 1000 })).toMatchObject({
			openingCents: 1000,
			closingCents: 1100
		});
		expect(() => chartOfAccounts({ stock: '1' })).toThrow();
	});
});
