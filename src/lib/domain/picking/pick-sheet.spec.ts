import { describe, expect, it } from 'vitest';
import type { Allocation } from './allocate';
import {
	applyScan,
	NO_PROGRESS,
	pickRow,
	pickSheet,
	shipmentOf,
	type ScanProgress,
	type SheetRow
} from './pick-sheet';

function alloc(picks: [string, string, string, number][]): Allocation {
	return {
		picks: picks.map(([locationId, locationCode, lot, qty]) => ({
			locationId,
			locationCode,
			lot,
			qty
		})),
		shortfall: 0
	};
}

// Line 1: tea (lot-tracked) from A-10 lot L2 and A-2 lot L1; line 2: cups from A-2 (no lot)
// and from stock without a bin.
const rows = pickSheet([
	{
		lineId: 'n1',
		itemId: 'tea',
		allocation: alloc([
			['a10', 'A-10', 'L2', 3],
			['a2', 'A-2', 'L1', 2]
		])
	},
	{
		lineId: 'n2',
		itemId: 'cup',
		allocation: alloc([
			['a2', 'A-2', '', 4],
			['', '', '', 1]
		])
	}
]);

function scanAll(scans: Parameters<typeof applyScan>[2][], start: ScanProgress = NO_PROGRESS) {
	let progress = start;
	const outcomes: string[] = [];
	for (const s of scans) {
		const r = applyScan(rows, progress, s);
		progress = r.progress;
		outcomes.push(r.outcome.kind);
	}
	return { progress, outcomes };
}

describe('pickSheet', () => {
	it('merges the lines into one walk: A-2 (both items) before A-10, no bin last', () => {
		expect(rows.map((r: SheetRow) => [r.locationCode, r.itemId, r.lot])).toEqual([
			['A-2', 'cup', ''],
			['A-2', 'tea', 'L1'],
			['A-10', 'tea', 'L2'],
			['', 'cup', '']
		]);
	});
});

describe('applyScan', () => {
	it('bin then item picks the row; the bin is left once nothing more is there', () => {
		const { progress, outcomes } = scanAll([
			{ kind: 'location', locationId: 'a2' },
			{ kind: 'item', itemId: 'cup' },
			{ kind: 'item', itemId: 'tea', lot: 'L1' }
		]);
		expect(outcomes).toEqual(['at-bin', 'picked', 'picked']);
		expect(progress.picked.get('n2|a2|')).toBe(4);
		expect(progress.picked.get('n1|a2|L1')).toBe(2);
		expect(progress.atBin).toBeNull();
	});

	it('an item scanned before its bin says where to go', () => {
		const r = applyScan(rows, NO_PROGRESS, { kind: 'item', itemId: 'tea', lot: 'L2' });
		expect(r.outcome).toMatchObject({ kind: 'go-to-bin', row: { locationCode: 'A-2' } });
		expect(r.progress.picked.size).toBe(0);
	});

	it('another lot than the suggested one is refused, naming the lot to take', () => {
		const { progress, outcomes } = scanAll([
			{ kind: 'location', locationId: 'a10' },
			{ kind: 'item', itemId: 'tea', lot: 'L1' }
		]);
		expect(outcomes).toEqual(['at-bin', 'wrong-lot']);
		expect(progress.picked.size).toBe(0);
		const r = applyScan(rows, progress, { kind: 'item', itemId: 'tea', lot: 'L1' });
		expect(r.outcome).toMatchObject({ kind: 'wrong-lot', row: { lot: 'L2' }, scannedLot: 'L1' });
	});

	it('a lot row needs the lot label, not the bare item barcode', () => {
		const { outcomes } = scanAll([
			{ kind: 'location', locationId: 'a10' },
			{ kind: 'item', itemId: 'tea' }
		]);
		expect(outcomes).toEqual(['at-bin', 'lot-needed']);
	});

	it('stock without a bin is picked by the item scan alone', () => {
		const done = pickRow(NO_PROGRESS, rows[0]!);
		const r = applyScan(rows, done, { kind: 'item', itemId: 'cup' });
		expect(r.outcome).toMatchObject({ kind: 'picked', row: { locationId: '' } });
	});

	it('bins and items not (or no longer) on the sheet are named as such', () => {
		expect(applyScan(rows, NO_PROGRESS, { kind: 'location', locationId: 'z9' }).outcome.kind).toBe(
			'not-on-sheet'
		);
		expect(applyScan(rows, NO_PROGRESS, { kind: 'item', itemId: 'pen' }).outcome).toEqual({
			kind: 'not-on-sheet',
			what: 'item'
		});
		const both = pickRow(pickRow(NO_PROGRESS, rows[1]!), rows[2]!);
		expect(applyScan(rows, both, { kind: 'item', itemId: 'tea', lot: 'L1' }).outcome).toEqual({
			kind: 'not-on-sheet',
			what: 'item'
		});
	});
});

describe('shipmentOf', () => {
	it('ships what was picked, per line, with the exact bins and lots', () => {
		let p = pickRow(NO_PROGRESS, rows[1]!); // tea L1 × 2
		p = pickRow(p, rows[2]!, 1); // tea L2: found 1 of 3
		p = pickRow(p, rows[0]!); // cup × 4
		expect(shipmentOf(rows, p)).toEqual({
			lines: [
				{ lineId: 'n2', qty: 4 },
				{ lineId: 'n1', qty: 3 }
			],
			picks: [
				{ lineId: 'n2', locationId: 'a2', lot: '', qty: 4 },
				{ lineId: 'n1', locationId: 'a2', lot: 'L1', qty: 2 },
				{ lineId: 'n1', locationId: 'a10', lot: 'L2', qty: 1 }
			]
		});
	});

	it('a row picked short is still open; more than the row is capped at the row', () => {
		const p = pickRow(NO_PROGRESS, rows[2]!, 1);
		expect(applyScan(rows, p, { kind: 'location', locationId: 'a10' }).outcome.kind).toBe('at-bin');
		expect(pickRow(NO_PROGRESS, rows[2]!, 99).picked.get(rows[2]!.key)).toBe(3);
	});
});
