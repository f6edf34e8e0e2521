// Warehouse floor (issue 6): a keyboard-wedge scan flow on the count sheet, an offline count
// while another device issues stock online (the adjustment uses the book at the count's
// stamp), and the label page rendered and screenshotted.
import { expect, test, type Page } from '@playwright/test';
import { freshWorkspace, signIn, fillZeroCostReceipt } from './support';

async function expectSynced(page: Page): Promise<void> {
	await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online', {
		timeout: 15_000
	});
}

async function setUp(page: Page, items: [string, string][]): Promise<void> {
	await page.goto('/warehouses');
	await page.getByTestId('warehouse-new').click();
	await page.getByTestId('warehouse-code').fill('TY');
	await page.getByTestId('warehouse-name').fill('桃園總倉');
	await page.getByTestId('warehouse-save').click();
	await page.getByTestId('warehouse-TY').click();
	for (const code of ['A-01', 'A-02']) {
		await page.getByTestId('location-new').click();
		await page.getByTestId('location-code').fill(code);
		await page.getByTestId('location-save').click();
		await expect(page.getByTestId(`location-${code}`)).toBeVisible();
	}
	for (const [code, name] of items) {
		await page.goto('/items');
		await page.getByTestId('item-new').click();
		await page.getByTestId('item-code').fill(code);
		await page.getByTestId('item-name').fill(name);
		await page.getByTestId('item-unit').fill('箱');
		await page.getByTestId('item-save').click();
		await expect(page.getByTestId(`item-row-${code}`)).toBeVisible();
	}
}

async function receive(page: Page, code: string, bin: string, qty: number): Promise<void> {
	await page.goto('/movements/new?type=receipt');
	await fillZeroCostReceipt(page, { item: code, location: bin, qty }); // no standard cost: confirmed
	await page.getByTestId('movement-submit').click();
	await expect(page.getByTestId('toast-success')).toBeVisible();
}

/** A keyboard-wedge scanner: the whole code typed in one burst, then Enter. */
async function wedgeScan(page: Page, code: string): Promise<void> {
	await page.keyboard.type(code);
	await page.keyboard.press('Enter');
}

/**
 * A scanner burst into whatever has focus, dispatched in one task so the keystrokes are
 * microseconds apart whatever the machine's load (keyboard.type can be slowed past the
 * detector's 40 ms gap on a busy machine).
 */
async function burstScan(page: Page, code: string): Promise<void> {
	await page.evaluate((text) => {
		const target = document.activeElement ?? document.body;
		for (const key of [...text, 'Enter'])
			target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
	}, code);
}

async function openCount(page: Page): Promise<void> {
	await page.goto('/warehouse/stocktakes');
	await page.getByTestId('count-new').click();
	await page.getByTestId('count-create').click();
	await expect(page.getByTestId('count-scan')).toBeFocused();
}

test('count sheet: scan bin, scan item, type the quantity, approve', async ({ page }) => {
	const workspace = freshWorkspace('count');
	await signIn(page, workspace, 'admin', 'chen');
	await setUp(page, [['TEA-1', '紅茶']]);
	await receive(page, 'TEA-1', 'A-01', 10);

	await openCount(page);
	await wedgeScan(page, 'A-02');
	await expect(page.getByTestId('count-current')).toContainText('A-02');
	await wedgeScan(page, 'A-01');
	await expect(page.getByTestId('count-current')).toContainText('A-01');
	await wedgeScan(page, 'TEA-1');
	await expect(page.getByTestId('count-current')).toContainText('TEA-1');
	await expect(page.getByTestId('count-qty')).toBeFocused();
	// A scan while the cursor is in the quantity field is a scan (the item), not a quantity.
	await page.getByTestId('count-qty').fill('');
	await burstScan(page, 'A-02');
	await expect(page.getByTestId('count-current')).toContainText('A-02');
	await expect(page.getByTestId('count-qty')).toHaveValue('');
	await burstScan(page, 'A-01');
	await expect(page.getByTestId('count-current')).toContainText('A-01');
	await page.getByTestId('count-qty').fill('9');
	await page.getByTestId('count-qty').press('Enter');
	await expect(page.getByTestId('count-sheet-counted')).toHaveText('9');
	await expect(page.getByTestId('count-scan')).toBeFocused();

	await page.getByTestId('count-submit').click();
	await expect(page.getByTestId('count-review-delta')).toHaveText('-1');
	await page.getByTestId('count-approve').click();
	await expect(page.getByTestId('count-status')).toHaveAttribute('data-status', 'approved');
	await page.goto('/stock');
	await expect(page.getByTestId('onhand-TEA-1')).toHaveText('9');
});

