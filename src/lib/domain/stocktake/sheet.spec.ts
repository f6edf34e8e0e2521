import { describe, expect, it } from 'vitest';
import type { Balance } from '../ledger/fold';
import type { CountLine } from './session';
import { countSheetRows, expectedInBin } from './sheet';

const S = (n: number) => `${String(n).padStart(15, '0')}-000000-d1`;

function line(
	id: string,
	at: number,
	itemId: string,
	countedQty: number,
	extra: Partial<CountLine> = {}
): CountLine {
	return {
		id,
		at: S(at),
		itemId,
		locationId: 'A',
		lot: '',
		countedQty,
		by: 'u',
		device: 'd1',
		...extra
	};
}

function bal(
	itemId: string,
	locationId: string,
	qty: number,
	extra: Partial<Balance> = {}
): Balance {
	return { itemId, warehouseId: 'W', locationId, lot: '', qty, lastAt: S(1), ...extra };
}

const codes: Record<string, string> = { tea: 'TEA-1', rice: 'RICE-5', milk: 'MILK-1' };
const codeOf = (id: string) => codes[id] ?? id;

describe('expectedInBin', () => {
	const balances = [
		bal('tea', 'A', 10),
		bal('rice', 'A', 0),
		bal('milk', 'B', 4),
		bal('tea', 'A', 3, { warehouseId: 'X' }),
		bal('milk', 'A', 2, { lot: 'L1' })
	];
	it.each([
		{ scope: [], bin: 'A', want: ['tea||10', 'milk|L1|2'] },
		{ scope: ['milk'], bin: 'A', want: ['milk|L1|2'] },
		{ scope: [], bin: 'B', want: ['milk||4'] },
		{ scope: [], bin: 'C', want: [] }
	])('scope $scope, bin $bin', ({ scope, bin, want }) => {
		const got = expectedInBin(balances, { warehouseId: 'W', scopeItemIds: scope }, bin);
		expect(got.map((e) => `${e.itemId}|${e.lot}|${e.qty}`)).toEqual(want);
	});
});

describe('countSheetRows', () => {
	it.each([
		{
			name: 'book only: nothing counted yet',
			expected: [{ itemId: 'tea', lot: '', qty: 10 }],
			lines: [],
			want: [['tea', '', 10, null]]
		},
		{
			name: 'a count fills the book row',
			expected: [{ itemId: 'tea', lot: '', qty: 10 }],
			lines: [line('1', 5, 'tea', 9)],
			want: [['tea', '', 10, 9]]
		},
		{
			name: 'a recount replaces the earlier count (latest stamp wins)',
			expected: [{ itemId: 'tea', lot: '', qty: 10 }],
			lines: [line('2', 7, 'tea', 8), line('1', 5, 'tea', 9)],
			want: [['tea', '', 10, 8]]
		},
		{
			name: 'a found position has no book; rows sort by item code',
			expected: [{ itemId: 'tea', lot: '', qty: 10 }],
			lines: [line('1', 5, 'milk', 2, { lot: 'L1' })],
			want: [
				['milk', 'L1', null, 2],
				['tea', '', 10, null]
			]
		},
		{
			name: 'counts of other bins are not on this sheet',
			expected: [],
			lines: [line('1', 5, 'tea', 2, { locationId: 'B' })],
			want: []
		},
		{
			name: 'lots are separate rows',
			expected: [
				{ itemId: 'milk', lot: 'L1', qty: 1 },
				{ itemId: 'milk', lot: 'L2', qty: 2 }
			],
			lines: [line('1', 5, 'milk', 3, { lot: 'L2' })],
			want: [
				['milk', 'L1', 1, null],
				['milk', 'L2', 2, 3]
			]
		}
	])('$name', ({ expected, lines, want }) => {
		const rows = countSheetRows({ locationId: 'A', expected, lines, codeOf });
		expect(rows.map((r) => [r.itemId, r.lot, r.book, r.counted])).toEqual(want);
	});

	it('keeps the stamp of the count shown', () => {
		const [row] = countSheetRows({
			locationId: 'A',
			expected: [],
			lines: [line('1', 5, 'tea', 1)],
			codeOf
		});
		expect(row?.at).toBe(S(5));
	});
});
