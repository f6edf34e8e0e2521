// A rush jumps the queue on a line of 8 h a day (40 h a week): a released order keeps Monday,
// the rush takes Tuesday, a planned 16-hour order moves from Tue–Wed to Wed–Thu. Whose date that
// breaks is decided exactly on the day: due the 5th (finished the 6th) slips; due the 6th does not.
import { describe, expect, it } from 'vitest';
import { CapacityBook } from './capacity';
import { bookInOrder, rushDelays } from './rush-capacity';

const TODAY = '2026-11-02'; // a Monday
const centers = [{ id: 'L1', hoursPerWeek: 40 }];
const floor = [{ centerId: 'L1', hours: 8, from: TODAY, ref: 'WO-1' }];
const movable = [
	{ centerId: 'L1', hours: 16, from: TODAY, ref: 'WO-2' },
	// Far enough out that the rush does not reach it.
	{ centerId: 'L1', hours: 8, from: '2026-11-16', ref: 'WO-3' }
];

function ends(withRush: boolean) {
	const book = new CapacityBook(centers, TODAY, floor);
	if (withRush) expect(book.book('L1', 8, TODAY)).toMatchObject({ start: '2026-11-03' });
	return bookInOrder(book, movable);
}

describe('rush orders jump the queue', () => {
	it('the planned order after the rush finishes a day later; the one two weeks out does not move', () => {
		const before = ends(false);
		const after = ends(true);
		expect(before.get('WO-2')).toBe('2026-11-05');
		expect(after.get('WO-2')).toBe('2026-11-06');
		expect(after.get('WO-3')).toBe(before.get('WO-3'));
		const delays = rushDelays(before, after, new Map());
		expect(delays.map((d) => [d.ref, d.before, d.after])).toEqual([
			['WO-2', '2026-11-05', '2026-11-06']
		]);
	});

	it.each([
		['2026-11-05', [{ ref: 'SO-1', date: '2026-11-05' }]],
		['2026-11-06', []],
		// Already late without the rush: the rush does not break it.
		['2026-11-04', []]
	])('an order due %s slips: %j', (date, slipped) => {
		const targets = new Map([['WO-2', { itemId: 'TBL', serves: [{ ref: 'SO-1', date }] }]]);
		const [delay] = rushDelays(ends(false), ends(true), targets);
		expect(delay).toMatchObject({ ref: 'WO-2', itemId: 'TBL' });
		expect(delay!.slipped).toEqual(slipped);
	});

	it('a load split over two centres finishes when its last part does', () => {
		const book = new CapacityBook([...centers, { id: 'L2', hoursPerWeek: 20 }], TODAY);
		const done = bookInOrder(book, [
			{ centerId: 'L1', hours: 8, from: TODAY, ref: 'P' },
			{ centerId: 'L2', hours: 8, from: TODAY, ref: 'P' }
		]);
		// L2 works 4 h a day: two days.
		expect(done.get('P')).toBe('2026-11-04');
	});
});