test('an offline count and a concurrent online issue: the adjustment uses the book at the count', async ({
	browser
}) => {
	const workspace = freshWorkspace('offcount');
	const counterCtx = await browser.newContext();
	const clerkCtx = await browser.newContext();
	const counter = await counterCtx.newPage();
	const clerk = await clerkCtx.newPage();
	await signIn(counter, workspace, 'admin', 'chen');
	await expectSynced(counter);
	await setUp(counter, [['RICE-5', '白米 5kg']]);
	await receive(counter, 'RICE-5', 'A-01', 50);
	await signIn(clerk, workspace, 'warehouse', 'wang');
	await expectSynced(clerk);
	await openCount(counter);
	await expectSynced(counter);

	// The counter's tablet loses the network and counts the shelf: 50.
	await counterCtx.setOffline(true);
	await expect(counter.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline');
	await wedgeScan(counter, 'A-01');
	await wedgeScan(counter, 'RICE-5');
	await counter.getByTestId('count-qty').fill('50');
	await counter.getByTestId('count-qty').press('Enter');
	await expect(counter.getByTestId('count-sheet-counted')).toHaveText('50');

	// Meanwhile, online, the clerk ships 20 from the same bin.
	await clerk.goto('/movements/new?type=issue');
	await clerk.getByTestId('movement-item').fill('RICE-5');
	await clerk.getByTestId('movement-item').press('Enter');
	await clerk.getByTestId('movement-location').selectOption({ label: 'A-01' });
	await clerk.getByTestId('movement-qty').fill('20');
	await clerk.getByTestId('movement-submit').click();
	await expect(clerk.getByTestId('toast-success')).toBeVisible();

	// Back online: both changes merge. The book at the count's stamp was 50, so nothing posts.
	await counterCtx.setOffline(false);
	await expectSynced(counter);
	await counter.goto('/stock');
	await expect(counter.getByTestId('onhand-RICE-5')).toHaveText('30', { timeout: 15_000 });
	await counter.goBack();
	await counter.getByTestId('count-submit').click();
	await expect(counter.getByTestId('count-review-book')).toHaveText('50');
	await expect(counter.getByTestId('count-review-delta')).toHaveText('0');
	await counter.getByTestId('count-approve').click();
	await expect(counter.getByTestId('count-status')).toHaveAttribute('data-status', 'approved');
	await clerk.goto('/stock');
	await expect(clerk.getByTestId('onhand-RICE-5')).toHaveText('30');
	await counter.goto('/stock');
	await expect(counter.getByTestId('onhand-RICE-5')).toHaveText('30');

	await counterCtx.close();
	await clerkCtx.close();
});

test('labels: bins and items print as barcodes on an A4 sheet', async ({ page }) => {
	const workspace = freshWorkspace('labels');
	await page.setViewportSize({ width: 1366, height: 768 });
	await signIn(page, workspace, 'admin', 'chen');
	await setUp(page, [
		['TEA-1', '古早味紅茶'],
		['RICE-5', '白米 5kg']
	]);
	await page.goto('/warehouse/labels?kind=location&all=1');
	await expect(page.getByTestId('label')).toHaveCount(2);
	await page.getByTestId('labels-kind-item').click();
	await page.getByTestId('labels-all').click();
	await page.getByTestId('labels-size').selectOption('a4-3x8');
	await expect(page.getByTestId('label')).toHaveCount(2);
	const images = page.getByTestId('label-barcode');
	await expect(images).toHaveCount(2);
	// The barcode images decoded and laid out (bwip-js drew them).
	await expect
		.poll(() =>
			images.first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)
		)
		.toBeGreaterThan(0);
	await page.screenshot({ path: 'docs/screenshots/labels.png' });
});
