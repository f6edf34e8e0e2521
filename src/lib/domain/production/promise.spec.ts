import { describe, expect, it } from 'vitest';
import { bomSchema } from './bom';
import type { PlanningSnapshot } from './planning';
import { promiseDelivery, promiseOrder, type CenterLoad, type PromiseCapacity } from './promise';

const TODAY = '2026-11-02';

// A table is one top and four legs, 30 minutes on line L1; legs come from a supplier in 10 days.
const TABLE_BOM = bomSchema.parse({
	id: 'b-tbl',
	itemId: 'TBL',
	version: '1',
	lines: [
		{ id: 'l1', childId: 'TOP', qtyPer: 1 },
		{ id: 'l2', childId: 'LEG', qtyPer: 4 }
	],
	steps: [{ id: 's1', seq: 10, name: '組裝', workCenterId: 'L1', minutesPerUnit: 30 }]
});

function snapshot(over: Partial<PlanningSnapshot> = {}): PlanningSnapshot {
	return {
		today: TODAY,
		items: [],
		boms: [TABLE_BOM],
		supply: [
			{ itemId: 'LEG', supplierId: 's', leadTimeDays: 10, moq: 0, orderMultiple: 1 },
			{ itemId: 'TOP', supplierId: 's', leadTimeDays: 3, moq: 0, orderMultiple: 1 }
		],
		onHand: [],
		salesDemand: [],
		forecast: [],
		materialDemand: [],
		receipts: [],
		...over
	};
}

/** Line L1 works 40 h a week (8 h a weekday); `loadHours` of open work start today. */
const line1 = (loadHours = 0, more: CenterLoad[] = []): PromiseCapacity => ({
	centers: [{ id: 'L1', hoursPerWeek: 40 }],
	loads: [
		...(loadHours > 0 ? [{ centerId: 'L1', hours: loadHours, from: TODAY, ref: 'WO-OPEN' }] : []),
		...more
	]
});

