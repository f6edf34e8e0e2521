// Accessibility (issue 14, point 14): axe-core on the main page of each department, over a
// little data made through the UI, finds no serious or critical violation. A failure lists
// every page's violations at once, so one run shows the whole picture.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { freshWorkspace, signIn, fillZeroCostReceipt } from './support';

/** A warehouse with two bins, an item with stock and a customer: every list has a row. */
async function setUp(page: Page): Promise<void> {
	await page.goto('/warehouses');
	await page.getByTestId('warehouse-new').click();
	await page.getByTestId('warehouse-code').fill('TY');
	await page.getByTestId('warehouse-name').fill('桃園總倉');
	await page.getByTestId('warehouse-save').click();
	await page.getByTestId('warehouse-TY').click();
	for (const code of ['A-02', 'A-01']) {
		await page.getByTestId('location-new').click();
		await page.getByTestId('location-code').fill(code);
		await page.getByTestId('location-save').click();
		await expect(page.getByTestId(`location-${code}`)).toBeVisible();
	}

	await page.goto('/items');
	await page.getByTestId('item-new').click();
	await page.getByTestId('item-code').fill('TEA-1');
	await page.getByTestId('item-name').fill('紅茶');
	await page.getByTestId('item-unit').fill('箱');
	await page.getByTestId('item-save').click();
	await expect(page.getByTestId('item-row-TEA-1')).toBeVisible();

	await page.goto('/movements/new?type=receipt');
	await fillZeroCostReceipt(page, { item: 'TEA-1', location: 'A-01', qty: 10 });
	await page.getByTestId('movement-submit').click();
	await expect(page.getByTestId('toast-success')).toBeVisible();

	await page.goto('/sales/customers');
	await page.getByTestId('customer-new').click();
	await page.getByTestId('customer-code').fill('C001');
	await page.getByTestId('customer-name').fill('全聯福利中心');
	await page.getByTestId('customer-save').click();
	await expect(page.getByTestId('customer-C001')).toBeVisible();
}

const PAGES = [
	'/dept/warehouse',
	'/stock',
	'/items',
	'/warehouses',
	'/movements',
	'/movements/new?type=receipt',
	'/warehouse/alerts',
	'/warehouse/stocktakes',
	'/warehouse/transfers',
	'/warehouse/labels',
	'/dept/sales',
	'/sales/board',
	'/sales/customers',
	'/purchasing',
	'/finance/periods'
];

/** "page: rule-id (impact) ×count — first target" for each serious or critical violation. */
async function seriousViolations(page: Page, path: string): Promise<string[]> {
	await page.goto(path);
	await expect(page.locator('main h1').first()).toBeVisible();
	// Let the workspace's lists fill in and transitions end before axe reads colours.
	await page.waitForLoadState('networkidle');
	await page.waitForTimeout(500);
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
		.analyze();
	return results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map(
			(v) =>
				`${path}: ${v.id} (${v.impact}) ×${v.nodes.length} — ${v.nodes
					.slice(0, 3)
					.map((n) => n.target.join(' '))
					.join(' | ')}`
		);
}

test('no serious or critical axe violation on the main pages', async ({ page }) => {
	test.setTimeout(300_000);
	await signIn(page, freshWorkspace('a11y'), 'admin', 'chen');
	await setUp(page);

	const found: string[] = [];
	for (const path of PAGES) found.push(...(await seriousViolations(page, path)));
	expect(found, found.join('\n')).toEqual([]);
});

test('the user menu closes on Escape and on a click outside it', async ({ page }) => {
	await signIn(page, freshWorkspace('a11y-menu'), 'admin', 'chen');
	const button = page.getByTestId('user-menu');
	await button.click();
	await expect(page.getByTestId('sign-out')).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(page.getByTestId('sign-out')).toBeHidden();
	await expect(button).toBeFocused();

	await button.click();
	await expect(page.getByTestId('sign-out')).toBeVisible();
	await page.locator('main h1').first().click();
	await expect(page.getByTestId('sign-out')).toBeHidden();
});
