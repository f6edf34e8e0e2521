// The foundation user story: a warehouse clerk and a sales user in two browsers; the clerk
// records a goods receipt while offline (surviving a reload), reconnects, and the sales
// user's stock overview shows the new quantity.
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

test('a receipt recorded offline reaches the other department after reconnecting', async ({
	browser
}) => {
	const workspace = freshWorkspace('story');
	const warehouseCtx = await browser.newContext();
	const salesCtx = await browser.newContext();
	const clerk = await warehouseCtx.newPage();
	const sales = await salesCtx.newPage();

	await signIn(clerk, workspace, 'warehouse', 'wang');
	await expectSynced(clerk);
	await createWarehouse(clerk, 'TY', '桃園總倉');
	await createItem(clerk, 'BOLT-M6', '六角螺栓 M6', '個');

	await signIn(sales, workspace, 'sales', 'lin');
	await sales.goto('/stock');
	await expect(sales.getByTestId('onhand-BOLT-M6')).toHaveText('0');
	await expectSynced(clerk);

	// The app is installed for offline use (its service worker holds the app shell; a bigger app
	// takes longer to precache on a slow machine), then the clerk's network goes away and the
	// receipt is recorded locally.
	await clerk.evaluate(async () => void (await navigator.serviceWorker.ready));
	await warehouseCtx.setOffline(true);
	await expect(clerk.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline');
	await clerk.goto('/movements/new').catch(() => {}); // full navigation: served by the service worker
	await clerk.getByTestId('movement-type-receipt').click();
	await fillZeroCostReceipt(clerk, { item: 'BOLT-M6', warehouse: 'TY · 桃園總倉', qty: 120 }); // no standard cost: confirmed
	await clerk.getByTestId('movement-submit').click();
	await expect(clerk.getByTestId('toast-success')).toBeVisible();
	await expect(clerk.getByTestId('pending-count')).toHaveAttribute('data-count', /^[1-9]/);

	// Still offline: a reload comes from the service worker and the receipt from IndexedDB.
	await clerk.reload();
	await clerk.goto('/stock');
	await expect(clerk.getByTestId('onhand-BOLT-M6')).toHaveText('120');
	await expect(clerk.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline');
	await expect(sales.getByTestId('onhand-BOLT-M6')).toHaveText('0');

	// Signing out now asks first: the receipt is not on the relay yet. The first press only warns.
	await clerk.getByTestId('user-menu').click();
	await clerk.getByTestId('sign-out').click();
	await expect(clerk.getByTestId('sign-out-pending')).toContainText(/\d/);
	await expect(clerk.getByTestId('sign-out')).toHaveText('仍要登出');
	await clerk.keyboard.press('Escape');
	await expect(clerk.getByTestId('sign-out')).toBeHidden();
	await expect(clerk.getByTestId('onhand-BOLT-M6')).toHaveText('120');

	// Back online: the relay confirms the change and sales sees it.
	await warehouseCtx.setOffline(false);
	await expect(sales.getByTestId('onhand-BOLT-M6')).toHaveText('120', { timeout: 15_000 });
	await expectSynced(clerk);
	await expect(clerk.getByTestId('pending-count')).toHaveAttribute('data-count', '0');

	await warehouseCtx.close();
	await salesCtx.close();
});

test('a live receipt appears in the other browser within a second', async ({ browser }) => {
	const workspace = freshWorkspace('live');
	const a = await (await browser.newContext()).newPage();
	const b = await (await browser.newContext()).newPage();
	await signIn(a, workspace, 'admin', 'chen');
	await expectSynced(a);
	await createWarehouse(a, 'KH', '高雄倉');
	await createItem(a, 'TAPE-48', '封箱膠帶 48mm', '捲');
	await signIn(b, workspace, 'sales', 'lin');
	await b.goto('/stock');
	await expect(b.getByTestId('onhand-TAPE-48')).toHaveText('0');
	await expectSynced(b);

	await a.goto('/movements/new');
	await fillZeroCostReceipt(a, { item: 'TAPE-48', warehouse: 'KH · 高雄倉', qty: 36 });
	const submittedAt = Date.now();
	await a.getByTestId('movement-submit').click();
	await expect(b.getByTestId('onhand-TAPE-48')).toHaveText('36', { timeout: 5_000 });
	// Reported, not asserted: timings on a shared 2-core machine belong in benchmarks.
	console.log(`live receipt visible in the other browser after ${Date.now() - submittedAt} ms`);
	await expect(a.getByTestId('toast-success')).toBeVisible();
});

test('a sales user cannot record movements and a bad sign-in link is explained', async ({
	page
}) => {
	const workspace = freshWorkspace('rights');
	await signIn(page, workspace, 'sales', 'lin');
	await page.goto('/movements/new');
	await expect(page.getByTestId('movement-forbidden')).toBeVisible();
	await page.goto('/signin?token=not-a-jwt');
	await expect(page.getByTestId('signin-error')).toBeVisible();
});

/** Records a receipt on the movement form (the item and warehouse already exist). */
async function receive(page: Page, code: string, warehouse: string, qty: number): Promise<void> {
	await page.goto('/movements/new').catch(() => {}); // offline: served by the service worker
	await page.getByTestId('movement-type-receipt').click();
	await fillZeroCostReceipt(page, { item: code, warehouse, qty });
	await page.getByTestId('movement-submit').click();
	await expect(page.getByTestId('toast-success')).toBeVisible();
}

test('two tabs of one browser keep each other current while offline', async ({ browser }) => {
	const workspace = freshWorkspace('tabs');
	const ctx = await browser.newContext();
	const first = await ctx.newPage();
	await signIn(first, workspace, 'warehouse', 'wang');
	await expectSynced(first);
	await createWarehouse(first, 'TN', '台南倉');
	await createItem(first, 'NUT-M8', '六角螺帽 M8', '個');
	await first.evaluate(async () => void (await navigator.serviceWorker.ready));
	const second = await ctx.newPage();
	await second.goto('/stock');
	await expect(second.getByTestId('onhand-NUT-M8')).toHaveText('0');
	await expectSynced(second);

	// No relay from here on: only the tabs' own channel carries changes between them.
	await ctx.setOffline(true);
	await expect(first.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline');
	await receive(first, 'NUT-M8', 'TN · 台南倉', 40);
	await expect(second.getByTestId('onhand-NUT-M8')).toHaveText('40', { timeout: 10_000 });
	await receive(second, 'NUT-M8', 'TN · 台南倉', 2);
	await first.goto('/stock').catch(() => {});
	await expect(first.getByTestId('onhand-NUT-M8')).toHaveText('42', { timeout: 10_000 });

	// A third tab opened offline starts from this device's storage and joins the other two.
	const third = await ctx.newPage();
	await third.goto('/stock').catch(() => {});
	await expect(third.getByTestId('onhand-NUT-M8')).toHaveText('42');
	await receive(third, 'NUT-M8', 'TN · 台南倉', 8);
	await expect(first.getByTestId('onhand-NUT-M8')).toHaveText('50', { timeout: 10_000 });

	// Back online: the relay gets every tab's receipts once (not doubled).
	await ctx.setOffline(false);
	await expectSynced(first);
	await expect(first.getByTestId('pending-count')).toHaveAttribute('data-count', '0', {
		timeout: 15_000
	});
	const other = await (await browser.newContext()).newPage();
	await signIn(other, workspace, 'sales', 'lin');
	await other.goto('/stock');
	await expect(other.getByTestId('onhand-NUT-M8')).toHaveText('50', { timeout: 15_000 });
	await ctx.close();
});
