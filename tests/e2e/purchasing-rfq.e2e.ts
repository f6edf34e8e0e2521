// Request for quotation (issue 17): a requisition becomes a request to two suppliers, one
// quote is typed, the other supplier's XLSX price list is imported — first with a bad row
// (the row error is shown and nothing is imported), then corrected — the comparison
// recommends one with its reason, the buyer awards it and gets a draft PO at the quoted
// price; the printable request opens.
import * as XLSX from '@e965/xlsx';
import { expect, test, type Page } from '@playwright/test';
import { createWarehouse, freshWorkspace, signIn } from './support';

function xlsx(rows: (string | number)[][]): Buffer {
	const book = XLSX.utils.book_new();
	XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), '報價');
	return Buffer.from(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }));
}

async function supplierOf(page: Page, code: string, name: string, partNo: string) {
	await page.goto('/purchasing/suppliers');
	await page.getByTestId('supplier-new').click();
	await page.getByTestId('supplier-code').fill(code);
	await page.getByTestId('supplier-name').fill(name);
	await page.getByTestId('supplier-save').click();
	await expect(page.getByTestId(`supplier-${code}`)).toBeVisible();
	await page.goto('/purchasing/suppliers');
	await page.getByTestId(`supplier-${code}`).getByRole('link').click();
	await page.locator('#ti-item').selectOption({ label: 'BOX-9 紙箱' });
	await page.locator('#ti-part').fill(partNo);
	await page.locator('#ti-lead').fill('5');
	await page.getByRole('button', { name: '儲存供應條件' }).click();
	await expect(page.getByRole('cell', { name: 'BOX-9 紙箱' })).toBeVisible();
}

test('requisition → RFQ to two suppliers → typed and imported quotes → comparison → award → draft PO', async ({
	page
}) => {
	await page.setViewportSize({ width: 1366, height: 800 });
	await signIn(page, freshWorkspace('rfq'), 'admin', 'lin');
	await createWarehouse(page, 'TY', '桃園總倉');
	await page.goto('/items');
	await page.getByTestId('item-new').click();
	await page.getByTestId('item-code').fill('BOX-9');
	await page.getByTestId('item-name').fill('紙箱');
	await page.getByTestId('item-unit').fill('個');
	await page.locator('#item-reorder').fill('50');
	await page.locator('#item-cost').fill('12');
	await page.getByTestId('item-save').click();
	await expect(page.getByTestId('item-row-BOX-9')).toBeVisible();
	await supplierOf(page, 'SUP-A', '永豐紙業', 'YF-9');
	await supplierOf(page, 'SUP-B', '大同包材', 'DT-9');

	// A requisition from the reorder proposal, then a request for quotation from it.
	await page.goto('/purchasing/requisitions');
	await page.getByTestId('create-requisitions').click();
	await expect(page.getByTestId('open-requisitions').getByRole('row')).toHaveCount(2);
	await page.getByTestId('open-requisitions').getByRole('checkbox').first().check();
	await page.getByTestId('requisitions-rfq').click();
	await expect(page.getByTestId('rfq-status')).toHaveText('草稿');
	await expect(page.getByTestId('rfq-supplier-row')).toHaveCount(2);
	await page.getByTestId('rfq-send').click();
	await expect(page.getByTestId('rfq-status')).toHaveText('已發出');

	// SUP-A's quote typed by hand.
	await page.getByTestId('quote-supplier').selectOption({ label: 'SUP-A 永豐紙業' });
	await page.getByTestId('quote-price').fill('11.50');
	await page.getByTestId('quote-lead').fill('20');
	await page.getByTestId('quote-save').click();
	await expect(page.getByTestId('rfq-status')).toHaveText('已報價');

	// SUP-B's price list: a row for an item we never asked about is refused, nothing imported.
	await page.getByTestId('quote-supplier').selectOption({ label: 'SUP-B 大同包材' });
	await page.getByTestId('quote-import-file').setInputFiles({
		name: 'dt-prices.xlsx',
		mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		buffer: xlsx([
			['供應商料號', '單價', '交期天數'],
			['DT-9', 11.8, 3],
			['DT-77', 4, 3]
		])
	});
	const errors = page.getByTestId('quote-import-error');
	await expect(errors).toHaveCount(1);
	await expect(errors.first()).toContainText('3');
	await expect(errors.first()).toContainText('找不到料號或供應商料號為 DT-77 的品項');
	await expect(page.getByTestId('quote-import-apply')).toBeDisabled();
	await expect(page.getByTestId('rfq-supplier-row').filter({ hasText: 'SUP-B' })).toContainText(
		'等待報價'
	);

	// The corrected file imports.
	await page.getByTestId('quote-import-file').setInputFiles({
		name: 'dt-prices-2.xlsx',
		mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		buffer: xlsx([
			['供應商料號', '單價', '交期天數'],
			['DT-9', 11.8, 3]
		])
	});
	await expect(page.getByTestId('quote-import-row')).toHaveCount(1);
	await page.getByTestId('quote-import-apply').click();
	await expect(page.getByTestId('rfq-supplier-row').filter({ hasText: 'SUP-B' })).toContainText(
		'檔案匯入'
	);

	// SUP-B is a little dearer but in time; SUP-A would be late.
	await expect(page.getByTestId('rfq-offer')).toHaveCount(2);
	await expect(page.getByTestId('rfq-recommendation')).toContainText('SUP-B');
	await expect(page.getByTestId('rfq-recommendation')).toContainText('可於需求日前到貨');
	await page.screenshot({ path: 'test-results/rfq-comparison.png', fullPage: true });
	await page.getByTestId('rfq-award-SUP-B').click();
	await expect(page.getByTestId('rfq-status')).toHaveText('已決標');

	const rfqUrl = page.url();
	await page.getByTestId('rfq-po-link').getByRole('link').click();
	await expect(page.getByTestId('po-status')).toHaveText('草稿');
	await expect(page.getByTestId('po-lines')).toContainText('11.80');

	await page.goto(`${rfqUrl}/print`);
	await expect(page.getByTestId('print-sheet')).toContainText('詢價單');
	await expect(page.getByTestId('print-sheet')).toContainText('YF-9');
});

