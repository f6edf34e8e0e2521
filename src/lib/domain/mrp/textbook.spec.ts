// Published MRP worked examples, run through planMrp. Each expected row is the textbook's answer
// in its sparse notation ({ week: qty }); the input is the example's data as printed.

import { describe, expect, it } from 'vitest';
import { planMrp } from './engine';
import { bomLine, mrpItem, mrpProblem, row } from './fixtures';
import type { MrpRecord, MrpResult } from './types';

function record(result: MrpResult, id: string): MrpRecord {
	const found = result.items.find((r) => r.id === id);
	if (!found) throw new Error(`no record for ${id}`);
	return found;
}

/*
 * Heizer & Render, "Operations Management" (Pearson), chapter "Material Requirements Planning
 * (MRP) and ERP" (ch. 14 in the 10th–12th editions), Examples 1–3, Speaker Kits, Inc.:
 * the "Awesome" speaker kit A = 2 B + 3 C; B = 2 D + 2 E; C = 2 E + 2 F; F = 2 D + 1 G.
 * Lead times (weeks): A 1, B 2, C 1, D 1, E 2, F 3, G 2. 50 units of A are due in week 8.
 * Example 2 plans from zero inventory (gross requirements plan); Example 3 nets against on hand
 * A 10, B 15, C 20, D 10, E 10, F 5, G 0 (net material requirements plan), lot-for-lot.
 * D is used at levels 2 (in B) and 3 (in F), so its low-level code is 3.
 */
describe('Heizer & Render, Speaker Kits (four levels, lot-for-lot)', () => {
	const bom = [
		bomLine('A', 'B', 2),
		bomLine('A', 'C', 3),
		bomLine('B', 'D', 2),
		bomLine('B', 'E', 2),
		bomLine('C', 'E', 2),
		bomLine('C', 'F', 2),
		bomLine('F', 'D', 2),
		bomLine('F', 'G', 1)
	];
	const leadTimes = { A: 1, B: 2, C: 1, D: 1, E: 2, F: 3, G: 2 };
	const plan = (onHand: Record<keyof typeof leadTimes, number>) =>
		planMrp(
			mrpProblem({
				buckets: 8,
				items: Object.entries(leadTimes).map(([id, lt]) =>
					mrpItem(id, onHand[id as keyof typeof leadTimes], lt)
				),
				bom,
				demand: [{ itemId: 'A', bucket: 8, qty: 50 }]
			})
		);

	it('Example 2: gross requirements plan from zero inventory', () => {
		const result = plan({ A: 0, B: 0, C: 0, D: 0, E: 0, F: 0, G: 0 });
		const releases = (id: string) => record(result, id).plannedReleases;
		expect(releases('A')).toEqual(row(8, { 7: 50 }));
		expect(releases('B')).toEqual(row(8, { 5: 100 }));
		expect(releases('C')).toEqual(row(8, { 6: 150 }));
		expect(releases('E')).toEqual(row(8, { 3: 200, 4: 300 }));
		expect(releases('F')).toEqual(row(8, { 3: 300 }));
		expect(releases('D')).toEqual(row(8, { 2: 600, 4: 200 }));
		expect(releases('G')).toEqual(row(8, { 1: 300 }));
	});

	it('Example 3: net material requirements plan against on hand', () => {
		const result = plan({ A: 10, B: 15, C: 20, D: 10, E: 10, F: 5, G: 0 });
		const expected: Record<
			string,
			{
				llc: number;
				gross: Record<number, number>;
				net: Record<number, number>;
				release: Record<number, number>;
			}
		> = {
			A: { llc: 0, gross: { 8: 50 }, net: { 8: 40 }, release: { 7: 40 } },
			B: { llc: 1, gross: { 7: 80 }, net: { 7: 65 }, release: { 5: 65 } },
			C: { llc: 1, gross: { 7: 120 }, net: { 7: 100 }, release: { 6: 100 } },
			E: {
				llc: 2,
				gross: { 5: 130, 6: 200 },
				net: { 5: 120, 6: 200 },
				release: { 3: 120, 4: 200 }
			},
			F: { llc: 2, gross: { 6: 200 }, net: { 6: 195 }, release: { 3: 195 } },
			D: {
				llc: 3,
				gross: { 3: 390, 5: 130 },
				net: { 3: 380, 5: 130 },
				release: { 2: 380, 4: 130 }
			},
			G: { llc: 3, gross: { 3: 195 }, net: { 3: 195 }, release: { 1: 195 } }
		};
		for (const [id, e] of Object.entries(expected)) {
			const r = record(result, id);
			expect({ id, llc: r.lowLevelCode }).toEqual({ id, llc: e.llc });
			expect({ id, gross: r.gross }).toEqual({ id, gross: row(8, e.gross) });
			expect({ id, net: r.net }).toEqual({ id, net: row(8, e.net) });
			expect({ id, release: r.plannedReleases }).toEqual({ id, release: row(8, e.release) });
		}
		expect(result.exceptions).toEqual([]);
	});
});

