import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { tableToXlsx, xlsxToRows } from './xlsx';

describe('xlsx', () => {
	it('writes a workbook Excel can read and reads it back', async () => {
		const bytes = await tableToXlsx(
			{
				headers: ['料號', '品名', '數量', '條碼'],
				rows: [
					['A-1', '鳳梨酥, 12入', 12, '4710000000011'],
					['=1+1', null, -2.5, 4710000000011]
				]
			},
			'品項/清單'
		);
		// A zip file (PK) holding one sheet, with the formula-like text as text, not a formula.
		expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]);
		const book = XLSX.read(bytes, { type: 'array' });
		expect(book.SheetNames).toEqual(['品項 清單']);
		const sheet = book.Sheets['品項 清單'];
		expect(sheet?.A3).toMatchObject({ t: 's', v: '=1+1' });
		expect(sheet?.A3?.f).toBeUndefined();
		expect(await xlsxToRows(bytes)).toEqual([
			['料號', '品名', '數量', '條碼'],
			['A-1', '鳳梨酥, 12入', '12', '4710000000011'],
			['=1+1', '', '-2.5', '4710000000011']
		]);
	});

	it('reads an empty workbook as no rows', async () => {
		const book = XLSX.utils.book_new();
		XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([]), 'Empty');
		const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }));
		expect(await xlsxToRows(bytes)).toEqual([]);
	});
});
