import { describe, expect, it } from 'vitest';
import type { Movement } from '../ledger/movement';
import { foldBalances, onHandOf } from '../ledger/fold';
import { countPostingId, countPostings, isPostingOf } from './posting';
import { foldCountStatus, type CountEvent, type CountLine } from './session';
import {
	accuracyOf,
	computeVariances,
	pooledAccuracy,
	toleranceFromText,
	withinTolerance
} from './variance';

const S = (n: number, device = 'd1') => `${String(n).padStart(15, '0')}-000000-${device}`;

function mv(id: string, at: number, qty: number, extra: Partial<Movement> = {}): Movement {
	return {
		id,
		at: S(at, 'mv'),
		itemId: 'i',
		warehouseId: 'w',
		locationId: 'l',
		qty,
		reason: qty > 0 ? 'receipt' : 'issue',
		device: 'mv',
		user: 'u',
		...extra
	};
}

function line(
	id: string,
	at: number,
	countedQty: number,
	extra: Partial<CountLine> = {}
): CountLine {
	return {
		id,
		at: S(at),
		itemId: 'i',
		locationId: 'l',
		lot: '',
		countedQty,
		by: 'counter',
		device: 'd1',
		...extra
	};
}

interface Row {
	name: string;
	movements: Movement[];
	lines: CountLine[];
	book: number;
	delta: number;
}

const rows: Row[] = [
	{
		name: 'no movements after the count: plain difference',
		movements: [mv('a', 10, 50)],
		lines: [line('c', 20, 47)],
		book: 50,
		delta: -3
	},
	{
		name: 'an issue after the count stamp is not part of the book',
		movements: [mv('a', 10, 50), mv('b', 30, -20)],
		lines: [line('c', 20, 50)],
		book: 50,
		delta: 0
	},
	{
		name: 'a receipt during the count but stamped before the count line is part of the book',
		movements: [mv('a', 10, 50), mv('b', 19, 5)],
		lines: [line('c', 20, 55)],
		book: 55,
		delta: 0
	},
	{
		name: 'a movement at exactly the count stamp counts as before it',
		movements: [mv('a', 10, 50), { ...mv('b', 0, -5), at: S(20) }],
		lines: [line('c', 20, 45)],
		book: 45,
		delta: 0
	},
	{
		name: 'the latest recount of a position wins',
		movements: [mv('a', 10, 50)],
		lines: [line('c1', 20, 40), line('c2', 25, 48), line('c0', 15, 10)],
		book: 50,
		delta: -2
	},
	{
		name: 'other bins, lots, items and warehouses do not touch the book',
		movements: [
			mv('a', 10, 50),
			mv('b', 11, 7, { locationId: 'other' }),
			mv('c', 12, 7, { lot: 'L1' }),
			mv('d', 13, 7, { itemId: 'j' }),
			mv('e', 14, 7, { warehouseId: 'w2' })
		],
		lines: [line('c', 20, 50)],
		book: 50,
		delta: 0
	},
	{
		name: 'a duplicated movement id counts once',
		movements: [mv('a', 10, 50), mv('a', 10, 50)],
		lines: [line('c', 20, 52)],
		book: 50,
		delta: 2
	},
	{
		name: 'counting a position the book never had',
		movements: [],
		lines: [line('c', 20, 3)],
		book: 0,
		delta: 3
	},
	{
		name: 'fractional quantities stay exact',
		movements: [mv('a', 10, 0.1), mv('b', 11, 0.2)],
		lines: [line('c', 20, 0.3)],
		book: 0.3,
		delta: 0
	}
];