test('an XLSX price list with a bad row shows the row error and imports nothing', async ({
	page
}) => {
	await page.setViewportSize({ width: 1366, height: 800 });
	await signIn(page, freshWorkspace('prices'), 'admin', 'lin');
	await page.goto('/items');
	await page.getByTestId('item-new').click();
	await page.getByTestId('item-code').fill('BOX-9');
	await page.getByTestId('item-name').fill('紙箱');
	await page.getByTestId('item-unit').fill('個');
	await page.getByTestId('item-save').click();
	await expect(page.getByTestId('item-row-BOX-9')).toBeVisible();
	await supplierOf(page, 'SUP-A', '永豐紙業', 'YF-9');

	await page.goto('/purchasing/prices');
	const file = (rows: (string | number)[][]) => ({
		name: 'prices.xlsx',
		mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		buffer: xlsx(rows)
	});
	const header = ['供應商編號', '料號', '生效日', '數量起', '單價'];
	await page
		.getByTestId('price-import-file')
		.setInputFiles(
			file([
				header,
				['SUP-A', 'YF-9', '2026-01-01', 0, 12.5],
				['SUP-A', 'BOX-9', '2026-01-01', 500, 'abc']
			])
		);
	const errors = page.getByTestId('price-import-error');
	await expect(errors).toHaveCount(1);
	await expect(errors.first()).toContainText('3');
	await expect(errors.first()).toContainText('abc');
	await expect(page.getByTestId('price-import-apply')).toBeDisabled();
	await expect(page.getByTestId('price-list-row')).toHaveCount(0);

	await page
		.getByTestId('price-import-file')
		.setInputFiles(
			file([
				header,
				['SUP-A', 'YF-9', '2026-01-01', 0, 12.5],
				['SUP-A', 'BOX-9', '2026-01-01', 500, 11]
			])
		);
	await expect(page.getByTestId('price-import-row')).toHaveCount(2);
	await page.getByTestId('price-import-apply').click();
	// Two rows of one supplier, item and day: one entry with two breaks.
	await expect(page.getByTestId('price-list-row')).toHaveCount(1);
	await expect(page.getByTestId('price-list-row')).toContainText('≥500');
});
