// The BOM view models under test: a real workspace over fake IndexedDB, the form and the import
// driven as their pages drive them, asserting what a planner would see — a cycle named in item
// codes with nothing written and the draft kept, scrap at its bounds, a new version copied.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n';
import { createItem } from '../../commands/catalog';
import { productionView } from '../../commands/production/read';
import { saveBom } from '../../commands/production/boms';
import { WorkspaceState } from '../workspace.svelte';
import { BomFormModel, nextVersion } from './production-bom-form.svelte';
import { BomImportModel } from './production-bom-import.svelte';
import { BomDetailModel } from './production-bom.svelte';
import { WorkCentersPageModel } from './production-work-centers.svelte';

let open: WorkspaceState[] = [];
let n = 0;

async function workspace(): Promise<WorkspaceState> {
	const ws = new WorkspaceState(
		{
			token: 't',
			workspace: `vm-bom-${++n}`,
			role: 'production',
			user: 'pu',
			expMs: Date.now() + 60_000
		},
		{ serverUrl: null }
	);
	open.push(ws);
	await ws.runtime.ready;
	return ws;
}

afterEach(async () => {
	await Promise.all(open.map((ws) => ws.close()));
	open = [];
});

/** A table of a top and four legs; a leg is two screws. */
function factory(ws: WorkspaceState) {
	const r = ws.run((ctx) => {
		const table = createItem(ctx, { code: 'TBL', name: '餐桌', unit: '張' });
		const top = createItem(ctx, { code: 'TOP', name: '桌面', unit: '片' });
		const leg = createItem(ctx, { code: 'LEG', name: '桌腳', unit: '支' });
		const screw = createItem(ctx, { code: 'SCR', name: '螺絲', unit: '個' });
		const tableBom = saveBom(ctx, {
			itemId: table.id,
			version: 'A',
			lines: [
				{ childId: top.id, qtyPer: 1 },
				{ childId: leg.id, qtyPer: 4 }
			]
		});
		const legBom = saveBom(ctx, {
			itemId: leg.id,
			version: '1',
			lines: [{ childId: screw.id, qtyPer: 2, scrapPct: 10 }]
		});
		return { table, top, leg, screw, tableBom, legBom };
	});
	if (!r.ok) throw r.error;
	return r.value;
}

const boms = (ws: WorkspaceState) => productionView({ docs: ws.runtime.docs }).boms;

describe('BomFormModel', () => {
	it('a component that closes a loop is named in codes, nothing is written and the draft stays', async () => {
		setLocale('en');
		const ws = await workspace();
		const f = factory(ws);
		const vm = new BomFormModel(ws, { kind: 'edit', id: f.legBom.id });
		expect(vm.draft.lines.map((l) => l.childId)).toEqual([f.screw.id]);
		vm.addLine();
		const added = vm.draft.lines[1]!;
		added.childId = f.table.id;
		added.qtyPer = '1';
		const r = vm.save();
		expect(r.ok).toBe(false);
		expect(vm.cycle).toEqual(['LEG 桌腳', 'TBL 餐桌', 'LEG 桌腳']);
		expect(boms(ws).find((b) => b.id === f.legBom.id)!.lines).toHaveLength(1);
		expect(vm.draft.lines).toHaveLength(2);
		vm.close();
	});

	it('scrap is accepted from 0 to 100 and refused above; quantity must be above 0', async () => {
		setLocale('en');
		const ws = await workspace();
		const f = factory(ws);
		const vm = new BomFormModel(ws, { kind: 'edit', id: f.legBom.id });
		const line = vm.draft.lines[0]!;
		line.scrapPct = '100';
		expect(vm.valid).toBe(true);
		line.scrapPct = '100.01';
		expect(vm.valid).toBe(false);
		line.scrapPct = '0';
		line.qtyPer = '0';
		expect(vm.save().ok).toBe(false);
		expect(vm.lineError(line.key).qtyPer).toBe('Enter a quantity above 0');
		line.qtyPer = '0.5';
		expect(vm.save().ok).toBe(true);
		expect(boms(ws).find((b) => b.id === f.legBom.id)!.lines[0]).toMatchObject({
			qtyPer: 0.5,
			scrapPct: 0
		});
		vm.close();
	});

	it('a new version is copied from the one shown, with the next label, from today', async () => {
		const ws = await workspace();
		const f = factory(ws);
		const vm = new BomFormModel(ws, { kind: 'copy', id: f.tableBom.id });
		expect(vm.draft.version).toBe('B');
		vm.draft.lines.find((l) => l.childId === f.top.id)!.qtyPer = '2';
		const r = vm.save();
		expect(r.ok).toBe(true);
		const versions = boms(ws).filter((b) => b.itemId === f.table.id);
		expect(versions.map((b) => b.version).sort()).toEqual(['A', 'B']);
		const topOf = (version: string) =>
			versions.find((b) => b.version === version)!.lines.find((l) => l.childId === f.top.id);
		expect([topOf('A')?.qtyPer, topOf('B')?.qtyPer]).toEqual([1, 2]);
		vm.close();
		// Version B is in force from today, so the detail of A shows B as the current one.
		const detail = new BomDetailModel(ws, () => f.tableBom.id);
		expect(detail.inForceId).toBe(r.ok && 'id' in r ? r.id : '');
		expect(detail.tree.map((row) => [row.level, row.label, row.qty]).sort()).toEqual([
			[1, 'LEG 桌腳', 4],
			[1, 'TOP 桌面', 1],
			[2, 'SCR 螺絲', 8.8]
		]);
		detail.close();
	});

	it.each([
		[[], '1'],
		[['A'], 'B'],
		[['1', '2'], '3'],
		[['rev-x'], 'rev-x-2']
	])('after versions %j the next is %s', (taken, next) => {
		expect(nextVersion(taken)).toBe(next);
	});
});

