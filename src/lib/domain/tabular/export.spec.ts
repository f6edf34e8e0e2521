import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { exportFileName, guardFormula, tableToCsv, unguardFormula } from './export';

describe('tableToCsv', () => {
	it('starts with a BOM, ends lines with CRLF and quotes what needs quoting', () => {
		const csv = tableToCsv({
			headers: ['料號', '品名', '數量'],
			rows: [
				['A-1', '鳳梨酥, 12入', 12],
				['B-2', '說 "特價"', null],
				['C-3', '兩行\n文字', 1.5],
				['D-4', ' leading space', 0]
			]
		});
		expect(csv.startsWith('\uFEFF料號,品名,數量\r\n')).toBe(true);
		expect(csv).toContain('A-1,"鳳梨酥, 12入",12\r\n');
		expect(csv).toContain('B-2,"說 ""特價""",\r\n');
		expect(csv).toContain('C-3,"兩行\n文字",1.5\r\n');
		expect(csv).toContain('D-4," leading space",0\r\n');
	});

	it('reads back to the same cells with a standard parser', () => {
		const rows = [
			['x,y', 'a"b', 'line\r\nbreak', '中文；分號'],
			['1', '', '=', 'plain']
		];
		const csv = tableToCsv({ headers: ['h1', 'h2', 'h3', 'h4'], rows }, { bom: false });
		const back = Papa.parse<string[]>(csv.trimEnd(), { delimiter: ',' }).data;
		expect(back.slice(1).map((r) => r.map(unguardFormula))).toEqual(rows);
	});

	it('guards text that a spreadsheet would run as a formula, not numbers', () => {
		const csv = tableToCsv(
			{
				headers: ['v'],
				rows: [['=HYPERLINK("http://x","y")'], ['+1'], ['-A1'], ['@SUM(A1)'], [-5]]
			},
			{ bom: false }
		);
		expect(csv.split('\r\n')).toEqual([
			'v',
			`"'=HYPERLINK(""http://x"",""y"")"`,
			"'+1",
			"'-A1",
			"'@SUM(A1)",
			'-5',
			''
		]);
	});

	it('uses the delimiter it is given', () => {
		expect(
			tableToCsv({ headers: ['a', 'b'], rows: [['1;2', 3]] }, { delimiter: ';', bom: false })
		).toBe('a;b\r\n"1;2";3\r\n');
	});
});

describe('formula guard', () => {
	it.each(['=1+1', '+886 2 1234', '-x', '@a', '\tx'])('round-trips %j', (text) => {
		expect(guardFormula(text)).toBe(`'${text}`);
		expect(unguardFormula(guardFormula(text))).toBe(text);
	});
	it('leaves ordinary text and apostrophes alone', () => {
		expect(guardFormula('A-1')).toBe('A-1');
		expect(unguardFormula("'quoted")).toBe("'quoted");
	});
});

describe('exportFileName', () => {
	it('adds the day and extension and strips characters file systems refuse', () => {
		expect(exportFileName('items: 倉庫/A', Date.UTC(2026, 2, 5, 10), 'xlsx')).toBe(
			'items-倉庫-A-2026-03-05.xlsx'
		);
		expect(exportFileName('///', 0, 'csv')).toBe('export-1970-01-01.csv');
	});
});
