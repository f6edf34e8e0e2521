import { describe, expect, it } from 'vitest';
import { NO_PROGRESS, pickRow, type SheetRow } from './pick-sheet';
import { decodeSavedSheet, encodeSavedSheet } from './saved-sheet';

const rows: SheetRow[] = [
	{
		key: 'l1|a01|',
		lineId: 'l1',
		itemId: 'tea',
		locationId: 'a01',
		locationCode: 'A-01',
		lot: '',
		qty: 6
	},
	{
		key: 'l1|a02|L7',
		lineId: 'l1',
		itemId: 'tea',
		locationId: 'a02',
		locationCode: 'A-02',
		lot: 'L7',
		expiry: '2027-03-31',
		qty: 4
	}
];
const nothingShipped = {};

describe('a pick sheet kept across a reload', () => {
	it('comes back with its rows, what was picked and the bin the picker stood at', () => {
		const progress = { ...pickRow(NO_PROGRESS, rows[0]!, 6), atBin: 'a02' };
		const text = encodeSavedSheet(rows, pickRow(progress, rows[1]!, 1), nothingShipped);
		const back = decodeSavedSheet(text, nothingShipped);
		expect(back?.rows).toEqual(rows);
		expect([...back!.progress.picked]).toEqual([
			['l1|a01|', 6],
			['l1|a02|L7', 1]
		]);
		expect(back?.progress.atBin).toBe('a02');
	});

	it('is made afresh once the order has shipped since (here or on another device)', () => {
		const text = encodeSavedSheet(rows, pickRow(NO_PROGRESS, rows[0]!, 6), nothingShipped);
		expect(decodeSavedSheet(text, { l1: 6 })).toBeNull();
		// Lines with nothing shipped count as unshipped either way.
		expect(decodeSavedSheet(text, { l1: 0 })).not.toBeNull();
		const after = encodeSavedSheet(rows, NO_PROGRESS, { l1: 6 });
		expect(decodeSavedSheet(after, { l1: 6 })).not.toBeNull();
		expect(decodeSavedSheet(after, { l1: 10 })).toBeNull();
	});

	it('ignores a damaged or foreign value and never picks more than a row holds', () => {
		expect(decodeSavedSheet(null, nothingShipped)).toBeNull();
		expect(decodeSavedSheet('{not json', nothingShipped)).toBeNull();
		expect(decodeSavedSheet('{"v":2}', nothingShipped)).toBeNull();
		const tampered = JSON.stringify({
			v: 1,
			shipped: [],
			rows,
			picked: [
				['l1|a01|', 9],
				['gone', 3]
			],
			atBin: 'nowhere'
		});
		const back = decodeSavedSheet(tampered, nothingShipped);
		expect([...back!.progress.picked]).toEqual([['l1|a01|', 6]]);
		expect(back?.progress.atBin).toBeNull();
		expect(
			decodeSavedSheet(
				JSON.stringify({ ...JSON.parse(tampered), picked: [['l1|a01|', -1]] }),
				nothingShipped
			)
		).toBeNull();
	});
});
