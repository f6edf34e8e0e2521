import { describe, expect, it } from 'vitest';
import { StockflowError } from '../domain/errors';
import { createPrng } from '../domain/random/prng';
import { readItems } from '../doc/catalog-doc';
import { createItem } from './catalog';
import { createCommandContext } from './create-context';
import { importItemsCsv, previewItemsCsv } from './import-items';
import { workspaceDocsInMemory } from './memory-docs';

describe('items CSV import', () => {
	it('previews then applies only the valid rows, updating existing codes', () => {
		const ctx = createCommandContext({
			docs: workspaceDocsInMemory(),
			device: 'd',
			user: 'u',
			role: 'purchasing',
			nowMs: () => 1,
			random: createPrng(4).next
		});
		const existing = createItem(ctx, {
			code: 'PKG-BOX-30',
			name: '紙箱',
			unit: '個',
			safetyStock: 50
		});
		const csv =
			'料號,品名,單位,標準成本\nPKG-BOX-30,紙箱 30公分,個,12.50\nPKG-TAPE-48,封箱膠帶,捲,35\nBAD ROW,x,個,1\n';
		const preview = previewItemsCsv(ctx, csv);
		expect(preview.rows.map((r) => r.action)).toEqual(['update', 'create']);
		expect(preview.errors).toHaveLength(1);
		expect(importItemsCsv(ctx, preview)).toEqual({ created: 1, updated: 1 });
		const items = readItems(ctx.docs.catalog);
		expect(items).toHaveLength(2);
		expect(items.find((i) => i.id === existing.id)).toMatchObject({
			name: '紙箱 30公分',
			safetyStock: 50,
			standardCostCents: 1250
		});
		expect(items.find((i) => i.code === 'PKG-TAPE-48')).toMatchObject({
			unit: '捲',
			standardCostCents: 3500
		});
	});

	it('refuses viewers', () => {
		const ctx = createCommandContext({
			docs: workspaceDocsInMemory(),
			device: 'd',
			user: 'u',
			role: 'viewer',
			nowMs: () => 1
		});
		expect(() => previewItemsCsv(ctx, 'code,name,unit\n')).toThrow(StockflowError);
		expect(() => importItemsCsv(ctx, { rows: [], errors: [] })).toThrow(StockflowError);
	});
});
