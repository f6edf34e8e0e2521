// Transfers between warehouses (issue 6): one clerk dispatches from TY, the goods show in
// transit (not on hand at either warehouse); a second clerk on another device sees it in
// transit, receives at TC with a shortage (bin set by a wedge scan), and writes the rest off.
// Stock at TY, TC and in transit is checked on the stock overview at every step.
import { expect, test, type Page } from '@playwright/test';
import { freshWorkspace, signIn } from './support';

async function expectSynced(page: Page): Promise<void> {
	await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online', {
		timeout: 15_000
	});
}

async function createWarehouse(page: Page, code: string, name: string, bin: string) {
	await page.goto('/warehouses');
	await page.getByTestId('warehouse-new').click();
	await page.getByTestId('warehouse-code').fill(code);
	await page.getByTestId('warehouse-name').fill(name);
	await page.getByTestId('warehouse-save').click();
	await page.getByTestId(`warehouse-${code}`).click();
	await page.getByTestId('location-new').click();
	await page.getByTestId('location-code').fill(bin);
	await page.getByTestId('location-save').click();
	await expect(page.getByTestId(`location-${bin}`)).toBeVisible();
}

/** A scanner burst, dispatched in one task so the keystrokes are microseconds apart. */
async function burstScan(page: Page, code: string): Promise<void> {
	await page.evaluate((text) => {
		const target = document.activeElement ?? document.body;
		for (const key of [...text, 'Enter'])
			target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
	}, code);
}

/** Stock overview: on hand at TY and TC, total on hand, and in transit ('' when no column). */
async function expectStock(
	page: Page,
	want: { ty: string; tc: string; onHand: string; transit: string | null }
) {
	await page.goto('/stock');
	await expect(page.getByTestId('qty-TEA-1-TY')).toHaveText(want.ty);
	await expect(page.getByTestId('qty-TEA-1-TC')).toHaveText(want.tc);
	await expect(page.getByTestId('onhand-TEA-1')).toHaveText(want.onHand);
	if (want.transit === null) await expect(page.getByTestId('transit-TEA-1')).toHaveCount(0);
	else await expect(page.getByTestId('transit-TEA-1')).toHaveText(want.transit);
}

