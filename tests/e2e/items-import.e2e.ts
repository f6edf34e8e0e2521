// Master data from a spreadsheet: a CSV with one malformed row imports the good rows, names the
// bad line and field, and loses nothing; the unique-code check answers while typing.
import { expect, test } from '@playwright/test';
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
