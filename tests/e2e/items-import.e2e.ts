// Master data from a spreadsheet: a CSV with one malformed row imports the good rows, names the
// bad line and field, and loses nothing; the unique-code check answers while typing.
import { expect, test } from '@playwright/test';
import * as XLSX from '@e965/xlsx';
import { freshWorkspace, signIn } from './support';

const CSV = [
	'料號,品名,單位,類別,安全庫存,再訂購點,最高庫存,保存天數,條碼,標準成本',
	'NUT-M6,六角螺帽 M6,個,五金,100,150,2000,0,4710000000011,1.20',
	'WASH-M6,平華司 M6,個,五金,-5,0,0,0,,0.40',
	'"TAPE-48","封箱膠帶 48mm, 透明",捲,包材,24,36,500,0,,35.50'
].join('\n');

test('a CSV import reports the bad row by line and imports the rest', async ({ page }) => {
	await signIn(page, freshWorkspace('csv'), 'admin', 'chen');
	await page.goto('/items/import');
	await page.getByTestId('import-text').fill(CSV);
	await page.getByTestId('import-preview').click();

	await expect(page.getByTestId('import-row')).toHaveCount(2);
	const error = page.getByTestId('import-error');
	await expect(error).toHaveCount(1);
	await expect(error.locator('td').first()).toHaveText('3');

	await page.getByTestId('import-run').click();
	await expect(page.getByTestId('import-result')).toBeVisible();
	await page.goto('/items');
	await expect(page.getByTestId('item-row-NUT-M6')).toBeVisible();
	await expect(page.getByTestId('item-row-TAPE-48')).toContainText('封箱膠帶 48mm, 透明');
	await expect(page.getByTestId('item-row-WASH-M6')).toHaveCount(0);

	// Typing a code that exists (in any case) is refused before saving.
	await page.getByTestId('item-new').click();
	await page.getByTestId('item-code').fill('nut-m6');
	await expect(page.getByTestId('item-code-error')).toBeVisible();
});

test('an Excel workbook with zh-CN headers previews its bad rows in words and imports nothing from a malformed file', async ({
	page
}) => {
	await page.setViewportSize({ width: 1366, height: 800 });
	await signIn(page, freshWorkspace('xlsx'), 'admin', 'chen');
	await page.goto('/items/import');
	const book = XLSX.utils.book_new();
	XLSX.utils.book_append_sheet(
		book,
		XLSX.utils.aoa_to_sheet([
			['料号', '品名', '单位', '安全库存', '标准成本', '条码'],
			['XL-1', '六角螺丝 M6', '个', 100, 1.2, 4710000000011],
			['XL 2', '垫片', '个', 'abc', 0.4, ''],
			['XL-3', '', '个', 5, 1.234, '']
		]),
		'物料'
	);
	const buffer = Buffer.from(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }));
	await page.getByTestId('import-file').setInputFiles({
		name: 'items.xlsx',
		mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		buffer
	});
	await expect(page.getByTestId('import-row')).toHaveCount(1);
	const errors = page.getByTestId('import-error');
	await expect(errors).toHaveCount(4);
	// Field labels and messages in zh-TW, not zod's English.
	await expect(errors.nth(0)).toContainText('安全庫存');
	await expect(errors.nth(0)).toContainText('不是數字：abc');
	await expect(page.getByTestId('import-summary')).toContainText('2 列有錯誤');
	await page.screenshot({ path: 'test-results/import-preview-errors.png' });

	await page.getByTestId('import-run').click();
	await expect(page.getByTestId('import-result')).toContainText('新增 1 筆');

	// A file with an unclosed quote is refused as a whole.
	await page.getByTestId('import-file').setInputFiles({
		name: 'broken.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('料號,品名,單位\nOK-1,好,個\nBAD-1,"未閉合,個\n', 'utf8')
	});
	await expect(page.getByRole('alert')).toBeVisible();
	await expect(page.getByTestId('import-run')).toBeDisabled();
});
