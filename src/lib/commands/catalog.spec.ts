import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { StockflowError } from '../domain/errors';
import { createPrng } from '../domain/random/prng';
import { entityMap, readItems, readLocations, readWarehouses } from '../doc/catalog-doc';
import { schemaVersionOf } from '../doc/schema';
import {
	createItem,
	createLocation,
	createWarehouse,
	updateItem,
	updateLocation,
	updateWarehouse
} from './catalog';
import type { CommandContext } from './context';
import { createCommandContext } from './create-context';
import { workspaceDocsInMemory } from './memory-docs';
import type { Role } from '../domain/auth/roles';

function ctxFor(role: Role = 'admin'): CommandContext {
	return createCommandContext({
		docs: workspaceDocsInMemory(),
		device: 'dev1',
		user: 'tester',
		role,
		nowMs: () => 1_760_000_000_000,
		random: createPrng(1).next
	});
}

function errorCode(fn: () => unknown): string {
	try {
		fn();
		return 'ok';
	} catch (err) {
		if (err instanceof StockflowError) return err.code;
		throw err;
	}
}

describe('catalog commands', () => {
	it('creates an item as a nested Y.Map with parsed defaults and stamps the schema version', () => {
		const ctx = ctxFor();
		const item = createItem(ctx, { code: ' FAS-M6-20 ', name: '六角螺絲', unit: '個' });
		expect(item).toMatchObject({ code: 'FAS-M6-20', safetyStock: 0, active: true });
		expect(entityMap(ctx.docs.catalog, 'items').get(item.id)).toBeInstanceOf(Y.Map);
		expect(readItems(ctx.docs.catalog)).toEqual([item]);
		expect(schemaVersionOf(ctx.docs.catalog)).toBe(1);
	});

	it('refuses a duplicate SKU code, case-insensitively, but lets an item keep its own code', () => {
		const ctx = ctxFor();
		const a = createItem(ctx, { code: 'A-1', name: 'A', unit: '個' });
		createItem(ctx, { code: 'B-1', name: 'B', unit: '個' });
		expect(errorCode(() => createItem(ctx, { code: 'a-1', name: 'again', unit: '個' }))).toBe(
			'duplicate-sku-code'
		);
		expect(errorCode(() => updateItem(ctx, a.id, { code: 'b-1' }))).toBe('duplicate-sku-code');
		expect(updateItem(ctx, a.id, { code: 'A-1', name: 'A2' }).name).toBe('A2');
	});

	it('writes only the changed fields on update', () => {
		const ctx = ctxFor();
		const a = createItem(ctx, { code: 'A-1', name: 'A', unit: '個', safetyStock: 3 });
		const changedKeys: string[] = [];
		const fields = entityMap(ctx.docs.catalog, 'items').get(a.id);
		if (!(fields instanceof Y.Map)) throw new Error('fixture');
		fields.observe((e) => changedKeys.push(...e.keysChanged));
		updateItem(ctx, a.id, { name: 'A', safetyStock: 7, category: undefined });
		expect(changedKeys).toEqual(['safetyStock']);
	});

	it('refuses invalid fields and unknown ids by kind', () => {
		const ctx = ctxFor();
		expect(errorCode(() => createItem(ctx, { code: 'A 1', name: 'x', unit: '個' }))).toBe(
			'invalid-field'
		);
		expect(errorCode(() => createItem(ctx, { code: 'A-1', name: '', unit: '個' }))).toBe(
			'invalid-field'
		);
		expect(errorCode(() => updateItem(ctx, 'nope', { name: 'x' }))).toBe('unknown-item');
		expect(errorCode(() => updateWarehouse(ctx, 'nope', { name: 'x' }))).toBe('unknown-warehouse');
		expect(errorCode(() => updateLocation(ctx, 'nope', { name: 'x' }))).toBe('unknown-location');
	});

	it('keeps warehouse codes unique and location codes unique per warehouse', () => {
		const ctx = ctxFor();
		const ty = createWarehouse(ctx, { code: 'TY-MAIN', name: '桃園總倉' });
		const tc = createWarehouse(ctx, { code: 'TC', name: '台中倉' });
		expect(errorCode(() => createWarehouse(ctx, { code: 'ty-main', name: 'x' }))).toBe(
			'duplicate-warehouse-code'
		);
		createLocation(ctx, { warehouseId: ty.id, code: 'A-01-01' });
		createLocation(ctx, { warehouseId: tc.id, code: 'A-01-01' });
		expect(errorCode(() => createLocation(ctx, { warehouseId: ty.id, code: 'a-01-01' }))).toBe(
			'duplicate-location-code'
		);
		expect(errorCode(() => createLocation(ctx, { warehouseId: 'nope', code: 'B' }))).toBe(
			'unknown-warehouse'
		);
		expect(updateWarehouse(ctx, tc.id, { address: '台中市西屯區' }).address).toBe('台中市西屯區');
		expect(readWarehouses(ctx.docs.catalog)).toHaveLength(2);
		expect(readLocations(ctx.docs.catalog)).toHaveLength(2);
	});

	it.each(['viewer', 'finance'] as const)('refuses catalog writes from %s', (role) => {
		const ctx = ctxFor(role);
		expect(errorCode(() => createItem(ctx, { code: 'A-1', name: 'A', unit: '個' }))).toBe(
			'forbidden'
		);
		expect(readItems(ctx.docs.catalog)).toEqual([]);
	});

	it('tags the transaction with a command origin', () => {
		const ctx = ctxFor();
		const origins: unknown[] = [];
		ctx.docs.catalog.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
		createItem(ctx, { code: 'A-1', name: 'A', unit: '個' });
		expect(origins).toEqual([
			{ kind: 'command', command: 'createItem', user: 'tester', device: 'dev1' }
		]);
	});
});
