import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { itemSchema, type Item } from '../catalog/entities';
import { itemsImporter } from '../csv/items-csv';
import { customersImporter } from '../customers/customers-csv';
import { planImport, previewImport } from './importer';
import { ImportBlockedError } from './problems';
import { readCsv, readRows } from './source';
import { tableToCsv } from './export';
import { xlsxToRows } from './xlsx';

const catalog: Item[] = [
	itemSchema.parse({ id: 'i1', code: 'PKG-BOX-30', name: '紙箱', unit: '個', safetyStock: 50 })
];
let seq = 0;
const nextId = (): string => `new${++seq}`;

describe('header aliases', () => {
	it.each([
		['zh-TW', '料號,品名,單位,安全庫存,標準成本,批號管理'],
		['zh-CN', '料号,物料名称,单位,安全库存,标准成本,批号管理'],
		['en', 'SKU,Item name,UOM,Safety stock,Unit cost,Lot tracked'],
		['field keys and spacing', ' code ,NAME,unit,safety_stock,standardCost,lotTracked'],
		['full-width', 'ＳＫＵ,Name,Unit,Safety Stock,Standard Cost,Lot Tracked']
	])('reads %s headers', (_, header) => {
		const preview = previewImport(
			itemsImporter,
			readCsv(`${header}\nA-1,螺絲,個,"1,200",12.5,是\n`),
			[]
		);
		expect(preview.errors).toEqual([]);
		expect(preview.rows[0]?.input).toMatchObject({
			code: 'A-1',
			name: '螺絲',
			unit: '個',
			safetyStock: 1200,
			standardCostCents: 1250,
			lotTracked: true
		});
	});

	it('reads customer headers in Simplified Chinese and price levels in Chinese words', () => {
		const preview = previewImport(
			customersImporter,
			readCsv('客户编号,客户名称,账期天数,价格等级\nC-1,大润发,45,批发\n'),
			[]
		);
		expect(preview.errors).toEqual([]);
		expect(preview.rows[0]?.input).toMatchObject({
			code: 'C-1',
			creditTermsDays: 45,
			priceLevel: 'wholesale'
		});
	});

	it('ignores columns it does not know and names a missing one', () => {
		const preview = previewImport(itemsImporter, readCsv('料號,品名,備註\nA,B,x\n'), []);
		expect(preview.rows).toEqual([]);
		expect(preview.errors).toEqual([
			expect.objectContaining({
				row: 1,
				field: 'unit',
				problem: 'missingColumn',
				code: 'invalid-csv'
			})
		]);
	});
});

describe('CSV sources', () => {
	it('reads a semicolon file with a BOM, CRLF and quoted delimiters', () => {
		const csv =
			'\uFEFF料號;品名;單位;類別\r\n"SNK-1";"鳳梨酥; 12入, 禮盒";盒;"食品"\r\nSNK-2;"說 ""好吃""";盒;\r\n';
		const preview = previewImport(itemsImporter, readCsv(csv), []);
		expect(preview.errors).toEqual([]);
		expect(preview.rows.map((r) => [r.row, r.input.code, r.input.name, r.input.category])).toEqual([
			[2, 'SNK-1', '鳳梨酥; 12入, 禮盒', '食品'],
			[3, 'SNK-2', '說 "好吃"', '']
		]);
	});

	it('imports back what the exporter wrote, formula guard included', () => {
		const csv = tableToCsv({
			headers: ['客戶編號', '客戶名稱', '電話'],
			rows: [['C-9', '=HYPERLINK("x")', '+886 2 2345 6789']]
		});
		const preview = previewImport(customersImporter, readCsv(csv), []);
		expect(preview.rows[0]?.input).toMatchObject({
			name: '=HYPERLINK("x")',
			phone: '+886 2 2345 6789'
		});
	});
});

