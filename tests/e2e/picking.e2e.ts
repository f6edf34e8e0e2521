// Warehouse pick queue (issue 14, point 12) and selling prices (point 9), as people do it: the
// owner prices an item, a wholesale customer's order line starts at the list price less the
// level's discount, the warehouse (which may not create sales orders) finds the confirmed order
// in its queue, prints the pick list, picks by scanning bins and the item in walking order and
// ships exactly what it picked; history names the bins, the order number and the device.
import { expect, test, type Page } from '@playwright/test';
import {
	createItem,
	createWarehouse,
	freshWorkspace,
	signIn,
	fillZeroCostReceipt
} from './support';

async function expectSynced(page: Page): Promise<void> {
	await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online', {
		timeout: 15_000
	});
}

async function receive(page: Page, bin: string, qty: number): Promise<void> {
	await page.goto('/movements/new?type=receipt');
	await fillZeroCostReceipt(page, { item: 'TEA-600', location: bin, qty });
	await page.getByTestId('movement-submit').click();
	await expect(page.getByTestId('toast-success')).toBeVisible();
}

async function scan(page: Page, code: string): Promise<string> {
	await page.getByTestId('pick-scan').fill(code);
	await page.getByTestId('pick-scan').press('Enter');
	return (await page.getByTestId('pick-message').innerText()).trim();
}

test('a confirmed order is picked by scan from the warehouse queue and ships what was picked', async ({
	browser
}) => {
	const workspace = freshWorkspace('pick');
	const owner = await (await browser.newContext()).newPage();
	await signIn(owner, workspace, 'admin', 'chen');
	await expectSynced(owner);

	// Company: one warehouse with two bins, one item with a selling price, a wholesale customer.
	await createWarehouse(owner, 'TPE', '台北倉');
	await owner.getByTestId('warehouse-TPE').click();
	for (const code of ['A-01', 'A-02']) {
		await owner.getByTestId('location-new').click();
		await owner.getByTestId('location-code').fill(code);
		await owner.getByTestId('location-save').click();
		await expect(owner.getByTestId(`location-${code}`)).toBeVisible();
	}
	await createItem(owner, 'TEA-600', '紅茶 600ml', '箱');
	await owner.getByTestId('item-row-TEA-600').click();
	await owner.getByTestId('item-price').fill('450');
	await owner.getByTestId('item-save').click();
	await expect(owner.getByTestId('toast-success')).toBeVisible();
	// 4 into A-02 first, then 6 into A-01: both unlotted, so the walk decides (A-01 first).
	await receive(owner, 'A-02', 4);
	await receive(owner, 'A-01', 6);
	await owner.goto('/sales/customers');
	await owner.getByTestId('customer-new').click();
	await owner.getByTestId('customer-code').fill('C001');
	await owner.getByTestId('customer-name').fill('全聯福利中心');
	await owner.locator('#cu-level').selectOption('wholesale');
	await owner.getByTestId('customer-save').click();
	await expect(owner.getByTestId('customer-C001')).toBeVisible();

	// The order line starts at the list price with the wholesale discount; no price typed.
	await owner.goto('/sales/board');
	await owner.getByTestId('order-new').click();
	await owner.getByTestId('order-customer').selectOption({ label: 'C001 全聯福利中心' });
	await owner.getByTestId('order-line-item').fill('TEA-600');
	await owner.getByTestId('order-line-item').press('Enter');
	await expect(owner.getByTestId('order-line-price')).toHaveValue(/^450(\.00)?$/);
	await expect(owner.getByTestId('order-line-discount')).toHaveValue('10');
	await owner.getByTestId('order-line-qty').fill('8');
	await owner.getByTestId('order-save').click();
	await expect(owner.getByTestId('order-save')).toBeHidden();
	// 8 × 450 less 10 % = 3,240 + 5 % tax = 3,402.
	const card = owner.getByTestId('board-card').filter({ hasText: '全聯福利中心' });
	await expect(card).toContainText('NT$3,402.00');
	await card.click();
	await owner.getByTestId('order-confirm').click();
	await expect(owner.getByTestId('order-ship')).toBeVisible();

	// The warehouse: no "new order" on the board, the order waits in its pick queue.
	const clerk = await (await browser.newContext()).newPage();
	await signIn(clerk, workspace, 'warehouse', 'kim');
	await expectSynced(clerk);
	await clerk.goto('/warehouse/picking');
	const row = clerk.getByTestId('pickq-row');
	// A new device first receives the company's docs (slow on a loaded machine).
	await expect(row).toHaveCount(1, { timeout: 30_000 });
	await expect(row).toContainText('TEA-600 × 8');
	const number = await row.getAttribute('data-number');
	expect(number).toMatch(/^SO-/);

	// The printable list walks A-01 then A-02.
	await row.getByTestId('pickq-print').click();
	await expect(clerk.getByTestId('print-sheet')).toContainText(number!);
	const printed = clerk.getByTestId('print-pick-rows').locator('tbody tr');
	await expect(printed).toHaveCount(2);
	await expect(printed.nth(0)).toContainText('A-01');
	await expect(printed.nth(0)).toContainText('6');
	await expect(printed.nth(1)).toContainText('A-02');

	// Picking by scan: bin, item; the item again before its next bin is sent to that bin.
	await clerk.goto('/warehouse/picking');
	await row.getByTestId('pickq-open').click();
	await expect(clerk.getByTestId('pick-row')).toHaveCount(2);
	expect(await scan(clerk, 'A-01')).toContain('A-01');
	expect(await scan(clerk, 'TEA-600')).toContain('TEA-600');
	expect(await scan(clerk, 'TEA-600')).toContain('A-02');
	await expect(clerk.getByTestId('pick-progress')).toContainText('1 / 2');
	// The tablet reloads the page mid-pick: the sheet and what was picked on it come back.
	await clerk.reload();
	await expect(clerk.getByTestId('pick-row')).toHaveCount(2);
	await expect(clerk.getByTestId('pick-progress')).toContainText('1 / 2');
	await scan(clerk, 'A-02');
	await scan(clerk, 'TEA-600');
	await expect(clerk.getByTestId('pick-progress')).toContainText('2 / 2');
	await clerk.getByTestId('pick-ship').click();
	await expect(clerk.getByTestId('toast-success')).toContainText(number!);

	// The board offers the warehouse no new order (it may not create one).
	await clerk.goto('/sales/board');
	await expect(clerk.getByTestId('board-card').first()).toBeVisible({ timeout: 30_000 });
	await expect(clerk.getByTestId('order-new')).toHaveCount(0);

	// The queue is empty; history shows the two issues from the picked bins with the order's
	// number and a device name, never a device id.
	await clerk.goto('/warehouse/picking');
	await expect(clerk.getByTestId('pickq-row')).toHaveCount(0);
	await clerk.goto('/movements');
	const issues = clerk.getByTestId('movement-row').filter({ hasText: number! });
	await expect(issues).toHaveCount(2);
	await expect(issues.filter({ hasText: 'A-01' })).toContainText('-6');
	await expect(issues.filter({ hasText: 'A-02' })).toContainText('-2');
	await expect(issues.first().getByTestId('movement-device')).toContainText('·');
});
