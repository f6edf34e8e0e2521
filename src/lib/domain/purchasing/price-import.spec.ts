import { describe, expect, it } from 'vitest';
import { readCsv } from '../tabular/source';
import { dateCell, previewPriceImport, resolvePriceRows } from './price-import';
import { supplier } from './test-support';

const catalog = {
	suppliers: [
		supplier({
			id: 's1',
			code: 'SUP-1',
			currency: 'TWD',
			items: [{ itemId: 'tape', supplierPartNo: 'YF-88' }]
		}),
		supplier({ id: 's2', code: 'SUP-2', currency: 'USD' })
	],
	itemByCode: new Map([
		['BOX-A', 'box'],
		['TAPE-B', 'tape']
	])
};

describe('price list import', () => {
	it('rows of one supplier, item and start day become one entry with sorted breaks', () => {
		const csv = [
			'供應商編號,料號,生效日,失效日,數量起,單價',
			'SUP-1,BOX-A,2026-11-01,2026-12-31,500,10.00',
			'sup-1,box-a,2026/11/1,2026-12-31,0,11.00',
			'SUP-1,YF-88,2026-11-01,,0,30',
			'SUP-2,BOX-A,46000,,0,0.35'
		].join('\n');
		const p = previewPriceImport(readCsv(csv), catalog);
		expect(p.errors).toEqual([]);
		const { entries } = resolvePriceRows(p.rows, catalog);
		expect(
			entries.map((e) => [e.supplierId, e.itemId, e.currency, e.validFrom, e.validTo, e.breaks])
		).toEqual([
			[
				's1',
				'box',
				'TWD',
				'2026-11-01',
				'2026-12-31',
				[
					{ minQty: 0, unitPriceCents: 1100 },
					{ minQty: 500, unitPriceCents: 1000 }
				]
			],
			['s1', 'tape', 'TWD', '2026-11-01', '', [{ minQty: 0, unitPriceCents: 3000 }]],
			// Excel's date serial 46000 is 2025-12-09; the supplier's own currency by default.
			['s2', 'box', 'USD', '2025-12-09', '', [{ minQty: 0, unitPriceCents: 35 }]]
		]);
	});

	it('one bad row refuses the whole file, naming each problem by row', () => {
		const csv = [
			'Supplier code,Item code,Valid from,Valid to,Unit price',
			'SUP-1,BOX-A,2026-11-01,,11',
			'SUP-9,BOX-A,2026-11-01,,11',
			'SUP-1,GLUE,2026-11-01,,11',
			'SUP-2,BOX-A,2026-11-05,2026-11-04,11',
			'SUP-2,TAPE-B,someday,,11'
		].join('\n');
		const p = previewPriceImport(readCsv(csv), catalog);
		expect(p.rows).toEqual([]);
		expect(p.errors.map((e) => [e.row, e.field, e.problem])).toEqual([
			[3, 'supplierCode', 'unknownSupplier'],
			[4, 'itemCode', 'unknownItem'],
			[5, 'validTo', 'endsBeforeStart'],
			[6, 'validFrom', 'format']
		]);
	});

	it('a price may end on the day it starts', () => {
		const p = previewPriceImport(
			readCsv('供應商編號,料號,生效日,失效日,單價\nSUP-1,BOX-A,2026-11-05,2026-11-05,1\n'),
			catalog
		);
		expect(p.errors).toEqual([]);
	});

	it('dates: ISO, slashes, Excel serials; not month 13', () => {
		expect(dateCell('2026/1/5')).toEqual({ ok: true, value: '2026-01-05' });
		expect(dateCell('2026-13-01').ok).toBe(false);
	});
});
