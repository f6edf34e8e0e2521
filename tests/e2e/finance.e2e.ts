// Finance (issue 19): in October an admin receives 10 at NT$123 and ships 4 at NT$450 on a
// sales order; in November a finance user, in a second browser, closes October and sees the
// same numbers everywhere: stock worth 738.00 (6 × 123), margin 1,308 on 1,800, and a trial
// balance that balances with inventory at 738.00. The KPI charts render (screenshot).
import { expect, test, type Browser, type Page } from '@playwright/test';
import { createItem, createWarehouse, freshWorkspace, signIn, setRelayTime } from './support';

const OCT_20 = new Date('2026-10-20T02:00:00Z');
const NOV_3 = new Date('2026-11-03T02:00:00Z');

async function expectSynced(page: Page): Promise<void> {
	await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online', {
		timeout: 15_000
	});
}

async function deviceAt(browser: Browser, time: Date): Promise<Page> {
	const ctx = await browser.newContext({ viewport: { width: 1366, height: 800 } });
	await ctx.clock.install({ time });
	return ctx.newPage();
}

async function setUpOctober(page: Page): Promise<void> {
	await createWarehouse(page, 'TPE', '台北倉');
	await createItem(page, 'TEA-600', '紅茶 600ml', '箱');
	// A costed receipt: 10 at NT$123.
	await page.goto('/movements/new?type=receipt');
	await page.getByTestId('movement-item').fill('TEA-600');
	await page.getByTestId('movement-item').press('Enter');
	await page.getByTestId('movement-warehouse').selectOption({ label: 'TPE · 台北倉' });
	await page.getByTestId('movement-qty').fill('10');
	await page.getByTestId('movement-cost').fill('123');
	await page.getByTestId('movement-submit').click();
	await expect(page.getByTestId('toast-success')).toBeVisible();
	await page.goto('/sales/customers');
	await page.getByTestId('customer-new').click();
	await page.getByTestId('customer-code').fill('C001');
	await page.getByTestId('customer-name').fill('全聯福利中心');
	await page.getByTestId('customer-save').click();
	await expect(page.getByTestId('customer-C001')).toBeVisible();
	// A sales order of 4 at NT$450, confirmed and shipped.
	await page.goto('/sales/board');
	await page.getByTestId('order-new').click();
	await page.getByTestId('order-customer').selectOption({ label: 'C001 全聯福利中心' });
	await page.getByTestId('order-line-item').fill('TEA-600');
	await page.getByTestId('order-line-item').press('Enter');
	await page.getByTestId('order-line-qty').fill('4');
	await page.getByTestId('order-line-price').fill('450');
	await expect(page.getByTestId('order-line-atp')).toBeVisible();
	await page.getByTestId('order-save').click();
	await expect(page.getByTestId('order-save')).toBeHidden();
	await page.getByTestId('board-card').filter({ hasText: '全聯' }).click();
	await page.getByTestId('order-confirm').click();
	await expect(page.getByTestId('order-status')).toHaveText('已確認');
	await page.getByTestId('order-ship').click();
	await page.getByTestId('ship-submit').click();
	await expect(page.getByTestId('order-status')).toHaveText('已出貨');
	await expectSynced(page);
}

// The relay is the devices' time reference: it plays the same month as the browsers.
test.afterEach(async ({ baseURL }) => setRelayTime(baseURL!, null));

