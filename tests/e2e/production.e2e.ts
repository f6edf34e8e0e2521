// Production (issue 18): an admin sets up a table made of a top and four legs through the BOM
// form (a cycle is refused in words), stocks the materials; a production planner asks when 5
// tables could be delivered (promise with reasons, rush preview); a sales rep enters the big
// order, sees the same promise in the order form and accepts it (a confirmed order for the
// promised date); the planner's plan now carries it, and one action
// converts the planned work order and the legs' requisition, the planner releases the order,
// reports progress on a tablet viewport and completes it; the finished tables are in stock and
// the MRP requisition for the short legs shows, live, in a buyer's browser.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { createWarehouse, freshWorkspace, signIn } from './support';

async function expectSynced(page: Page): Promise<void> {
	await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online', {
		timeout: 15_000
	});
}

async function createItem(page: Page, code: string, name: string, unit: string, safety = '') {
	await page.goto('/items');
	await page.getByTestId('item-new').click();
	await page.getByTestId('item-code').fill(code);
	await page.getByTestId('item-name').fill(name);
	await page.getByTestId('item-unit').fill(unit);
	if (safety) await page.locator('#item-safety').fill(safety);
	await page.getByTestId('item-save').click();
	await expect(page.getByTestId(`item-row-${code}`)).toBeVisible();
}

/** Types an item code into an item picker and takes the exact match (as a scanner would). */
async function pick(input: Locator, code: string): Promise<void> {
	await input.fill(code);
	await input.press('Enter');
}

async function receive(page: Page, code: string, qty: number): Promise<void> {
	await page.goto('/movements/new?type=receipt');
	await page.getByTestId('movement-item').fill(code);
	await page.getByTestId('movement-item').press('Enter');
	await page.getByTestId('movement-qty').fill(String(qty));
	await page.getByTestId('movement-zero-cost').check();
	await page.getByTestId('movement-submit').click();
	await expect(page.getByTestId('toast-success')).toBeVisible();
}

