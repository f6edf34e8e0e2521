import { describe, expect, it } from 'vitest';
import { readCsv } from '../tabular/source';
import { previewQuoteImport, type QuoteImportContext } from './quote-import';

const ctx: QuoteImportContext = {
	lines: [
		{ id: 'l1', itemId: 'box', qty: 100, requisitionId: '' },
		{ id: 'l2', itemId: 'tape', qty: 20, requisitionId: '' }
	],
	itemByCode: new Map([
		['BOX-A', 'box'],
		['TAPE-B', 'tape'],
		['GLUE-C', 'glue']
	]),
	itemByPartNo: new Map([['YF-88', 'tape']]),
	defaultLeadTimeDays: (itemId) => (itemId === 'box' ? 7 : 3)
};

describe('a supplier price list as a quote', () => {
	it('reads zh-TW headers, breaks and the supplier part number', () => {
		const csv = '料號,單價,數量起,交期天數\nbox-a,12.50,0,5\nBOX-A,11.00,500,10\nYF-88,30,,\n';
		const p = previewQuoteImport(readCsv(csv), ctx);
		expect(p.errors).toEqual([]);
		expect(p.rows.map((r) => [r.input.itemCode, r.input.unitPriceCents, r.input.minQty])).toEqual([
			['box-a', 1250, 0],
			['BOX-A', 1100, 500],
			['YF-88', 3000, 0]
		]);
	});

	it('one bad row refuses the whole file, naming the row and the problem', () => {
		const csv = 'Item code,Unit price\nBOX-A,12.50\nTAPE-B,abc\nGLUE-C,5\nNOPE-9,1\n';
		const p = previewQuoteImport(readCsv(csv), ctx);
		expect(p.rows).toEqual([]);
		expect(p.errors.map((e) => [e.row, e.field, e.problem])).toEqual([
			[3, 'unitPrice', 'money'],
			[4, 'itemCode', 'notRequested'],
			[5, 'itemCode', 'unknownItem']
		]);
	});

	it('the same item and break twice is a contradiction', () => {
		const p = previewQuoteImport(readCsv('料號,單價\nBOX-A,1\nbox-a,2\n'), ctx);
		expect(p.rows).toEqual([]);
		expect(p.errors.map((e) => e.problem)).toEqual(['duplicateInFile', 'duplicateInFile']);
	});

	it('a file without a price column is refused as a file', () => {
		const p = previewQuoteImport(readCsv('料號,數量起\nBOX-A,1\n'), ctx);
		expect(p.errors.map((e) => [e.code, e.problem])).toEqual([['invalid-csv', 'missingColumn']]);
	});
});
