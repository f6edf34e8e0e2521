// Purchasing (issue 17): a buyer sets up a supplier, turns reorder proposals into
// requisitions and a draft PO, approves and sends it and opens the printable PO; a warehouse
// clerk on a tablet (820×1180) receives part of it with one line partly rejected; the buyer's
// browser sees the PO move to partially received, the rejected goods in quarantine and the
// stock on the overview, live.
import { expect, test, type Page } from '@playwright/test';
import { freshWorkspace, signIn } from './support';

async function expectSynced(page: Page): Promise<void> {
	await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online', {
		timeout: 15_000
	});
}

async function createItem(
	page: Page,
	code: string,
	name: string,
	unit: string,
	reorder: string,
	cost: string
) {
	await page.goto('/items');
	await page.getByTestId('item-new').click();
	await page.getByTestId('item-code').fill(code);
	await page.getByTestId('item-name').fill(name);
	await page.getByTestId('item-unit').fill(unit);
	await page.locator('#item-reorder').fill(reorder);
	// The standard cost prices the PO lines (no price list in this test).
	await page.locator('#item-cost').fill(cost);
	await page.getByTestId('item-save').click();
	await expect(page.getByTestId(`item-row-${code}`)).toBeVisible();
}

test('requisition → draft PO → approve → partial receipt with a rejection on a tablet → seen live', async ({
	browser
}, testInfo) => {
	const workspace = freshWorkspace('purchasing');
	const buyer = await (
		await browser.newContext({ viewport: { width: 1366, height: 800 } })
	).newPage();
	await signIn(buyer, workspace, 'admin', 'lin');
	await expectSynced(buyer);

	// A warehouse with a bin, two items with reorder points.
	await buyer.goto('/warehouses');
	await buyer.getByTestId('warehouse-new').click();
	await buyer.getByTestId('warehouse-code').fill('TY');
	await buyer.getByTestId('warehouse-name').fill('桃園總倉');
	await buyer.getByTestId('warehouse-save').click();
	await buyer.getByTestId('warehouse-TY').click();
	await buyer.getByTestId('location-new').click();
	await buyer.getByTestId('location-code').fill('A-01');
	await buyer.getByTestId('location-save').click();
	await expect(buyer.getByTestId('location-A-01')).toBeVisible();
	await createItem(buyer, 'BOX-1', '紙箱', '個', '50', '12.50');
	await createItem(buyer, 'TAPE-1', '膠帶', '捲', '10', '30');

	// The supplier and the items it supplies.
	await buyer.goto('/purchasing/suppliers');
	await buyer.getByTestId('supplier-new').click();
	await buyer.getByTestId('supplier-code').fill('SUP-1');
	await buyer.getByTestId('supplier-name').fill('永豐紙業');
	await buyer.getByTestId('supplier-save').click();
	await expect(buyer.getByTestId('supplier-SUP-1')).toBeVisible();
	await buyer.goto('/purchasing/suppliers');
	await buyer.getByTestId('supplier-SUP-1').getByRole('link').click();
	for (const label of ['BOX-1 紙箱', 'TAPE-1 膠帶']) {
		await buyer.locator('#ti-item').selectOption({ label });
		await buyer.locator('#ti-lead').fill('5');
		await buyer.getByRole('button', { name: '儲存供應條件' }).click();
		await expect(buyer.getByRole('cell', { name: label })).toBeVisible();
	}

	// Proposals → requisitions → one draft PO.
	await buyer.goto('/purchasing/requisitions');
	await expect(buyer.getByTestId('proposal-BOX-1')).toBeVisible();
	await expect(buyer.getByTestId('proposal-TAPE-1')).toBeVisible();
	await buyer.getByTestId('create-requisitions').click();
	await expect(buyer.getByTestId('open-requisitions').getByRole('row')).toHaveCount(3);
	await buyer.getByTestId('convert-requisitions').click();
	await buyer.getByTestId('new-po-link').click();
	await expect(buyer.getByTestId('po-status')).toHaveText('草稿');
	await buyer.getByTestId('po-approve').click();
	await expect(buyer.getByTestId('po-status')).toHaveText('已核准');
	await buyer.getByTestId('po-send').click();
	await expect(buyer.getByTestId('po-status')).toHaveText('已發出');
	const poNumber = (await buyer.getByTestId('po-number').textContent()) ?? '';
	const poUrl = buyer.url();

	await buyer.getByTestId('po-print').click();
	await expect(buyer.getByTestId('print-sheet')).toContainText(poNumber);
	await expect(buyer.getByTestId('print-sheet')).toContainText('永豐紙業');
	await buyer.goto(poUrl);

	// The warehouse tablet receives part of it: TAPE-1 has 4 rejected as damaged.
	const tablet = await (
		await browser.newContext({ viewport: { width: 820, height: 1180 } })
	).newPage();
	await signIn(tablet, workspace, 'warehouse', 'wang');
	await expectSynced(tablet);
	await tablet.goto(`${poUrl}/receive`);
	const box = tablet.getByTestId('receive-line-BOX-1');
	const tape = tablet.getByTestId('receive-line-TAPE-1');
	await box.getByTestId('accepted-input').fill('30');
	await tape.getByTestId('accepted-input').fill('6');
	await tape.getByTestId('rejected-input').fill('4');
	await tape.getByTestId('reject-reason').selectOption('damaged');
	await tablet.getByTestId('receive-submit').click();
	await expect(tablet.getByTestId('toast-success')).toBeVisible();
	await testInfo.attach('tablet-receiving', {
		body: await tablet.screenshot(),
		contentType: 'image/png'
	});

	// The buyer's browser, untouched since, shows the receipt and the quarantine live.
	await expect(buyer.getByTestId('po-status')).toHaveText('部分到貨', { timeout: 15_000 });
	const lines = buyer.getByTestId('po-lines');
	await expect(
		lines.getByRole('row').filter({ hasText: 'TAPE-1' }).getByTestId('quarantined')
	).toHaveText('4');
	await expect(
		lines.getByRole('row').filter({ hasText: 'BOX-1' }).getByTestId('accepted')
	).toHaveText('30');
	// The shared board's purchasing lane: the PO with goods still to come, and the buyer on it.
	await tablet.goto('/sales/board');
	await tablet.getByTestId('board-show-incoming').check();
	const poCard = tablet.getByTestId('incoming-card').filter({ hasText: poNumber });
	await expect(poCard).toBeVisible();
	await expect(poCard.locator('[title="lin"]')).toBeVisible({ timeout: 10_000 });
	await testInfo.attach('board-incoming-lane', {
		body: await tablet.screenshot(),
		contentType: 'image/png'
	});
	await buyer.goto('/stock');
	await expect(buyer.getByTestId('qty-BOX-1-TY')).toHaveText('30');
	// 6 accepted in A-01 and 4 in the quarantine bin, both in TY.
	await expect(buyer.getByTestId('qty-TAPE-1-TY')).toHaveText('10');
	// The scorecard counts the inspection: 36 of 40 delivered passed.
	await buyer.goto('/purchasing');
	await expect(buyer.getByTestId('scorecard-SUP-1').getByTestId('scorecard-quality')).toHaveText(
		'90 %'
	);

	// Landed costs (issue 19): freight of 111.00 by value over the accepted goods — BOX 30 × 12.50
	// = 375.00 and TAPE 6 × 30.00 = 180.00 — is 75.00 and 36.00, so a box now costs 15.00 and a
	// roll 36.00; the 4 rejected rolls in quarantine take none.
	await buyer.goto(poUrl);
	const landed = buyer.getByTestId('landed-costs');
	// A typo first (1,110.00): it is voided with a reason, never edited, and counts for nothing.
	await landed.getByTestId('landed-amount').fill('1110');
	await landed.getByTestId('landed-add').click();
	await expect(landed.getByTestId('landed-charged')).toHaveText(['750.00', '360.00']);
	await landed.getByTestId('landed-charge').getByRole('button', { name: '作廢' }).click();
	await landed.getByTestId('landed-void-reason').fill('多打一個 0');
	await landed.getByTestId('landed-void-confirm').click();
	await expect(landed.getByTestId('landed-charge')).toContainText('已作廢：多打一個 0');
	await expect(landed.getByTestId('landed-charged')).toHaveText(['0.00', '0.00']);
	await landed.getByTestId('landed-amount').fill('111');
	await expect(landed.getByTestId('landed-preview')).toHaveText(['75.00', '36.00']);
	await landed.getByTestId('landed-add').click();
	await expect(landed.getByTestId('landed-charge')).toHaveCount(2);
	await expect(landed.getByTestId('landed-charged')).toHaveText(['75.00', '36.00']);
	await expect(landed.getByTestId('landed-unit-cost')).toHaveText(['15.00', '36.00']);
	await landed.scrollIntoViewIfNeeded();
	await testInfo.attach('landed-costs-1366', {
		body: await buyer.screenshot(),
		contentType: 'image/png'
	});
	// The clerk's tablet sees the charge live (read only) …
	await tablet.goto(poUrl);
	await expect(tablet.getByTestId('landed-unit-cost')).toHaveText(['15.00', '36.00'], {
		timeout: 15_000
	});
	await expect(tablet.getByTestId('landed-add')).toHaveCount(0);
	await tablet.getByTestId('landed-costs').scrollIntoViewIfNeeded();
	await testInfo.attach('landed-costs-820', {
		body: await tablet.screenshot(),
		contentType: 'image/png'
	});
	// … and the stock is worth it: 30 boxes 450.00 (375 + 75).
	await buyer.goto('/finance/valuation');
	await expect(
		buyer.getByTestId('finance-table').getByRole('row').filter({ hasText: 'BOX-1' }).first()
	).toContainText('450', { timeout: 20_000 });
});
