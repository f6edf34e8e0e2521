// Commands consult the relay's field-level rights (domain/auth/field-rights.ts) before they
// write, so a screen never offers what the relay refuses: a warehouse clerk keeps items but not
// their cost, sales keep customers and sales orders but not items or transfers.

import { describe, expect, it } from 'vitest';
import type { Role } from '../domain/auth/roles';
import { StockflowError } from '../domain/errors';
import { createPrng } from '../domain/random/prng';
import { readItems } from '../doc/catalog-doc';
import { createItem, createWarehouse, updateItem } from './catalog';
import type { CommandContext } from './context';
import { createCommandContext } from './create-context';
import { createCustomer } from './customers';
import { importItemsCsv, previewItemsCsv } from './import-items';
import { workspaceDocsInMemory, type MemoryWorkspaceDocs } from './memory-docs';
import { createTransfer } from './transfers/transfers';

function team(): (role: Role) => CommandContext {
	const docs: MemoryWorkspaceDocs = workspaceDocsInMemory();
	const random = createPrng(7).next;
	return (role) =>
		createCommandContext({
			docs,
			device: `dev.${role}`,
			user: role,
			role,
			nowMs: () => 1_760_000_000_000,
			random
		});
}

function outcome(fn: () => unknown): string {
	try {
		fn();
		return 'ok';
	} catch (err) {
		if (err instanceof StockflowError) return err.code;
		throw err;
	}
}

describe('item cost is admin, purchasing and finance’s to write', () => {
	it('a warehouse clerk creates items at the default cost, never at another', () => {
		const as = team();
		expect(outcome(() => createItem(as('warehouse'), { code: 'A', name: 'a', unit: 'pcs' }))).toBe(
			'ok'
		);
		// Exactly the default (0) is no choice; one cent is.
		expect(
			outcome(() =>
				createItem(as('warehouse'), { code: 'B', name: 'b', unit: 'pcs', standardCostCents: 0 })
			)
		).toBe('ok');
		expect(
			outcome(() =>
				createItem(as('warehouse'), { code: 'C', name: 'c', unit: 'pcs', standardCostCents: 1 })
			)
		).toBe('forbidden');
		expect(readItems(as('admin').docs.catalog).map((i) => i.code)).toEqual(['A', 'B']);
	});

	it('a warehouse clerk renames an item, and may save it with its cost unchanged, not changed', () => {
		const as = team();
		const item = createItem(as('purchasing'), {
			code: 'BOLT',
			name: 'Bolt',
			unit: 'pcs',
			standardCostCents: 1250
		});
		expect(outcome(() => updateItem(as('warehouse'), item.id, { name: 'Hex bolt' }))).toBe('ok');
		expect(
			outcome(() => updateItem(as('warehouse'), item.id, { name: 'Bolt', standardCostCents: 1250 }))
		).toBe('ok');
		expect(outcome(() => updateItem(as('warehouse'), item.id, { standardCostCents: 1251 }))).toBe(
			'forbidden'
		);
		expect(outcome(() => updateItem(as('purchasing'), item.id, { standardCostCents: 1300 }))).toBe(
			'ok'
		);
		expect(readItems(as('admin').docs.catalog)[0]).toMatchObject({
			name: 'Bolt',
			standardCostCents: 1300
		});
	});

	it('an import with a cost column needs the cost right, unless it repeats the held cost', () => {
		const as = team();
		createItem(as('purchasing'), { code: 'BOX', name: 'Box', unit: 'pcs', standardCostCents: 500 });
		const same = previewItemsCsv(as('warehouse'), 'code,name,unit,standardCost\nBOX,Box,pcs,5\n');
		expect(outcome(() => importItemsCsv(as('warehouse'), same))).toBe('ok');
		const other = previewItemsCsv(as('warehouse'), 'code,name,unit,standardCost\nBOX,Box,pcs,6\n');
		expect(outcome(() => importItemsCsv(as('warehouse'), other))).toBe('forbidden');
		expect(readItems(as('admin').docs.catalog)[0]?.standardCostCents).toBe(500);
	});
});

describe('records belong to their departments', () => {
	it('sales keep customers but not items; the warehouse the other way round', () => {
		const as = team();
		expect(outcome(() => createCustomer(as('sales'), { code: 'C1', name: 'Acme' }))).toBe('ok');
		expect(outcome(() => createCustomer(as('warehouse'), { code: 'C2', name: 'Beta' }))).toBe(
			'forbidden'
		);
		expect(outcome(() => createItem(as('sales'), { code: 'X', name: 'x', unit: 'pcs' }))).toBe(
			'forbidden'
		);
		expect(outcome(() => createWarehouse(as('sales'), { code: 'W', name: 'w' }))).toBe('forbidden');
	});

	it('transfers are the warehouse’s, not sales’', () => {
		const as = team();
		const a = createWarehouse(as('warehouse'), { code: 'A', name: 'A' });
		const b = createWarehouse(as('warehouse'), { code: 'B', name: 'B' });
		const item = createItem(as('warehouse'), { code: 'I', name: 'i', unit: 'pcs' });
		const input = {
			fromWarehouseId: a.id,
			toWarehouseId: b.id,
			lines: [{ itemId: item.id, qty: 1 }]
		};
		expect(outcome(() => createTransfer(as('sales'), input))).toBe('forbidden');
		expect(outcome(() => createTransfer(as('warehouse'), input))).toBe('ok');
	});
});

describe('selling price is admin and sales’s to write', () => {
	it('sales set an existing item’s price and nothing else; the warehouse may not set it', () => {
		const as = team();
		const item = createItem(as('admin'), { code: 'P', name: 'pen', unit: 'pcs' });
		expect(outcome(() => updateItem(as('sales'), item.id, { salePriceCents: 4500 }))).toBe('ok');
		// The whole form sent back unchanged but for the price is still only a price edit.
		expect(
			outcome(() =>
				updateItem(as('sales'), item.id, { code: 'P', name: 'pen', salePriceCents: 4600 })
			)
		).toBe('ok');
		expect(outcome(() => updateItem(as('sales'), item.id, { name: 'pencil' }))).toBe('forbidden');
		expect(outcome(() => updateItem(as('warehouse'), item.id, { salePriceCents: 1 }))).toBe(
			'forbidden'
		);
		expect(outcome(() => createItem(as('sales'), { code: 'Q', name: 'q', unit: 'pcs' }))).toBe(
			'forbidden'
		);
		const saved = readItems(as('admin').docs.catalog).find((i) => i.id === item.id);
		expect([saved?.name, saved?.salePriceCents]).toEqual(['pen', 4600]);
	});
});