describe('BomImportModel', () => {
	it('a file that would make a cycle writes nothing, names it and keeps the preview', async () => {
		setLocale('en');
		const ws = await workspace();
		const f = factory(ws);
		const vm = new BomImportModel(ws);
		vm.text = 'Parent code,Version,Component code,Qty per\nSCR,1,TBL,1\nTOP,1,SCR,3';
		vm.previewText();
		expect(vm.creates).toBe(2);
		expect(vm.commit()).toBe(false);
		expect(vm.cycle?.join(' → ')).toContain('SCR 螺絲 → TBL 餐桌 → ');
		expect(vm.cycle?.[0]).toBe(vm.cycle?.at(-1));
		expect(vm.preview?.rows).toHaveLength(2);
		expect(boms(ws).filter((b) => b.itemId === f.screw.id || b.itemId === f.top.id)).toEqual([]);
		vm.text = 'Parent code,Version,Component code,Qty per\nTOP,1,SCR,3';
		vm.previewText();
		expect(vm.commit()).toBe(true);
		expect(vm.cycle).toBeNull();
		expect(boms(ws).find((b) => b.itemId === f.top.id)?.lines[0]).toMatchObject({
			childId: f.screw.id,
			qtyPer: 3
		});
	});
});

describe('WorkCentersPageModel', () => {
	it('adds a centre, refuses a taken code and bad hours, edits the capacity', async () => {
		setLocale('en');
		const ws = await workspace();
		const vm = new WorkCentersPageModel(ws);
		vm.draft = { id: '', code: 'L1', name: 'Line 1', hours: '40', rate: '', active: true };
		expect(vm.save().ok).toBe(true);
		vm.draft = { id: '', code: 'l1', name: 'Other', hours: '10', rate: '', active: true };
		expect(vm.save().ok).toBe(false);
		expect(vm.errors.code).toBe('Code l1 is used by another work centre');
		vm.draft = { id: '', code: 'L2', name: 'Line 2', hours: 'forty', rate: '', active: true };
		expect(vm.save().ok).toBe(false);
		expect(vm.errors.hours).toBe('Enter 0 or more hours');
		vm.edit(vm.centers[0]!.id);
		vm.draft.hours = '0';
		expect(vm.save().ok).toBe(true);
		expect(vm.centers.map((c) => [c.code, c.capacityHoursPerWeek])).toEqual([['L1', 0]]);
		vm.close();
	});

	it('keeps the hourly rate through an edit of the capacity; a bad rate saves nothing', async () => {
		setLocale('en');
		const ws = await workspace();
		const vm = new WorkCentersPageModel(ws);
		vm.draft = { id: '', code: 'L1', name: 'Line 1', hours: '40', rate: '1,234.5', active: true };
		expect(vm.save().ok).toBe(true);
		vm.edit(vm.centers[0]!.id);
		expect(vm.draft.rate).toBe('1234.50');
		vm.draft.rate = '12.345';
		expect(vm.save().ok).toBe(false);
		expect(vm.errors.rate).toBe('Enter an amount of 0 or more (2 decimals at most)');
		vm.draft.rate = '1234.50';
		vm.draft.hours = '60';
		expect(vm.save().ok).toBe(true);
		expect(vm.centers.map((c) => [c.capacityHoursPerWeek, c.costPerHourCents])).toEqual([
			[60, 123_450]
		]);
		vm.close();
	});
});