describe('row errors', () => {
	it('say which row and field, with a problem the UI translates, not zod English', () => {
		const preview = previewImport(
			itemsImporter,
			readCsv('code,name,unit,safetyStock,standardCost\nA 1,x,個,-1,abc\nB-2,,個,1,1\n'),
			[]
		);
		expect(preview.rows).toEqual([]);
		expect(preview.errors.map((e) => [e.row, e.field, e.problem, e.params])).toEqual([
			[2, 'standardCost', 'money', { value: 'abc' }],
			[2, 'code', 'codeFormat', {}],
			[2, 'safetyStock', 'tooSmall', { min: 0 }],
			[3, 'name', 'required', {}]
		]);
	});

	it('a malformed row is refused and a malformed file imports nothing', () => {
		const csv = 'code,name,unit\nA-1,好,個\nB-2,"未閉合的引號,個\nC-3,好,個\n';
		const preview = previewImport(itemsImporter, readCsv(csv), catalog);
		expect(preview.errors[0]).toMatchObject({ row: 3, code: 'invalid-csv', problem: 'malformed' });
		expect(() => planImport(itemsImporter, preview, catalog, nextId)).toThrow(ImportBlockedError);
	});

	it('a file whose only row is bad plans nothing', () => {
		const preview = previewImport(itemsImporter, readCsv('code,name,unit\nA-1,,個\n'), []);
		expect(preview.errors).toHaveLength(1);
		expect(planImport(itemsImporter, preview, [], nextId)).toEqual([]);
	});

	it('refuses a commit that would now create a code twice (catalog changed since preview)', () => {
		const preview = previewImport(itemsImporter, readCsv('code,name,unit\nNEW-1,新,個\n'), []);
		const synced = [
			...catalog,
			itemSchema.parse({ id: 'a', code: 'new-1', name: 'x', unit: '個' }),
			itemSchema.parse({ id: 'b', code: 'NEW-1', name: 'y', unit: '個' })
		];
		expect(() => planImport(itemsImporter, preview, synced, nextId)).toThrow(ImportBlockedError);
	});

	it('plans updates by id and creates with fresh ids', () => {
		const preview = previewImport(
			itemsImporter,
			readCsv('code,name,unit\npkg-box-30,紙箱 30cm,個\nTAPE,膠帶,捲\n'),
			catalog
		);
		const plan = planImport(itemsImporter, preview, catalog, () => 'fresh');
		expect(plan.map((p) => [p.id, p.created, p.record.name, p.record.safetyStock])).toEqual([
			['i1', false, '紙箱 30cm', 50],
			['fresh', true, '膠帶', 0]
		]);
	});
});

describe('XLSX sources', () => {
	it('imports a workbook built with the library: numbers, long barcodes and zh headers', async () => {
		const sheet = XLSX.utils.aoa_to_sheet([
			['料號', '品名', '單位', '安全庫存', '條碼', '標準成本', '批號管理'],
			['XL-1', '六角螺絲 M6', '個', 100, 4710000000011, 1.2, true],
			[],
			['XL-2', '多行\n品名', '箱', 0, '', 35, false],
			['XL-3', '', '個', 'abc', '', 1, false]
		]);
		const book = XLSX.utils.book_new();
		XLSX.utils.book_append_sheet(book, sheet, '品項');
		const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }));
		const preview = previewImport(itemsImporter, readRows(await xlsxToRows(bytes)), []);
		expect(preview.rows.map((r) => [r.row, r.input])).toEqual([
			[
				2,
				expect.objectContaining({
					code: 'XL-1',
					safetyStock: 100,
					barcode: '4710000000011',
					standardCostCents: 120,
					lotTracked: true
				})
			],
			[4, expect.objectContaining({ code: 'XL-2', name: '多行\n品名', standardCostCents: 3500 })]
		]);
		expect(preview.errors.map((e) => [e.row, e.field, e.problem])).toEqual([
			[5, 'safetyStock', 'number'],
			[5, 'name', 'required']
		]);
	});
});
