// A small factory for the production command tests: a warehouse, a finished good (lot-tracked
// table), a sub-assembly and two bought materials, one work centre and a BOM per made item.

import { createItem, createWarehouse } from '../../src/lib/commands/catalog';
import type { CommandContext } from '../../src/lib/commands/context';
import {
	workspaceDocsInMemory,
	type MemoryWorkspaceDocs
} from '../../src/lib/commands/memory-docs';
import { saveBom, saveWorkCenter } from '../../src/lib/commands/production/boms';
import { device, START } from './purchasing-fixture';

export interface Factory {
	docs: MemoryWorkspaceDocs;
	ctx: CommandContext;
	clock: { ms: number };
	warehouseId: string;
	table: string;
	top: string;
	leg: string;
	screw: string;
	line1: string;
}

export function makeFactory(): Factory {
	const docs = workspaceDocsInMemory();
	const clock = { ms: START };
	const ctx = device(docs, clock, 'hq');
	const w = createWarehouse(ctx, { code: 'TY', name: '桃園廠' });
	const table = createItem(ctx, { code: 'TBL', name: '餐桌', unit: '張', lotTracked: true });
	const top = createItem(ctx, { code: 'TOP', name: '桌面', unit: '片' });
	const leg = createItem(ctx, { code: 'LEG', name: '桌腳', unit: '支', safetyStock: 10 });
	const screw = createItem(ctx, { code: 'SCR', name: '螺絲', unit: '個' });
	const line1 = saveWorkCenter(ctx, { code: 'L1', name: '組裝一線', capacityHoursPerWeek: 40 });
	saveBom(ctx, {
		itemId: table.id,
		version: '1',
		lines: [
			{ id: 'l-top', childId: top.id, qtyPer: 1 },
			{ id: 'l-leg', childId: leg.id, qtyPer: 4 }
		],
		steps: [{ id: 's-asm', seq: 10, name: '組裝', workCenterId: line1.id, minutesPerUnit: 30 }]
	});
	saveBom(ctx, {
		itemId: leg.id,
		version: '1',
		lines: [{ id: 'l-scr', childId: screw.id, qtyPer: 2, scrapPct: 10 }]
	});
	return {
		docs,
		ctx,
		clock,
		warehouseId: w.id,
		table: table.id,
		top: top.id,
		leg: leg.id,
		screw: screw.id,
		line1: line1.id
	};
}

export { device, START };
