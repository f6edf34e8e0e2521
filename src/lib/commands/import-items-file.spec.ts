import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import * as Y from 'yjs';
import { ImportBlockedError } from '../domain/tabular/problems';
import { readRows } from '../domain/tabular/source';
import { xlsxToRows } from '../domain/tabular/xlsx';
import { createPrng } from '../domain/random/prng';
import { readItems } from '../doc/catalog-doc';
import { readCustomers } from '../doc/customers-doc';
import { createCommandContext } from './create-context';
import { importCustomersCsv, previewCustomersCsv } from './customers';
import { importItemsCsv, previewItemsCsv } from './import-items';
import { workspaceDocsInMemory } from './memory-docs';

function context() {
	return createCommandContext({
		docs: workspaceDocsInMemory(),
		device: 'd',
		user: 'u',
		role: 'admin',
		nowMs: () => 1,
		random: createPrng(7).next
	});
}

describe('importing a file into the catalog', () => {
	it('imports an XLSX workbook in one transaction a second device receives whole', async () => {
		const ctx = context();
		const book = XLSX.utils.book_new();
		XLSX.utils.book_append_sheet(
			book,
			XLSX.utils.aoa_to_sheet([
				['Code', 'Name', 'Unit', 'Standard cost'],
				['XL-1', 'Screw', 'pcs', 1.2],
				['XL-2', 'Carton', 'box', 18.5]
			]),
			'Items'
		);
		const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }));
		const preview = previewItemsCsv(ctx, readRows(await xlsxToRows(bytes)));
		let transactions = 0;
		ctx.docs.catalog.on('afterTransaction', () => transactions++);
		expect(importItemsCsv(ctx, preview)).toEqual({ created: 2, updated: 0 });
		expect(transactions).toBe(1);

		const peer = new Y.Doc();
		Y.applyUpdate(peer, Y.encodeStateAsUpdate(ctx.docs.catalog));
		expect(readItems(peer).map((i) => [i.code, i.standardCostCents])).toEqual(
			expect.arrayContaining([
				['XL-1', 120],
				['XL-2', 1850]
			])
		);
	});

	it('writes nothing when the file is malformed, even the rows that parsed', () => {
		const ctx = context();
		const preview = previewCustomersCsv(ctx, 'code,name\nC-1,好\nC-2,"未閉合\nC-3,好\n');
		expect(preview.rows.length).toBeGreaterThan(0);
		const before = Y.encodeStateVector(ctx.docs.catalog);
		expect(() => importCustomersCsv(ctx, preview)).toThrow(ImportBlockedError);
		expect(Y.encodeStateVector(ctx.docs.catalog)).toEqual(before);
		expect(readCustomers(ctx.docs.catalog)).toEqual([]);
	});

	it('imports customers with zh-CN headers, refusing the bad row by line', () => {
		const ctx = context();
		const preview = previewCustomersCsv(
			ctx,
			'客户编号,客户名称,电子邮箱\nC-1,大润发,buy@rt.cn\nC-2,家乐福,not-mail\n'
		);
		expect(preview.errors.map((e) => [e.row, e.field, e.problem])).toEqual([[3, 'email', 'email']]);
		expect(importCustomersCsv(ctx, preview)).toEqual({ created: 1, updated: 0 });
		expect(readCustomers(ctx.docs.catalog).map((c) => c.code)).toEqual(['C-1']);
	});
});
