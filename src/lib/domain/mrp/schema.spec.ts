import { describe, expect, it } from 'vitest';
import { InvalidFieldError } from '../errors';
import { parseMrpProblem } from './schema';

const item = { id: 'A', onHand: 0, leadTime: 1 };

function problemError(input: unknown): string {
	try {
		parseMrpProblem(input);
	} catch (err) {
		expect(err).toBeInstanceOf(InvalidFieldError);
		return (err as Error).message;
	}
	return 'accepted';
}

describe('parseMrpProblem', () => {
	it('fills the optional fields: safety stock 0, lot-for-lot, no scrap, empty lists', () => {
		expect(
			parseMrpProblem({
				buckets: 2,
				items: [item, { ...item, id: 'B' }],
				bom: [{ parent: 'A', child: 'B', qtyPer: 2 }]
			})
		).toEqual({
			buckets: 2,
			items: [
				{ ...item, safetyStock: 0, lotSizing: { rule: 'lot-for-lot' } },
				{ ...item, id: 'B', safetyStock: 0, lotSizing: { rule: 'lot-for-lot' } }
			],
			bom: [{ parent: 'A', child: 'B', qtyPer: 2, scrapPct: 0 }],
			demand: [],
			scheduledReceipts: []
		});
	});

	it('min-multiple takes a minimum, a multiple or both', () => {
		const lot = (lotSizing: object) =>
			parseMrpProblem({ buckets: 1, items: [{ ...item, lotSizing }] }).items[0]!.lotSizing;
		expect(lot({ rule: 'min-multiple', multiple: 6 })).toEqual({
			rule: 'min-multiple',
			min: 0,
			multiple: 6
		});
		expect(lot({ rule: 'min-multiple', min: 10 })).toEqual({ rule: 'min-multiple', min: 10 });
	});

	const bad: [string, unknown, string][] = [
		['no buckets', { items: [] }, 'buckets: is required'],
		[
			'a fractional lead time',
			{ buckets: 4, items: [{ ...item, leadTime: 1.5 }] },
			'items[0] ("A").leadTime: must be a whole number'
		],
		[
			'negative on hand',
			{ buckets: 4, items: [{ ...item, onHand: -1 }] },
			'items[0] ("A").onHand: must be ≥ 0'
		],
		[
			'an unknown lot sizing rule',
			{ buckets: 4, items: [{ ...item, lotSizing: { rule: 'eoq' } }] },
			'items[0] ("A").lotSizing.rule: rule must be lot-for-lot, fixed or min-multiple'
		],
		[
			'a fixed lot without its quantity',
			{ buckets: 4, items: [{ ...item, lotSizing: { rule: 'fixed' } }] },
			'items[0] ("A").lotSizing.qty: is required'
		],
		[
			'min-multiple with neither',
			{ buckets: 4, items: [{ ...item, lotSizing: { rule: 'min-multiple' } }] },
			'items[0] ("A").lotSizing: min-multiple needs min, multiple or both'
		],
		[
			'a misspelt field',
			{ buckets: 4, items: [{ ...item, safetystock: 3 }] },
			'items[0] ("A"): Unrecognized key: "safetystock"'
		],
		[
			'a duplicate item',
			{ buckets: 4, items: [item, item] },
			'items[1] ("A").id: duplicate item id'
		],
		[
			'an unknown BOM child',
			{ buckets: 4, items: [item], bom: [{ parent: 'A', child: 'Z', qtyPer: 1 }] },
			'bom[0] ("A" → "Z").child: unknown item "Z"'
		],
		[
			'scrap of 100 %',
			{
				buckets: 4,
				items: [item, { ...item, id: 'B' }],
				bom: [{ parent: 'A', child: 'B', qtyPer: 1, scrapPct: 100 }]
			},
			'bom[0] ("A" → "B").scrapPct: must be below 100'
		],
		[
			'demand for an unknown item',
			{ buckets: 4, items: [item], demand: [{ itemId: 'Q', bucket: 1, qty: 1 }] },
			'demand[0] (item "Q").itemId: unknown item "Q"'
		],
		[
			'demand in bucket 0',
			{ buckets: 4, items: [item], demand: [{ itemId: 'A', bucket: 0, qty: 1 }] },
			'demand[0] (item "A").bucket: buckets are numbered from 1'
		],
		[
			'a receipt after the horizon',
			{ buckets: 4, items: [item], scheduledReceipts: [{ itemId: 'A', bucket: 5, qty: 1 }] },
			'scheduledReceipts[0] (item "A").bucket: bucket 5 is after the last bucket (4)'
		]
	];
	it.each(bad)('names the field and the item: %s', (_name, input, message) => {
		expect(problemError(input)).toBe(message);
	});
});
