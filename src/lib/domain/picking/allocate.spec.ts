import { describe, expect, it } from 'vitest';
import type { Balance } from '../ledger/fold';
import { allocatePick, type LotFacts, type PickPolicy } from './allocate';
import { compareLocationCodes } from './walk-order';

const S = (n: number) => `${String(n).padStart(15, '0')}-000000-d`;
const locations = [
	{ id: 'l1', code: 'A-1' },
	{ id: 'l2', code: 'A-2' },
	{ id: 'l10', code: 'A-10' },
	{ id: 'b1', code: 'B-1' },
	{ id: 'qc', code: 'qc' }
];

function bal(
	locationId: string,
	lot: string,
	qty: number,
	itemId = 'i',
	warehouseId = 'w'
): Balance {
	return { itemId, warehouseId, locationId, lot, qty, lastAt: S(1) };
}

const lotInfo = new Map<string, LotFacts>([
	['OLD', { expiry: '2026-12-31', firstReceivedAt: S(100) }],
	['NEW', { expiry: '2026-06-30', firstReceivedAt: S(200) }], // newer receipt, earlier expiry
	['NOEXP', { firstReceivedAt: S(50) }]
]);

interface Row {
	name: string;
	policy: PickPolicy;
	qty: number;
	balances: Balance[];
	picks: [string, string, number][];
	shortfall: number;
	lot?: string;
	notExpiredOn?: string;
}

const rows: Row[] = [
	{
		name: 'FEFO takes the earliest expiry even when it arrived later',
		policy: 'fefo',
		qty: 5,
		balances: [bal('l1', 'OLD', 10), bal('l2', 'NEW', 10)],
		picks: [['l2', 'NEW', 5]],
		shortfall: 0
	},
	{
		name: 'FIFO takes the earliest receipt',
		policy: 'fifo',
		qty: 5,
		balances: [bal('l1', 'OLD', 10), bal('l2', 'NEW', 10)],
		picks: [['l1', 'OLD', 5]],
		shortfall: 0
	},
	{
		name: 'FEFO puts lots that never expire last',
		policy: 'fefo',
		qty: 25,
		balances: [bal('l1', 'NOEXP', 10), bal('l2', 'OLD', 10), bal('l10', 'NEW', 10)],
		picks: [
			['l1', 'NOEXP', 5],
			['l2', 'OLD', 10],
			['l10', 'NEW', 10]
		],
		shortfall: 0
	},
	{
		name: 'FIFO spans positions and returns them in walking order (A-2 before A-10)',
		policy: 'fifo',
		qty: 15,
		balances: [bal('l10', 'OLD', 10), bal('l2', 'NEW', 10)],
		picks: [
			['l2', 'NEW', 5],
			['l10', 'OLD', 10]
		],
		shortfall: 0
	},
	{
		name: 'same lot in two bins: the first bin on the walk goes first',
		policy: 'fifo',
		qty: 4,
		balances: [bal('b1', 'OLD', 10), bal('l1', 'OLD', 10)],
		picks: [['l1', 'OLD', 4]],
		shortfall: 0
	},
	{
		name: 'shortfall when stock does not cover the quantity',
		policy: 'fefo',
		qty: 30,
		balances: [bal('l1', 'OLD', 10), bal('l2', 'NEW', 5)],
		picks: [
			['l1', 'OLD', 10],
			['l2', 'NEW', 5]
		],
		shortfall: 15
	},
	{
		name: 'ignores other items, other warehouses and empty or negative positions',
		policy: 'fifo',
		qty: 3,
		balances: [
			bal('l1', 'OLD', 10, 'other'),
			bal('l1', 'OLD', 10, 'i', 'w2'),
			bal('l2', 'OLD', 0),
			bal('l10', 'NEW', -4),
			bal('b1', 'NEW', 2)
		],
		picks: [['b1', 'NEW', 2]],
		shortfall: 1
	},
	{
		name: 'rejected goods in the quarantine bin (QC) are never picked, even when they expire first',
		policy: 'fefo',
		qty: 12,
		balances: [bal('qc', 'NEW', 50), bal('l1', 'OLD', 10)],
		picks: [['l1', 'OLD', 10]],
		shortfall: 2
	},
	{
		name: 'a named lot restricts the candidates',
		policy: 'fefo',
		qty: 5,
		lot: 'OLD',
		balances: [bal('l1', 'OLD', 10), bal('l2', 'NEW', 10)],
		picks: [['l1', 'OLD', 5]],
		shortfall: 0
	},
	{
		name: 'expired lots are skipped when a day is given',
		policy: 'fefo',
		qty: 5,
		notExpiredOn: '2026-07-01',
		balances: [bal('l1', 'OLD', 10), bal('l2', 'NEW', 10)],
		picks: [['l1', 'OLD', 5]],
		shortfall: 0
	},
	{
		name: 'unlotted stock without a bin walks last and fractional quantities stay exact',
		policy: 'fifo',
		qty: 0.3,
		balances: [bal('', '', 0.1), bal('l1', '', 0.2)],
		picks: [
			['l1', '', 0.2],
			['', '', 0.1]
		],
		shortfall: 0
	},
	{
		name: 'zero quantity picks nothing',
		policy: 'fifo',
		qty: 0,
		balances: [bal('l1', 'OLD', 10)],
		picks: [],
		shortfall: 0
	}
];

describe('allocatePick', () => {
	it.each(rows)('$name', (row) => {
		const result = allocatePick({
			itemId: 'i',
			warehouseId: 'w',
			qty: row.qty,
			policy: row.policy,
			balances: row.balances,
			lotInfo,
			locations,
			lot: row.lot,
			notExpiredOn: row.notExpiredOn
		});
		expect(result.picks.map((p) => [p.locationId, p.lot, p.qty])).toEqual(row.picks);
		expect(result.shortfall).toBe(row.shortfall);
	});

	it('carries the expiry and the location code on each pick', () => {
		const { picks } = allocatePick({
			itemId: 'i',
			warehouseId: 'w',
			qty: 1,
			policy: 'fefo',
			balances: [bal('l2', 'NEW', 3)],
			lotInfo,
			locations
		});
		expect(picks).toEqual([
			{ locationId: 'l2', locationCode: 'A-2', lot: 'NEW', expiry: '2026-06-30', qty: 1 }
		]);
	});
});

describe('compareLocationCodes', () => {
	it.each([
		['A-2', 'A-10', -1],
		['A-10', 'B-1', -1],
		['a-01', 'A-01', 0],
		['', 'Z-9', 1]
	] as const)('%s vs %s', (a, b, sign) => {
		expect(Math.sign(compareLocationCodes(a, b))).toBe(sign);
	});
});