/*
 * Stevenson, "Operations Management" (McGraw-Hill), chapter "MRP and ERP" (ch. 12 in the 11th–13th
 * editions), Example 12.2 (problem statement checked against the transcription at
 * holooly.com/?p=688064; the answers below are the chapter's Figures 12.8–12.9, re-derived by hand
 * for this spec), the shutter example: 100 shutters due in week 4 and 150 in week 8; a shutter is
 * 2 frames + 4 wood sections; assembly takes 1 week, frames are bought with a 2-week lead time,
 * wood sections are made in 1 week; 70 wood sections are scheduled to arrive in week 1.
 * (a) lot-for-lot; (b) frames in lots of 320 and wood sections in lots of 70.
 */
describe('Stevenson, shutters (two levels)', () => {
	const problem = (frames: number | null, wood: number | null) =>
		mrpProblem({
			buckets: 8,
			items: [
				mrpItem('shutter', 0, 1),
				mrpItem('frame', 0, 2, frames ? { lotSizing: { rule: 'fixed', qty: frames } } : {}),
				mrpItem('wood', 0, 1, wood ? { lotSizing: { rule: 'fixed', qty: wood } } : {})
			],
			bom: [bomLine('shutter', 'frame', 2), bomLine('shutter', 'wood', 4)],
			demand: [
				{ itemId: 'shutter', bucket: 4, qty: 100 },
				{ itemId: 'shutter', bucket: 8, qty: 150 }
			],
			scheduledReceipts: [{ itemId: 'wood', bucket: 1, qty: 70 }]
		});

	it('(a) lot-for-lot', () => {
		const result = planMrp(problem(null, null));
		expect(record(result, 'shutter').plannedReleases).toEqual(row(8, { 3: 100, 7: 150 }));
		expect(record(result, 'frame').gross).toEqual(row(8, { 3: 200, 7: 300 }));
		expect(record(result, 'frame').plannedReleases).toEqual(row(8, { 1: 200, 5: 300 }));
		const wood = record(result, 'wood');
		expect(wood.gross).toEqual(row(8, { 3: 400, 7: 600 }));
		expect(wood.projectedOnHand).toEqual([70, 70, 0, 0, 0, 0, 0, 0]);
		expect(wood.net).toEqual(row(8, { 3: 330, 7: 600 }));
		expect(wood.plannedReleases).toEqual(row(8, { 2: 330, 6: 600 }));
	});

	it('(b) lot sizes: frames 320, wood sections 70 (orders in whole lots)', () => {
		const result = planMrp(problem(320, 70));
		const frame = record(result, 'frame');
		expect(frame.plannedReceipts).toEqual(row(8, { 3: 320, 7: 320 }));
		expect(frame.projectedOnHand).toEqual([0, 0, 120, 120, 120, 120, 140, 140]);
		expect(frame.plannedReleases).toEqual(row(8, { 1: 320, 5: 320 }));
		const wood = record(result, 'wood');
		expect(wood.net).toEqual(row(8, { 3: 330, 7: 580 }));
		expect(wood.plannedReceipts).toEqual(row(8, { 3: 350, 7: 630 }));
		expect(wood.projectedOnHand).toEqual([70, 70, 20, 20, 20, 20, 50, 50]);
		expect(wood.plannedReleases).toEqual(row(8, { 2: 350, 6: 630 }));
	});

	it('the week-1 receipt of wood sections is not needed before week 3: defer', () => {
		expect(planMrp(problem(null, null)).exceptions).toEqual([
			{ type: 'defer', itemId: 'wood', bucket: 1, toBucket: 3, qty: 70 }
		]);
	});
});

