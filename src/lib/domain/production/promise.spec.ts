import { describe, expect, it } from 'vitest';
import { bomSchema } from './bom';
import type { PlanningSnapshot } from './planning';
import { promiseDelivery, type CenterCapacity } from './promise';

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

const line1 = (load = 0): CenterCapacity[] => [
	{ id: 'L1', hoursPerWeek: 40, loadHoursPerWeek: load }
];

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

	it('a loaded work centre takes longer', () => {
		const snap = snapshot({
			onHand: [
				{ itemId: 'TOP', qty: 100 },
				{ itemId: 'LEG', qty: 400 }
			]
		});
		const free = promiseDelivery(snap, { itemId: 'TBL', qty: 80, wantedDate: TODAY }, line1(0));
		const busy = promiseDelivery(snap, { itemId: 'TBL', qty: 80, wantedDate: TODAY }, line1(30));
		// 40 h of work: 5 days at 8 h/day free, 20 days at 2 h/day when 30 of 40 h are taken.
		expect(free.steps[0]).toMatchObject({ kind: 'make', days: 5 });
		expect(busy.steps[0]).toMatchObject({ kind: 'make', days: 20 });
	});
});
