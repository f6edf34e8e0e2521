// A small purchasing world for the command and convergence tests: a warehouse with a bin,
// two items, one qualified supplier with a price list, and devices with their own docs.

import { createItem, createLocation, createWarehouse } from '../../src/lib/commands/catalog';
import type { CommandContext } from '../../src/lib/commands/context';
import { createCommandContext } from '../../src/lib/commands/create-context';
import {
	workspaceDocsInMemory,
	type MemoryWorkspaceDocs
} from '../../src/lib/commands/memory-docs';
import { createSupplier, setPrice } from '../../src/lib/commands/purchasing/suppliers';
import type { Role } from '../../src/lib/domain/auth/roles';

export const START = Date.UTC(2026, 10, 2, 1, 0);

export interface World {
	docs: MemoryWorkspaceDocs;
	ctx: CommandContext;
	clock: { ms: number };
	warehouseId: string;
	binId: string;
	itemA: string;
	itemB: string;
	supplierId: string;
}

export function device(
	docs: MemoryWorkspaceDocs,
	clock: { ms: number },
	name: string,
	role: Role = 'admin',
	skewMs = 0
): CommandContext {
	let n = 0;
	return createCommandContext({
		docs,
		device: name,
		user: `${name}-user`,
		role,
		nowMs: () => clock.ms + skewMs,
		random: () => (n = (n * 9301 + 49297 + name.length) % 233280) / 233280
	});
}

export function makeWorld(): World {
	const docs = workspaceDocsInMemory();
	const clock = { ms: START };
	const ctx = device(docs, clock, 'hq');
	const w = createWarehouse(ctx, { code: 'TY', name: '桃園總倉' });
	const bin = createLocation(ctx, { warehouseId: w.id, code: 'A-01', name: '' });
	const a = createItem(ctx, {
		code: 'BOX-A',
		name: '紙箱 A',
		unit: '個',
		reorderPoint: 50,
		safetyStock: 20,
		standardCostCents: 1200
	});
	const b = createItem(ctx, {
		code: 'TAPE-B',
		name: '膠帶 B',
		unit: '捲',
		reorderPoint: 10,
		safetyStock: 0,
		maxStock: 60
	});
	const s = createSupplier(ctx, {
		code: 'SUP-1',
		name: '永豐紙業',
		items: [
			{ itemId: a.id, leadTimeDays: 7, moq: 100, orderMultiple: 50, preferred: true },
			{ itemId: b.id, leadTimeDays: 3 }
		],
		qualifications: [
			{
				type: 'iso-9001',
				name: 'ISO 9001',
				issuedOn: '2025-01-01',
				expiresOn: '2027-12-31',
				mandatory: true
			}
		]
	});
	setPrice(ctx, {
		supplierId: s.id,
		itemId: a.id,
		validFrom: '2026-01-01',
		breaks: [
			{ minQty: 0, unitPriceCents: 1100 },
			{ minQty: 500, unitPriceCents: 1000 }
		]
	});
	setPrice(ctx, {
		supplierId: s.id,
		itemId: b.id,
		validFrom: '2026-01-01',
		breaks: [{ minQty: 0, unitPriceCents: 3000 }]
	});
	return {
		docs,
		ctx,
		clock,
		warehouseId: w.id,
		binId: bin.id,
		itemA: a.id,
		itemB: b.id,
		supplierId: s.id
	};
}