test('dispatch, in transit on another device, receive short, write off', async ({
	browser
}, testInfo) => {
	const workspace = freshWorkspace('transfer');
	const sender = await (await browser.newContext()).newPage();
	const receiver = await (await browser.newContext()).newPage();

	await signIn(sender, workspace, 'warehouse', 'wang');
	await expectSynced(sender);
	await createWarehouse(sender, 'TY', '桃園總倉', 'A-01');
	await createWarehouse(sender, 'TC', '台中倉', 'B-01');
	await sender.goto('/items');
	await sender.getByTestId('item-new').click();
	await sender.getByTestId('item-code').fill('TEA-1');
	await sender.getByTestId('item-name').fill('紅茶');
	await sender.getByTestId('item-unit').fill('箱');
	await sender.getByTestId('item-save').click();
	await expect(sender.getByTestId('item-row-TEA-1')).toBeVisible();
	await sender.goto('/movements/new?type=receipt');
	await sender.getByTestId('movement-item').fill('TEA-1');
	await sender.getByTestId('movement-item').press('Enter');
	await sender.getByTestId('movement-warehouse').selectOption({ label: 'TY · 桃園總倉' });
	await sender.getByTestId('movement-location').selectOption({ label: 'A-01' });
	await sender.getByTestId('movement-qty').fill('10');
	await sender.getByTestId('movement-zero-cost').check(); // no standard cost: confirmed
	await sender.getByTestId('movement-submit').click();
	await expect(sender.getByTestId('toast-success')).toBeVisible();
	await expectStock(sender, { ty: '10', tc: '–', onHand: '10', transit: null });

	// Create and dispatch TY → TC.
	await sender.goto('/warehouse/transfers');
	await sender.getByTestId('transfer-new').click();
	await sender.getByTestId('transfer-from').selectOption({ label: 'TY 桃園總倉' });
	await sender.getByTestId('transfer-to').selectOption({ label: 'TC 台中倉' });
	await sender.getByTestId('transfer-item').fill('TEA-1');
	await sender.getByTestId('transfer-item').press('Enter');
	await sender.getByTestId('transfer-qty').fill('10');
	await sender.getByTestId('transfer-add-line').click();
	await expect(sender.getByTestId('transfer-draft-line')).toHaveCount(1);
	await sender.getByTestId('transfer-create').click();
	await expect(sender.getByTestId('transfer-status')).toHaveAttribute('data-status', 'draft');
	await sender.getByTestId('transfer-from-bin').selectOption({ label: 'A-01' });
	await sender.getByTestId('transfer-dispatch').click();
	await expect(sender.getByTestId('transfer-status')).toHaveAttribute('data-status', 'in-transit');
	await expectStock(sender, { ty: '0', tc: '–', onHand: '0', transit: '10' });
	await expectSynced(sender);

	// The destination sees it in transit and receives 7 of 10 into the scanned bin.
	await signIn(receiver, workspace, 'warehouse', 'lin');
	await receiver.goto('/warehouse/transfers');
	const row = receiver.getByTestId('transfer-row');
	await expect(row.getByTestId('transfer-status')).toHaveAttribute('data-status', 'in-transit');
	await expect(row.getByTestId('transfer-in-transit')).toHaveText('10');
	await expectStock(receiver, { ty: '0', tc: '–', onHand: '0', transit: '10' });
	await receiver.goto('/warehouse/transfers');
	await receiver.getByTestId('transfer-row').getByRole('link').click();
	await expect(receiver.getByTestId('transfer-receive-form')).toBeVisible();
	await receiver.setViewportSize({ width: 800, height: 1280 });
	await receiver.screenshot({ path: testInfo.outputPath('transfer-receive-800.png') });
	// A wedge scan while the quantity field has focus: the bin is taken, the field untouched.
	await receiver.getByTestId('transfer-received-TEA-1').focus();
	await burstScan(receiver, 'B-01');
	await expect(receiver.getByTestId('transfer-message')).toContainText('B-01');
	await expect(receiver.getByTestId('transfer-to-bin')).toHaveValue(/.+/);
	await receiver.getByTestId('transfer-received-TEA-1').fill('7');
	await receiver.getByTestId('transfer-receive').click();
	await expect(receiver.getByTestId('transfer-status')).toHaveAttribute(
		'data-status',
		'received-with-discrepancy'
	);
	await expect(receiver.getByTestId('line-in-transit')).toHaveText('3');
	const detailUrl = receiver.url();
	// Screenshots of both pages on a laptop and a portrait tablet (test-results, for review).
	for (const [w, h] of [
		[1366, 768],
		[800, 1280]
	] as const) {
		await receiver.setViewportSize({ width: w, height: h });
		await receiver.screenshot({
			path: testInfo.outputPath(`transfer-detail-${w}.png`),
			fullPage: true
		});
		await receiver.goto('/warehouse/transfers');
		await expect(receiver.getByTestId('transfer-row')).toHaveCount(1);
		await receiver.screenshot({ path: testInfo.outputPath(`transfers-${w}.png`), fullPage: true });
		await receiver.goto(detailUrl);
		await expect(receiver.getByTestId('transfer-resolve-form')).toBeVisible();
	}
	await expectStock(receiver, { ty: '0', tc: '7', onHand: '7', transit: '3' });

	// The missing 3 are written off with a reason: nothing left in transit.
	await receiver.goto(detailUrl);
	await receiver.getByTestId('resolve-write-off').check();
	await receiver.getByTestId('resolve-qty').fill('3');
	await receiver.getByTestId('resolve-note').fill('運送途中破損');
	await receiver.getByTestId('resolve-submit').click();
	await expect(receiver.getByTestId('transfer-status')).toHaveAttribute('data-status', 'closed');
	await expectStock(receiver, { ty: '0', tc: '7', onHand: '7', transit: null });
	await expectSynced(receiver);

	// And the sender's device agrees.
	await sender.goto('/warehouse/transfers');
	await expect(sender.getByTestId('transfer-row').getByTestId('transfer-status')).toHaveAttribute(
		'data-status',
		'closed'
	);
	await expectStock(sender, { ty: '0', tc: '7', onHand: '7', transit: null });
});
