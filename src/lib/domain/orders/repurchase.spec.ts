import { describe, expect, it } from 'vitest';
import { estimateRepurchases, median } from './repurchase';

const DAY = 86_400_000;
const at = (day: number) => ({ customerId: 'c1', itemId: 'i1', atMs: day * DAY + 3_600_000 });

describe('median', () => {
	it.each([
		[[], 0],
		[[5], 5],
		[[1, 9, 3], 3],
		[[4, 2, 8, 6], 5]
	])('%j → %d', (values, expected) => expect(median(values)).toBe(expected));
});

describe('estimateRepurchases', () => {
	it('uses the median gap, ignoring one rush order, and explains itself', () => {
		const [e] = estimateRepurchases([at(0), at(21), at(42), at(45), at(66)], {
			nowMs: 84 * DAY
		});
		expect(e).toMatchObject({
			intervalDays: 21,
			orders: 5,
			daysSinceLast: 18,
			dueInDays: 3,
			likelySoon: true
		});
	});
	it('needs at least three order days; two orders the same day count once', () => {
		expect(estimateRepurchases([at(0), at(0), at(30)], { nowMs: 40 * DAY })).toEqual([]);
	});
	it('is not "soon" early in the cycle', () => {
		const [e] = estimateRepurchases([at(0), at(30), at(60)], { nowMs: 65 * DAY });
		expect(e?.likelySoon).toBe(false);
	});
});