test('a costed receipt, a shipment and a close agree in valuation, margin and trial balance', async ({
	browser,
	baseURL
}, testInfo) => {
	// About 30 s on an idle machine; the UI set-up alone takes longer on a loaded one.
	test.setTimeout(120_000);
	const workspace = freshWorkspace('finance');
	await setRelayTime(baseURL!, OCT_20);
	const admin = await deviceAt(browser, OCT_20);
	await signIn(admin, workspace, 'admin', 'amy');
	await expectSynced(admin);
	await setUpOctober(admin);

	// November, a second browser: finance closes October.
	await setRelayTime(baseURL!, NOV_3);
	const fin = await deviceAt(browser, NOV_3);
	await signIn(fin, workspace, 'finance', 'fay');
	await expectSynced(fin);
	await fin.goto('/finance/periods');
	await expect(fin.getByTestId('period-close-card')).toHaveAttribute('data-month', '2026-10');
	await fin.getByTestId('period-close').click();
	await fin.getByTestId('period-close-confirm').click();
	await expect(fin.getByTestId('period-close-result')).toBeVisible();

	// The finance home: stock value and margin, the KPI trend charts drawn.
	await fin.goto('/finance');
	const value = fin.getByTestId('finance-kpi-value').first();
	await expect(value).toContainText('738');
	await expect(fin.getByTestId('finance-kpi-margin')).toContainText('72.7 %');
	await expect(fin.getByTestId('finance-chart-margin')).toHaveAttribute('data-ready', 'true');
	await expect(fin.getByTestId('finance-chart-onTime')).toHaveAttribute('data-ready', 'true');
	await fin.screenshot({ path: testInfo.outputPath('finance-home-1366.png'), fullPage: true });

	// Valuation, sales margin and the trial balance tell the same story.
	await fin.goto('/finance/valuation');
	await expect(fin.getByTestId('finance-table')).toContainText('TEA-600');
	await expect(fin.getByTestId('finance-figure').first()).toContainText('738');
	await expect(fin.getByTestId('finance-report-chart')).toHaveAttribute('data-ready', 'true');
	await fin.goto('/finance/sales');
	await fin.getByRole('tab', { name: '依月份' }).click();
	const october = fin.getByTestId('finance-table').locator('tr', { hasText: '10' }).first();
	await expect(october).toContainText('1,800.00');
	await expect(october).toContainText('492.00');
	await expect(october).toContainText('1,308.00');
	await fin.goto('/finance/trial-balance');
	await expect(fin.getByTestId('finance-balanced')).toHaveText('借貸平衡');
	const inventory = fin.getByTestId('finance-table').locator('tr', { hasText: '1231' });
	await expect(inventory).toContainText('738.00');
	await expect(inventory).toContainText('商品存貨');
	await inventory.getByRole('button', { name: '1231' }).click();
	await expect(fin.getByTestId('finance-ledger')).toContainText('738.00');
	await fin.screenshot({
		path: testInfo.outputPath('finance-trial-balance-1366.png'),
		fullPage: true
	});

	// Settings: renumbering 存貨 to 1230 carries October's closing balance to the new code; a
	// method change waits for the next close.
	await fin.goto('/finance/settings');
	const codeInput = fin.getByTestId('fset-account-inventory').getByTestId('fset-code');
	await expect(codeInput).toHaveValue('1231');
	await codeInput.fill('1230');
	await fin.getByTestId('fset-codes-save').click();
	await expect(fin.getByTestId('toast-success')).toBeVisible();
	await fin.getByTestId('fset-method-pick').selectOption('moving-average');
	await fin.getByTestId('fset-method-save').click();
	await expect(fin.getByTestId('fset-pending')).toHaveText('下次月結後改為：移動平均法');
	await expect(fin.getByTestId('fset-method')).toHaveText('目前採用：先進先出法（FIFO）');
	await fin.screenshot({ path: testInfo.outputPath('finance-settings-1366.png'), fullPage: true });
	await fin.setViewportSize({ width: 820, height: 1180 });
	await fin.screenshot({ path: testInfo.outputPath('finance-settings-820.png'), fullPage: true });
	// The relay has the new codes before the page is reloaded (a reload right after a save may
	// leave the device's own copy behind; the relay's brings it back).
	await expect(fin.getByTestId('pending-count')).toHaveAttribute('data-count', '0', {
		timeout: 15_000
	});
	await fin.goto('/finance/trial-balance');
	const renumbered = fin.getByTestId('finance-table').locator('tr', { hasText: '1230' });
	await expect(renumbered).toContainText('738.00', { timeout: 20_000 });
	await expect(fin.getByTestId('finance-table').locator('tr', { hasText: '1231' })).toHaveCount(0);
	await expect(fin.getByTestId('finance-balanced')).toHaveText('借貸平衡');
});
