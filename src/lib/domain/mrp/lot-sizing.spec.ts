import { describe, expect, it } from 'vitest';
import { lotSize } from './lot-sizing';
import type { LotSizing } from './types';

describe('lotSize', () => {
	const cases: [string, number, LotSizing, number][] = [
		['lot-for-lot orders the net', 37, { rule: 'lot-for-lot' }, 37],
		['lot-for-lot keeps decimals', 2.5, { rule: 'lot-for-lot' }, 2.5],
		['fixed lot exactly covering the net: one lot', 50, { rule: 'fixed', qty: 50 }, 50],
		['fixed: one unit over a lot takes two', 51, { rule: 'fixed', qty: 50 }, 100],
		['fixed: below one lot still one lot', 1, { rule: 'fixed', qty: 50 }, 50],
		['fixed: exactly three lots', 150, { rule: 'fixed', qty: 50 }, 150],
		['fixed: decimal lots without float noise', 0.3, { rule: 'fixed', qty: 0.1 }, 0.3],
		[
			'min-multiple: below the minimum orders the minimum',
			5,
			{ rule: 'min-multiple', min: 20, multiple: 10 },
			20
		],
		['min-multiple: exactly the minimum', 20, { rule: 'min-multiple', min: 20, multiple: 10 }, 20],
		[
			'min-multiple: one over the minimum rounds up to the multiple',
			21,
			{ rule: 'min-multiple', min: 20, multiple: 10 },
			30
		],
		[
			'min-multiple: exactly a multiple above the minimum',
			40,
			{ rule: 'min-multiple', min: 20, multiple: 10 },
			40
		],
		[
			'min-multiple: a minimum that is not a multiple is rounded up',
			5,
			{ rule: 'min-multiple', min: 25, multiple: 10 },
			30
		],
		['min-multiple: minimum only', 7, { rule: 'min-multiple', min: 12 }, 12],
		['min-multiple: minimum only, net above it', 13, { rule: 'min-multiple', min: 12 }, 13],
		['min-multiple: multiple only', 13, { rule: 'min-multiple', min: 0, multiple: 6 }, 18],
		[
			'min-multiple: multiple of 1 rounds decimals up',
			143.2,
			{ rule: 'min-multiple', min: 0, multiple: 1 },
			144
		]
	];
	it.each(cases)('%s', (_name, net, rule, expected) => {
		expect(lotSize(net, rule)).toBe(expected);
	});
});
