import { describe, expect, it } from 'vitest';
import {
	assertNoBomCycle,
	BomCycleError,
	bomSchema,
	effectiveBom,
	explodeBom,
	mrpBomLines,
	whereUsed,
	type Bom,
	type BomInput
} from './bom';

const bom = (input: Omit<BomInput, 'lines'> & { lines: [string, number, number?][] }): Bom =>
	bomSchema.parse({
		...input,
		lines: input.lines.map(([childId, qtyPer, scrapPct], i) => ({
			id: `${input.id}-${i}`,
			childId,
			qtyPer,
			scrapPct: scrapPct ?? 0
		}))
	});

// A bicycle: frame + 2 wheels; a wheel is 1 rim + 36 spokes (+ 5 % scrap on spokes).
const BIKE_V1 = bom({
	id: 'b1',
	itemId: 'BIKE',
	version: '1',
	lines: [
		['FRAME', 1],
		['WHEEL', 2]
	]
});
const BIKE_V2 = bom({
	id: 'b2',
	itemId: 'BIKE',
	version: '2',
	effectiveFrom: '2026-12-01',
	lines: [
		['FRAME', 1],
		['WHEEL', 2],
		['BELL', 1]
	]
});
const WHEEL = bom({
	id: 'w1',
	itemId: 'WHEEL',
	version: '1',
	lines: [
		['RIM', 1],
		['SPOKE', 36, 5]
	]
});
const ALL = [BIKE_V1, BIKE_V2, WHEEL];

describe('effective versions', () => {
	it.each([
		['2026-11-30', '1'],
		['2026-12-01', '2'],
		['2027-06-01', '2']
	])('on %s the bike uses version %s', (date, version) => {
		expect(effectiveBom(ALL, 'BIKE', date)?.version).toBe(version);
	});

	it('an ended or inactive version no longer applies', () => {
		const ended = { ...BIKE_V2, effectiveTo: '2027-01-01' };
		expect(effectiveBom([BIKE_V1, ended], 'BIKE', '2027-01-01')?.version).toBe('1');
		expect(effectiveBom([{ ...BIKE_V1, active: false }], 'BIKE', '2026-01-01')).toBeNull();
	});

	it('gives the MRP engine the lines in force on the date', () => {
		expect(mrpBomLines(ALL, '2026-11-01').filter((l) => l.parent === 'BIKE')).toHaveLength(2);
		expect(mrpBomLines(ALL, '2026-12-15')).toContainEqual({
			parent: 'BIKE',
			child: 'BELL',
			qtyPer: 1,
			scrapPct: 0
		});
	});
});

describe('explosion and where-used', () => {
	it('explodes two levels with scrap', () => {
		const tree = explodeBom(ALL, 'BIKE', 10, '2026-11-01');
		const wheel = tree.children.find((c) => c.itemId === 'WHEEL')!;
		expect(wheel.qty).toBe(20);
		expect(wheel.version).toBe('1');
		const spoke = wheel.children.find((c) => c.itemId === 'SPOKE')!;
		expect(spoke).toMatchObject({ level: 2, qtyPer: 37.8, qty: 756, version: null });
	});

	it('a version page explodes its own lines, the levels below stay with the versions in force', () => {
		// On 2026-11-01 version 1 is in force; version 2 (with the bell) still shows its own lines.
		const tree = explodeBom(ALL, 'BIKE', 1, '2026-11-01', BIKE_V2);
		expect(tree.version).toBe('2');
		expect(tree.children.map((c) => c.itemId)).toEqual(['FRAME', 'WHEEL', 'BELL']);
		expect(tree.children[1]!.children.map((c) => c.qty)).toEqual([2, 75.6]);
		expect(explodeBom(ALL, 'BIKE', 1, '2026-11-01').children).toHaveLength(2);
	});

	it('finds direct and indirect users', () => {
		const used = whereUsed(ALL, 'SPOKE');
		expect(used.map((u) => [u.parentId, u.level])).toEqual([
			['WHEEL', 1],
			['BIKE', 2],
			['BIKE', 2]
		]);
		expect(whereUsed(ALL, 'BIKE')).toEqual([]);
	});
});

describe('cycles', () => {
	it('names the items of a cycle', () => {
		const loop = bom({ id: 'r1', itemId: 'RIM', version: '1', lines: [['BIKE', 1]] });
		expect(() => assertNoBomCycle([...ALL, loop])).toThrow(BomCycleError);
		try {
			assertNoBomCycle([...ALL, loop]);
		} catch (e) {
			expect((e as BomCycleError).cycle[0]).toBe((e as BomCycleError).cycle.at(-1));
			expect((e as BomCycleError).message).toMatch(/BOM cycle: .*RIM/);
		}
		expect(() => assertNoBomCycle(ALL)).not.toThrow();
		expect(() => assertNoBomCycle([...ALL, { ...loop, active: false }])).not.toThrow();
	});
});