describe('count variance at the count stamp', () => {
	it.each(rows)('$name', (row) => {
		const [v] = computeVariances({ warehouseId: 'w', lines: row.lines }, row.movements);
		expect(v?.bookAtStamp).toBe(row.book);
		expect(v?.delta).toBe(row.delta);
	});

	it('posting the deltas makes the book equal the shelf, later movements included', () => {
		const movements = [mv('a', 10, 50), mv('b', 30, -20), mv('c', 15, 4)];
		const session = { id: 's1', number: 'CNT-1', warehouseId: 'w', lines: [line('x', 20, 51)] };
		const variances = computeVariances(session, movements);
		const postings = countPostings(session, variances);
		expect(postings).toHaveLength(1);
		expect(postings[0]).toMatchObject({
			qty: -3,
			reason: 'count',
			at: S(20),
			id: countPostingId('s1', 'i|l|')
		});
		// Shelf: 51 at the count, then 20 issued → 31.
		const book = onHandOf(foldBalances([...movements, ...postings, ...postings]), { itemId: 'i' });
		expect(book).toBe(31);
	});

	it('a movement stamped before the count that arrives after approval is corrected once', () => {
		const session = { id: 's1', number: 'CNT-1', warehouseId: 'w', lines: [line('x', 20, 45)] };
		const known = [mv('a', 10, 50)];
		const late = mv('late', 15, -5); // shipped before the count, synced after approval
		const first = countPostings(session, computeVariances(session, known), []);
		expect(first.map((m) => m.qty)).toEqual([-5]);
		const all = [...known, late, ...first];
		const own = (m: Movement) => isPostingOf('s1', m);
		const variances = computeVariances(session, all, { exclude: own });
		const fix = countPostings(session, variances, all.filter(own));
		expect(fix.map((m) => m.qty)).toEqual([5]);
		// Two devices reconciling the same state write the same id; after it, nothing is pending.
		expect(countPostings(session, variances, all.filter(own))[0]?.id).toBe(fix[0]?.id);
		const after = [...all, ...fix, ...fix];
		expect(countPostings(session, variances, after.filter(own))).toEqual([]);
		expect(onHandOf(foldBalances(after), { itemId: 'i' })).toBe(45);
	});

	it('posting ids depend only on session and position', () => {
		expect(countPostingId('s1', 'i|l|')).toBe(countPostingId('s1', 'i|l|'));
		expect(countPostingId('s1', 'i|l|')).not.toBe(countPostingId('s1', 'i|l|L1'));
		expect(countPostingId('s1', 'i|l|')).not.toBe(countPostingId('s2', 'i|l|'));
		expect(countPostingId('x'.repeat(64), 'k').length).toBeLessThanOrEqual(64);
	});
});

describe('inventory accuracy', () => {
	it.each([
		[10, 10, 0, 0, true],
		[10, 11, 0, 0, false],
		[10, 11, 1, 0, true],
		[100, 98, 0, 0.02, true],
		[100, 97, 0, 0.02, false]
	] as const)('book %d counted %d (±%d, ±%d) → %s', (book, counted, qty, ratio, ok) => {
		expect(withinTolerance(book, counted, { qty, ratio })).toBe(ok);
	});

	it('is matching lines over counted lines, per count and pooled', () => {
		const movements = [mv('a', 10, 50), mv('b', 10, 5, { locationId: 'm' })];
		const lines = [line('c1', 20, 50), line('c2', 20, 4, { locationId: 'm' })];
		const acc = accuracyOf(computeVariances({ warehouseId: 'w', lines }, movements));
		expect(acc).toEqual({ counted: 2, matching: 1, ratio: 0.5 });
		expect(pooledAccuracy([acc, { counted: 2, matching: 2, ratio: 1 }]).ratio).toBe(0.75);
		expect(accuracyOf([]).ratio).toBeNull();
	});
});

describe('count status fold', () => {
	const e = (type: CountEvent['type'], at: number): CountEvent => ({
		type,
		at: S(at),
		by: 'u',
		device: 'd1'
	});
	it.each([
		[[e('opened', 1)], 'opened', false],
		[[e('opened', 1), e('submitted', 2)], 'submitted', false],
		[[e('opened', 1), e('cancelled', 2)], 'cancelled', false],
		[[e('opened', 1), e('submitted', 2), e('approved', 4), e('cancelled', 3)], 'approved', true],
		[[e('opened', 1), e('submitted', 2), e('approved', 3), e('approved', 4)], 'approved', false]
	] as const)('%#', (events, status, conflict) => {
		expect(foldCountStatus(events)).toEqual({ status, conflict });
	});
});

describe('toleranceFromText', () => {
	it.each([
		['2', '5', { qty: 2, ratio: 0.05 }],
		['1,200', '100', { qty: 1200, ratio: 1 }],
		[' 0.5 ', '2.5', { qty: 0.5, ratio: 0.025 }],
		['', '', { qty: 0, ratio: 0 }],
		['-3', '-1', { qty: 0, ratio: 0 }],
		['abc', '100.01', { qty: 0, ratio: 0 }]
	])('qty %j, %j %% → %j', (qty, pct, expected) => {
		expect(toleranceFromText(qty, pct)).toEqual(expected);
	});

	it('a typo never widens the tolerance: a count 3 off the book matches only what was typed', () => {
		expect(withinTolerance(100, 103, toleranceFromText('3', ''))).toBe(true);
		expect(withinTolerance(100, 103, toleranceFromText('-3', ''))).toBe(false);
		expect(withinTolerance(100, 103, toleranceFromText('', '3'))).toBe(true);
		expect(withinTolerance(100, 103, toleranceFromText('', '2.99'))).toBe(false);
	});
});