test('BOM → promise → accept in the order form → plan → convert → release → progress on a tablet → complete → stock, requisition seen live', async ({
	browser
}, testInfo) => {
	const workspace = freshWorkspace('production');
	const admin = await (
		await browser.newContext({ viewport: { width: 1366, height: 800 } })
	).newPage();
	await signIn(admin, workspace, 'admin', 'chen');
	await expectSynced(admin);
	await createWarehouse(admin, 'TY', '桃園廠');
	await createItem(admin, 'TBL', '餐桌', '張');
	await createItem(admin, 'TOP', '桌面', '片');
	await createItem(admin, 'LEG', '桌腳', '支');

	// The BOM through the form (item pickers: type the code, Enter): a table is one top and four legs.
	await admin.goto('/production/boms/new');
	await pick(admin.getByTestId('bom-item'), 'TBL');
	await pick(admin.getByTestId('bom-line-0').getByTestId('bom-line-item'), 'TOP');
	await admin.getByTestId('bom-line-0').getByTestId('bom-line-qty').fill('1');
	await admin.getByTestId('bom-add-line').click();
	await pick(admin.getByTestId('bom-line-1').getByTestId('bom-line-item'), 'LEG');
	await admin.getByTestId('bom-line-1').getByTestId('bom-line-qty').fill('4');
	await admin.getByTestId('bom-save').click();
	await expect(admin.getByTestId('bom-title')).toHaveText('TBL 餐桌');
	await expect(admin.getByTestId('bom-tree')).toContainText('LEG 桌腳');

	// A leg made of tables would be a cycle: refused in words, nothing saved.
	await admin.goto('/production/boms/new');
	await pick(admin.getByTestId('bom-item'), 'LEG');
	await pick(admin.getByTestId('bom-line-0').getByTestId('bom-line-item'), 'TBL');
	await admin.getByTestId('bom-line-0').getByTestId('bom-line-qty').fill('1');
	await admin.getByTestId('bom-save').click();
	await expect(admin.getByTestId('bom-cycle')).toContainText('LEG 桌腳 → TBL 餐桌 → LEG 桌腳');
	await admin.goto('/production/boms');
	await expect(admin.getByTestId('bom-row-TBL')).toBeVisible();
	await expect(admin.getByTestId('bom-row-LEG')).toHaveCount(0);

	// Materials on hand: tops for all five tables, legs for three.
	await receive(admin, 'TOP', 10);
	await receive(admin, 'LEG', 12);

	// A buyer watches the requisitions.
	const buyer = await (
		await browser.newContext({ viewport: { width: 1366, height: 800 } })
	).newPage();
	await signIn(buyer, workspace, 'purchasing', 'lin');
	await expectSynced(buyer);
	await buyer.goto('/purchasing/requisitions');
	await expect(buyer.getByTestId('open-requisitions')).not.toContainText('LEG 桌腳');

	// The production planner plans and converts everything in one action.
	const planner = await (
		await browser.newContext({ viewport: { width: 1366, height: 800 } })
	).newPage();
	await signIn(planner, workspace, 'production', 'wu');
	await expectSynced(planner);
	// First the big-order question: 5 tables, can we? From stock no; made from the tops on hand
	// and legs, 8 of which must be bought first.
	await planner.goto('/production/promise');
	await planner.getByTestId('promise-item').selectOption({ label: 'TBL 餐桌' });
	await planner.getByTestId('promise-qty').fill('5');
	await planner.getByTestId('promise-ask').click();
	await expect(planner.getByTestId('promise-earliest')).toContainText('最早可全數交貨');
	const steps = planner.getByTestId('promise-steps');
	await expect(steps).toContainText('5 張 TBL 餐桌：需生產');
	await expect(steps).toContainText('8 支 LEG 桌腳：需採購');
	await expect(steps).toContainText('12 支 LEG 桌腳：現有庫存');
	await expect(planner.getByTestId('promise-rush')).toContainText('沒有其他客戶的交期受影響');

	// The customer's order, entered by sales: 5 tables for 家具行. Nothing on hand, so the form
	// asks for a promise; it gives the same reasons, and accepting confirms the order.
	const rep = await (
		await browser.newContext({ viewport: { width: 1366, height: 800 } })
	).newPage();
	await signIn(rep, workspace, 'sales', 'lee');
	await expectSynced(rep);
	await rep.goto('/sales/customers');
	await rep.getByTestId('customer-new').click();
	await rep.getByTestId('customer-code').fill('C1');
	await rep.getByTestId('customer-name').fill('家具行');
	await rep.getByTestId('customer-save').click();
	await expect(rep.getByTestId('customer-C1')).toBeVisible();
	await rep.goto('/sales/board');
	await rep.getByTestId('order-new').click();
	await rep.getByTestId('order-customer').selectOption({ label: 'C1 家具行' });
	await rep.getByTestId('order-line-item').fill('TBL');
	await rep.getByTestId('order-line-item').press('Enter');
	await rep.getByTestId('order-line-qty').fill('5');
	await rep.getByTestId('order-line-price').fill('3200');
	await expect(rep.getByTestId('order-promise-hint')).toContainText('可用庫存不足');
	await rep.getByTestId('order-promise-ask').click();
	const repSteps = rep.getByTestId('order-promise-steps');
	await expect(repSteps).toContainText('5 張 TBL 餐桌：需生產');
	await expect(repSteps).toContainText('8 支 LEG 桌腳：需採購');
	await expect(rep.getByTestId('order-promise-rush')).toContainText('沒有其他客戶的交期受影響');
	const earliest = (await rep.getByTestId('order-promise-earliest').textContent()) ?? '';
	const promised = /\d{4}-\d{2}-\d{2}/.exec(earliest)?.[0] ?? '';
	expect(promised).not.toBe('');
	await testInfo.attach('sales-order-promise', {
		body: await rep.screenshot({ fullPage: true }),
		contentType: 'image/png'
	});
	await rep.getByTestId('order-accept').click();
	await expect(rep.getByTestId('toast-success')).toContainText('已建立並確認');
	await expect(rep.getByTestId('board-card').filter({ hasText: '家具行' })).toContainText(
		promised.slice(5)
	);

	await planner.goto('/production/planning');
	const planned = planner.getByTestId('planned-orders');
	const plannedRow = (label: string) =>
		planned
			.getByRole('row')
			.filter({ has: planner.getByRole('cell', { name: label, exact: true }) });
	await expect(plannedRow('TBL 餐桌')).toContainText('5');
	// The accepted order's 5 tables need 20 legs; 12 on hand → 8 to buy; the tops are all there.
	await expect(plannedRow('LEG 桌腳')).toContainText('8');
	await expect(plannedRow('TOP 桌面')).toHaveCount(0);
	await planner.getByTestId('plan-convert').click();
	await expect(planner.getByTestId('toast-success')).toContainText('1');
	await expect(planned).toContainText('沒有建議訂單');

	// The requisition arrives in the buyer's browser without a reload.
	await expect(buyer.getByTestId('open-requisitions')).toContainText('LEG 桌腳', {
		timeout: 15_000
	});
	await expect(
		buyer.getByTestId('open-requisitions').getByRole('row').filter({ hasText: 'LEG 桌腳' })
	).toContainText('8');

	// Release the planned work order at the desk.
	await planner.goto('/production/work-orders');
	await planner
		.getByRole('row')
		.filter({ has: planner.getByRole('cell', { name: 'TBL 餐桌', exact: true }) })
		.getByRole('link')
		.click();
	await expect(planner.getByTestId('wo-status')).toHaveText('計畫');
	const woUrl = planner.url();
	await planner.getByTestId('wo-release').click();
	await expect(planner.getByTestId('wo-status')).toHaveText('已下達');

	// The shop floor on a tablet: 3 good, then completion of those 3 (legs for 3 only).
	const tablet = await (
		await browser.newContext({ viewport: { width: 820, height: 1180 } })
	).newPage();
	await signIn(tablet, workspace, 'production', 'floor-1');
	await expectSynced(tablet);
	await tablet.goto(woUrl);
	await tablet.getByTestId('wo-good-order').fill('3');
	await tablet.getByTestId('wo-report-order').click();
	await expect(tablet.getByTestId('wo-status')).toHaveText('生產中');
	await expect(planner.getByTestId('wo-status')).toHaveText('生產中', { timeout: 15_000 });
	await tablet.getByTestId('wo-complete-good').fill('3');
	await tablet.getByTestId('wo-complete').click();
	await expect(tablet.getByTestId('wo-status')).toHaveText('已完工');
	await testInfo.attach('tablet-work-order', {
		body: await tablet.screenshot({ fullPage: true }),
		contentType: 'image/png'
	});

	// Finished goods in stock, the material gone, seen from the planner's browser.
	await planner.goto('/stock');
	await expect(planner.getByTestId('onhand-TBL')).toHaveAttribute('data-value', '3');
	await expect(planner.getByTestId('onhand-LEG')).toHaveAttribute('data-value', '0');
	await expect(planner.getByTestId('onhand-TOP')).toHaveAttribute('data-value', '7');
});
