import { describe, expect, it } from 'vitest';
import {
	importBoms,
	previewBomImport,
	saveBom,
	saveWorkCenter
} from '../../src/lib/commands/production/boms';
import { readBoms, readWorkCenters } from '../../src/lib/doc/production-doc';
import { BomCycleError } from '../../src/lib/domain/production/bom';
import { ForbiddenError } from '../../src/lib/domain/errors';
import { device, makeFactory } from './production-fixture';

describe('BOM commands', () => {
	it('stores versions, lines and routing in the catalog doc', () => {
		const f = makeFactory();
		const boms = readBoms(f.docs.catalog);
		expect(boms).toHaveLength(2);
		const table = boms.find((b) => b.itemId === f.table)!;
		expect(table.lines.map((l) => l.qtyPer).sort()).toEqual([1, 4]);
		expect(table.steps[0]).toMatchObject({ workCenterId: f.line1, minutesPerUnit: 30 });
		expect(readWorkCenters(f.docs.catalog)[0]).toMatchObject({
			code: 'L1',
			capacityHoursPerWeek: 40
		});
	});

	it('refuses a cycle and writes nothing', () => {
		const f = makeFactory();
		expect(() =>
			saveBom(f.ctx, {
				itemId: f.screw,
				version: '1',
				lines: [{ id: 'x', childId: f.table, qtyPer: 1 }]
			})
		).toThrow(BomCycleError);
		expect(readBoms(f.docs.catalog)).toHaveLength(2);
	});

	it('refuses a second copy of a version, unknown items and other roles', () => {
		const f = makeFactory();
		expect(() =>
			saveBom(f.ctx, {
				itemId: f.leg,
				version: '1',
				lines: [{ id: 'y', childId: f.top, qtyPer: 1 }]
			})
		).toThrow(/version 1 already exists/);
		expect(() =>
			saveBom(f.ctx, {
				itemId: f.leg,
				version: '2',
				lines: [{ id: 'y', childId: 'nope', qtyPer: 1 }]
			})
		).toThrow(/nope/);
		const sales = device(f.docs, f.clock, 'tablet', 'sales');
		expect(() => saveWorkCenter(sales, { code: 'L2', name: 'x', capacityHoursPerWeek: 1 })).toThrow(
			ForbiddenError
		);
	});

	it('imports BOM lines from a zh-TW CSV: new version, updated line, refused rows', () => {
		const f = makeFactory();
		const csv = [
			'成品料號,版本,元件料號,單位用量,損耗率',
			'TBL,2,TOP,1,0',
			'TBL,2,LEG,4,2',
			'LEG,1,SCR,3,0',
			'TBL,2,TOP,2,0'
		].join('\n');
		const preview = previewBomImport(f.ctx, csv);
		// TOP appears twice for TBL v2: both lines refused, the other two are fine.
		expect(preview.errors.map((e) => e.row)).toEqual([2, 5]);
		expect(preview.rows.map((r) => r.action)).toEqual(['create', 'update']);
		expect(importBoms(f.ctx, preview)).toEqual({ boms: 2, lines: 2 });
		const boms = readBoms(f.docs.catalog);
		const v2 = boms.find((b) => b.itemId === f.table && b.version === '2')!;
		expect(v2.lines).toEqual([expect.objectContaining({ childId: f.leg, qtyPer: 4, scrapPct: 2 })]);
		const leg = boms.find((b) => b.itemId === f.leg)!;
		expect(leg.lines).toEqual([
			expect.objectContaining({ childId: f.screw, qtyPer: 3, id: 'l-scr' })
		]);
	});

	it('refuses an import that would close a cycle, writing nothing', () => {
		const f = makeFactory();
		const preview = previewBomImport(f.ctx, 'Parent code,Component code,Qty per\nSCR,TBL,1\n');
		expect(preview.errors).toEqual([]);
		expect(() => importBoms(f.ctx, preview)).toThrow(BomCycleError);
		expect(readBoms(f.docs.catalog)).toHaveLength(2);
	});
});
