import { describe, expect, it } from 'vitest';
import { itemSchema } from '../catalog/entities';
import { parseItemsCsv } from './items-csv';

const existing = [
	itemSchema.parse({
		id: 'old1',
		code: 'PKG-BOX-30',
		name: '紙箱 30cm',
		unit: '個',
		safetyStock: 50
	})
];

describe('items CSV', () => {
	it('parses a good file into create and update rows', () => {
		const csv = [
			'code,name,unit,category,safetyStock,reorderPoint,maxStock,shelfLifeDays,barcode,standardCost',
			'FAS-M6-20,六角螺絲 M6x20,個,螺絲,100,200,1000,0,4710000000011,1.20',
			'pkg-box-30,紙箱 30公分,個,,,,,,,12.50'
		].join('\n');
		const preview = parseItemsCsv(csv, existing);
		expect(preview.errors).toEqual([]);
		expect(preview.rows).toEqual([
			{
				row: 2,
				action: 'create',
				input: {
					code: 'FAS-M6-20',
					name: '六角螺絲 M6x20',
					unit: '個',
					category: '螺絲',
					safetyStock: 100,
					reorderPoint: 200,
					maxStock: 1000,
					shelfLifeDays: 0,
					barcode: '4710000000011',
					standardCostCents: 120,
					// No price column: a new item starts without a selling price.
					salePriceCents: 0,
					lotTracked: false,
					pickPolicy: 'fifo',
					active: true
				}
			},
			{
				row: 3,
				action: 'update',
				itemId: 'old1',
				// Empty cells keep the existing values (safety stock 50).
				input: expect.objectContaining({
					code: 'pkg-box-30',
					name: '紙箱 30公分',
					safetyStock: 50,
					standardCostCents: 1250
				})
			}
		]);
	});

	it('accepts zh-TW headers, a BOM, CRLF and quoted commas', () => {
		const csv =
			'\uFEFF料號,品名,單位,標準成本,安全庫存\r\nSNK-PA-12,"鳳梨酥, 12入",盒,"1,250.00","1,200"\r\n';
		const preview = parseItemsCsv(csv, []);
		expect(preview.errors).toEqual([]);
		expect(preview.rows[0]).toMatchObject({
			row: 2,
			action: 'create',
			input: {
				code: 'SNK-PA-12',
				name: '鳳梨酥, 12入',
				unit: '盒',
				standardCostCents: 125000,
				safetyStock: 1200
			}
		});
	});

	it('reports malformed rows with their file line numbers and keeps the good ones', () => {
		const csv = [
			'code,name,unit,safetyStock,standardCost',
			'A-1,好,個,5,1.00',
			'',
			'B-2,,個,5,1.00',
			'"C-3","多行',
			'品名",個,abc,1.00',
			'D 4,空白料號,個,1,1',
			'E-5,價格,個,1,1.234',
			'F-6,負數,個,-1,1'
		].join('\n');
		const preview = parseItemsCsv(csv, []);
		expect(preview.rows.map((r) => [r.row, r.input.code])).toEqual([[2, 'A-1']]);
		expect(preview.errors.map((e) => [e.row, e.field, e.code])).toEqual([
			[4, 'name', 'invalid-field'],
			[5, 'safetyStock', 'invalid-field'],
			[7, 'code', 'invalid-field'],
			[8, 'standardCost', 'invalid-field'],
			[9, 'safetyStock', 'invalid-field']
		]);
	});

	it('flags every occurrence of a code repeated in the file', () => {
		const csv = 'code,name,unit\nX-1,一,個\nY-1,二,個\nx-1,三,個\n';
		const preview = parseItemsCsv(csv, []);
		expect(preview.rows.map((r) => r.input.code)).toEqual(['Y-1']);
		expect(preview.errors).toEqual([
			expect.objectContaining({ row: 2, field: 'code', code: 'duplicate-sku-code' }),
			expect.objectContaining({ row: 4, field: 'code', code: 'duplicate-sku-code' })
		]);
	});

	it('refuses a code the catalog already holds twice (offline duplicates)', () => {
		const twice = [
			...existing,
			itemSchema.parse({ id: 'old2', code: 'pkg-box-30', name: '重複', unit: '個' })
		];
		const preview = parseItemsCsv('code,name,unit\nPKG-BOX-30,紙箱,個\n', twice);
		expect(preview.rows).toEqual([]);
		expect(preview.errors[0]).toMatchObject({ row: 2, code: 'duplicate-sku-code' });
	});

	it.each([
		{ name: 'empty file', csv: '', field: '' },
		{ name: 'missing unit column', csv: 'code,name\nA,B\n', field: 'unit' },
		{ name: 'a column twice', csv: 'code,name,unit,料號\nA,B,個,A\n', field: 'code' }
	])('rejects a bad header: $name', ({ csv, field }) => {
		const preview = parseItemsCsv(csv, []);
		expect(preview.rows).toEqual([]);
		expect(preview.errors[0]).toMatchObject({ row: 1, field, code: 'invalid-csv' });
	});
});