/*
 * "Aldershot Manufacturing" ladder chairs, a worked example whose full tables are published
 * (course notes "Examples", scribd.com/document/521630993): a chair is 1 seat, 1 back, 4 legs;
 * every lead time is 2 weeks; on hand: 260 chairs, 60 seats, 40 backs, 80 legs; scheduled
 * receipts in week 1: 50 seats and 10 backs; master schedule 150 chairs in week 1, 70 in week 3,
 * 175 in week 5, 90 in week 7, 60 in week 8. The published planned order releases (weeks 1–4):
 * chair 135 in week 3; seat 25, –, 90, 60; back 85, –, 90, 60; legs 460, –, 360, 240 — and the
 * seat's 90 and 60 imply the chair's releases of 90 in week 5 and 60 in week 6.
 */
describe('Aldershot Manufacturing, ladder chairs (published tables)', () => {
	const result = planMrp(
		mrpProblem({
			buckets: 8,
			items: [
				mrpItem('chair', 260, 2),
				mrpItem('seat', 60, 2),
				mrpItem('back', 40, 2),
				mrpItem('legs', 80, 2)
			],
			bom: [bomLine('chair', 'seat', 1), bomLine('chair', 'back', 1), bomLine('chair', 'legs', 4)],
			demand: [
				{ itemId: 'chair', bucket: 1, qty: 150 },
				{ itemId: 'chair', bucket: 3, qty: 70 },
				{ itemId: 'chair', bucket: 5, qty: 175 },
				{ itemId: 'chair', bucket: 7, qty: 90 },
				{ itemId: 'chair', bucket: 8, qty: 60 }
			],
			scheduledReceipts: [
				{ itemId: 'seat', bucket: 1, qty: 50 },
				{ itemId: 'back', bucket: 1, qty: 10 }
			]
		})
	);

	it('planned order releases as published', () => {
		expect(record(result, 'chair').plannedReleases).toEqual(row(8, { 3: 135, 5: 90, 6: 60 }));
		expect(record(result, 'seat').plannedReleases).toEqual(row(8, { 1: 25, 3: 90, 4: 60 }));
		expect(record(result, 'back').plannedReleases).toEqual(row(8, { 1: 85, 3: 90, 4: 60 }));
		expect(record(result, 'legs').plannedReleases).toEqual(row(8, { 1: 460, 3: 360, 4: 240 }));
	});

	it('projected on hand and net requirements as published (weeks 1–4)', () => {
		expect(record(result, 'chair').projectedOnHand.slice(0, 4)).toEqual([110, 110, 40, 40]);
		expect(record(result, 'seat').projectedOnHand.slice(0, 4)).toEqual([110, 110, 0, 0]);
		expect(record(result, 'seat').net.slice(0, 4)).toEqual([0, 0, 25, 0]);
		expect(record(result, 'back').net.slice(0, 4)).toEqual([0, 0, 85, 0]);
		expect(record(result, 'legs').gross.slice(0, 4)).toEqual([0, 0, 540, 0]);
		expect(record(result, 'legs').net.slice(0, 4)).toEqual([0, 0, 460, 0]);
	});
});
