import { describe, expect, it } from 'vitest';
import { bomSchema } from './bom';
import type { PlanningSnapshot } from './planning';
import { previewRush } from './rush';

const TODAY = '2026-11-02';

const snapshot = (soDate: string): PlanningSnapshot => ({
	today: TODAY,
	items: ['TBL', 'TOP', 'LEG'].map((id) => ({
		id,
		code: id,
		name: id,
		safetyStock: 0,
		active: true
	})),
	boms: [
		bomSchema.parse({
			id: 'b',
			itemId: 'TBL',
			version: '1',
			lines: [
				{ id: 'l1', childId: 'TOP', qtyPer: 1 },
				{ id: 'l2', childId: 'LEG', qtyPer: 4 }
			]
		})
	],
	supply: [{ itemId: 'LEG', supplierId: 's', leadTimeDays: 14, moq: 0, orderMultiple: 1 }],
	onHand: [
		{ itemId: 'TBL', qty: 10 },
		{ itemId: 'TOP', qty: 50 }
	],
	salesDemand: [{ itemId: 'TBL', date: soDate, qty: 10, ref: 'SO-1' }],
	forecast: [],
	materialDemand: [],
	receipts: []
});

describe('rush-order preview', () => {
	it('a rush that takes the stock of a near order makes that order slip', () => {
		// SO-1 in week 2 was covered by the 10 tables on hand; the rush takes them this week.
		const preview = previewRush(
			snapshot('2026-11-09'),
			{
				itemId: 'TBL',
				qty: 10,
				wantedDate: TODAY
			},
			8
		);
		expect(preview.added.map((o) => [o.itemId, o.qty])).toEqual(
			expect.arrayContaining([
				['TBL', 10],
				['LEG', 40]
			])
		);
		expect(preview.slipped).toEqual([{ ref: 'SO-1', itemId: 'TBL' }]);
	});

	it('an order far enough out does not slip: there is time to make it', () => {
		const preview = previewRush(
			snapshot('2026-12-14'),
			{
				itemId: 'TBL',
				qty: 10,
				wantedDate: TODAY
			},
			8
		);
		expect(preview.added.some((o) => o.itemId === 'TBL')).toBe(true);
		expect(preview.slipped).toEqual([]);
	});
});