describe('delivery promise', () => {
	it('all from stock: today, one line', () => {
		const p = promiseDelivery(
			snapshot({ onHand: [{ itemId: 'TBL', qty: 100 }] }),
			{ itemId: 'TBL', qty: 40, wantedDate: TODAY },
			line1()
		);
		expect(p).toMatchObject({
			earliestDate: TODAY,
			meetsWanted: true,
			lines: [{ date: TODAY, qty: 40 }]
		});
		expect(p.steps).toEqual([{ kind: 'stock', itemId: 'TBL', qty: 40, date: TODAY, level: 0 }]);
	});

	it('stock promised to a later order is not promised again', () => {
		const p = promiseDelivery(
			snapshot({
				onHand: [
					{ itemId: 'TBL', qty: 100 },
					{ itemId: 'TOP', qty: 100 },
					{ itemId: 'LEG', qty: 400 }
				],
				salesDemand: [{ itemId: 'TBL', date: '2026-11-20', qty: 80, ref: 'SO-1' }]
			}),
			{ itemId: 'TBL', qty: 30, wantedDate: TODAY },
			line1()
		);
		// 20 free now; 10 made from stocked parts: 300 min on 8 h/day → 1 day.
		expect(p.lines).toEqual([
			{ date: TODAY, qty: 20 },
			{ date: '2026-11-03', qty: 30 }
		]);
		expect(p.meetsWanted).toBe(false);
	});

	it('an incoming receipt serves before making', () => {
		const p = promiseDelivery(
			snapshot({ receipts: [{ itemId: 'TBL', date: '2026-11-06', qty: 50, ref: 'WO-1' }] }),
			{ itemId: 'TBL', qty: 50, wantedDate: '2026-11-06' },
			line1()
		);
		expect(p.steps).toEqual([
			{ kind: 'incoming', itemId: 'TBL', qty: 50, date: '2026-11-06', level: 0 }
		]);
		expect(p.meetsWanted).toBe(true);
	});

	it('made from a bought component: supplier lead time, then the line; the wanted date exactly on it is met', () => {
		const snap = snapshot({ onHand: [{ itemId: 'TOP', qty: 10 }] });
		const p = promiseDelivery(snap, { itemId: 'TBL', qty: 10, wantedDate: '2026-11-13' }, line1());
		// Legs in 10 days (11-12), then 10 × 30 min = 5 h on L1 at 8 h a day: 1 day → 11-13.
		expect(p.earliestDate).toBe('2026-11-13');
		expect(p.meetsWanted).toBe(true);
		expect(p.steps.map((s) => [s.kind, s.itemId, s.qty, s.level])).toEqual([
			['make', 'TBL', 10, 0],
			['stock', 'TOP', 10, 1],
			['buy', 'LEG', 40, 1]
		]);
		expect(p.steps[0]).toMatchObject({ start: '2026-11-12', days: 1, workCenterId: 'L1' });
		const dayEarlier = promiseDelivery(
			snap,
			{ itemId: 'TBL', qty: 10, wantedDate: '2026-11-12' },
			line1()
		);
		expect(dayEarlier.meetsWanted).toBe(false);
	});

	const stocked = () =>
		snapshot({
			onHand: [
				{ itemId: 'TOP', qty: 1000 },
				{ itemId: 'LEG', qty: 4000 }
			]
		});

	it('a booked work centre: the new work goes into the hours left after the open work', () => {
		const want = { itemId: 'TBL', qty: 80, wantedDate: TODAY };
		// 80 tables × 30 min = 40 h: Monday 11-02 to Friday 11-06 when the line is free.
		expect(promiseDelivery(stocked(), want, line1(0)).steps[0]).toMatchObject({
			kind: 'make',
			lineFrom: TODAY,
			days: 5,
			date: '2026-11-07'
		});
		// 60 h open from today fill 11-02…11-10 and half of 11-11; the weekend is not worked.
		expect(promiseDelivery(stocked(), want, line1(60)).steps[0]).toMatchObject({
			kind: 'make',
			start: TODAY,
			lineFrom: '2026-11-11',
			days: 6,
			date: '2026-11-19'
		});
	});

	it.each([
		// 10 tables = 5 h; 35 h booked leaves exactly 5 h on Friday 11-06: done that day.
		[35, '2026-11-06', '2026-11-07'],
		// One hour more booked: 4 h on Friday, the last hour on Monday 11-09.
		[36, '2026-11-06', '2026-11-10']
	])('%i h booked this week: the line starts %s and the tables are done %s', (load, from, date) => {
		const p = promiseDelivery(
			stocked(),
			{ itemId: 'TBL', qty: 10, wantedDate: TODAY },
			line1(load)
		);
		expect(p.steps[0]).toMatchObject({ kind: 'make', lineFrom: from, date });
	});

	it('work committed from a later date leaves the days before it free', () => {
		const later: CenterLoad = { centerId: 'L1', hours: 40, from: '2026-11-09', ref: 'SO-7' };
		const p = promiseDelivery(
			stocked(),
			{ itemId: 'TBL', qty: 20, wantedDate: TODAY },
			line1(0, [later])
		);
		// 20 tables = 10 h: Monday 8 h, Tuesday 2 h.
		expect(p.steps[0]).toMatchObject({ lineFrom: TODAY, date: '2026-11-04' });
	});

	it("two lines of one order do not use the same hours: the second waits for the first's", () => {
		const lines = [
			{ itemId: 'TBL', qty: 80, wantedDate: '2026-11-09' },
			{ itemId: 'TBL', qty: 80, wantedDate: '2026-11-09' }
		];
		const order = promiseOrder(stocked(), lines, line1());
		expect(order.lines.map((l) => l.earliestDate)).toEqual(['2026-11-07', '2026-11-14']);
		expect(order.earliestDate).toBe('2026-11-14');
		expect(order.meetsWanted).toBe(false);
		// Asked alone, each line would get the first week: a preview books nothing for later.
		expect(promiseDelivery(stocked(), lines[1]!, line1()).earliestDate).toBe('2026-11-07');
	});
});
