// Time you can trust on the order board (issue 15, point 3): a sales tablet whose clock jumps
// 10½ hours ahead while offline confirms an order. Picked now, the pick would sort before that
// confirmation and be lost: the warehouse is told an administrator must confirm; the admin sees
// why, confirms, and the order is picking; shipping it from the pick page goes the same way.
import { expect, test, type Page } from '@playwright/test';
import {
	createItem,
	createWarehouse,
	freshWorkspace,
	signIn,
	tokenFor,
	fillZeroCostReceipt
} from './support';

const HOUR_MS = 3_600_000;

async function expectSynced(page: Page): Promise<void> {
	await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online', {
		timeout: 15_000
	});
}

async function inviteLink(baseURL: string, admin: string, role: string, user: string) {
	const res = await fetch(`${baseURL}/api/invites`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
		body: JSON.stringify({ role, user })
	});
	expect(res.status).toBe(200);
	return ((await res.json()) as { link: string }).link;
}

function card(page: Page) {
	return page.getByTestId('board-card').filter({ hasText: '全聯福利中心' });
}

test('an order confirmed by a tablet 10½ hours ahead is picked after the admin confirms', async ({
	browser,
	baseURL
}, testInfo) => {
	const workspace = freshWorkspace('clock-so');
	const adminPage = await (await browser.newContext()).newPage();
	await signIn(adminPage, workspace, 'admin', 'chen');
	await expectSynced(adminPage);
	await createWarehouse(adminPage, 'TPE', '台北倉');
	await createItem(adminPage, 'TEA-600', '紅茶 600ml', '箱');
	await adminPage.goto('/movements/new');
	await fillZeroCostReceipt(adminPage, { item: 'TEA-600', warehouse: 'TPE · 台北倉', qty: 10 });
	await adminPage.getByTestId('movement-submit').click();
	await expect(adminPage.getByTestId('toast-success')).toBeVisible();
	await adminPage.goto('/sales/customers');
	await adminPage.getByTestId('customer-new').click();
	await adminPage.getByTestId('customer-code').fill('C001');
	await adminPage.getByTestId('customer-name').fill('全聯福利中心');
	await adminPage.getByTestId('customer-save').click();
	await expect(adminPage.getByTestId('customer-C001')).toBeVisible();
	await adminPage.goto('/sales/board');
	await adminPage.getByTestId('order-new').click();
	await adminPage.getByTestId('order-customer').selectOption({ label: 'C001 全聯福利中心' });
	await adminPage.getByTestId('order-line-item').fill('TEA-600');
	await adminPage.getByTestId('order-line-item').press('Enter');
	await adminPage.getByTestId('order-line-qty').fill('4');
	await adminPage.getByTestId('order-line-price').fill('450');
	await expect(adminPage.getByTestId('order-line-atp')).toBeVisible();
	await adminPage.getByTestId('order-save').click();
	await expect(adminPage.getByTestId('order-save')).toBeHidden();
	await expectSynced(adminPage);

	// The sales tablet opens the board online, goes offline, its clock jumps ahead, it confirms.
	const startMs = Date.now();
	const ctx = await browser.newContext({ viewport: { width: 820, height: 1180 } });
	const tablet = await ctx.newPage();
	await tablet.clock.install({ time: startMs });
	const admin = await tokenFor(workspace, 'admin', 'chen');
	await tablet.goto(await inviteLink(baseURL ?? '', admin, 'sales', 'lin'));
	await tablet.waitForURL((url) => url.pathname !== '/signin', { timeout: 15_000 });
	await expectSynced(tablet);
	await tablet.goto('/sales/board');
	await expect(card(tablet)).toBeVisible({ timeout: 15_000 });
	await tablet.evaluate(async () => void (await navigator.serviceWorker.ready));
	await ctx.setOffline(true);
	await tablet.clock.setSystemTime(startMs + 10.5 * HOUR_MS);
	await tablet.reload();
	await expect(tablet.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline');
	await card(tablet).click();
	await tablet.getByTestId('order-confirm').click();
	await expect(tablet.getByTestId('order-detail')).toHaveAttribute('data-status', 'confirmed');
	await ctx.setOffline(false);
	await expectSynced(tablet);
	await ctx.close();

	// The warehouse would pick now, before the confirmation: it is told to ask an admin.
	const clerk = await (await browser.newContext()).newPage();
	await signIn(clerk, workspace, 'warehouse', 'wu');
	await clerk.goto('/sales/board');
	await card(clerk).click();
	await expect(clerk.getByTestId('order-detail')).toHaveAttribute('data-status', 'confirmed', {
		timeout: 15_000
	});
	await clerk.getByTestId('order-pick').click();
	await expect(clerk.getByTestId('toast-error')).toContainText('需由系統管理員確認');
	await expect(clerk.getByTestId('far-event')).toHaveCount(0);
	await expect(clerk.getByTestId('order-detail')).toHaveAttribute('data-status', 'confirmed');

	// The admin is shown why, confirms, and the pick is recorded after the confirmation.
	await card(adminPage).click();
	await expect(adminPage.getByTestId('order-detail')).toHaveAttribute('data-status', 'confirmed', {
		timeout: 15_000
	});
	await adminPage.getByTestId('order-pick').click();
	await expect(adminPage.getByTestId('far-event')).toBeVisible();
	await expect(adminPage.getByTestId('toast-error')).toHaveCount(0);
	await expect(adminPage.getByTestId('order-detail')).toHaveAttribute('data-status', 'confirmed');
	await adminPage.screenshot({ path: testInfo.outputPath('order-far.png'), fullPage: true });
	await adminPage.getByTestId('far-event-confirm').click();
	await expect(adminPage.getByTestId('order-detail')).toHaveAttribute('data-status', 'picking');
	await expect(adminPage.getByTestId('far-event')).toHaveCount(0);
	await expect(clerk.getByTestId('order-detail')).toHaveAttribute('data-status', 'picking', {
		timeout: 15_000
	});

	// The start is stamped just after the far confirmation, so shipping from the pick page waits
	// for an admin too: the clerk is told so, the admin confirms there.
	await clerk.goto('/warehouse/picking');
	await clerk.getByTestId('pickq-open').click();
	await clerk.getByTestId('pick-row-confirm').click();
	await clerk.getByTestId('pick-ship').click();
	await expect(clerk.getByTestId('pick-message')).toContainText('需由系統管理員確認');
	await expect(clerk.getByTestId('far-event')).toHaveCount(0);
	await adminPage.goto('/warehouse/picking');
	await adminPage.getByTestId('pickq-open').click();
	await adminPage.getByTestId('pick-row-confirm').click();
	await adminPage.getByTestId('pick-ship').click();
	await expect(adminPage.getByTestId('far-event')).toBeVisible();
	await expect(adminPage.getByTestId('pick-message')).toHaveCount(0);
	await adminPage.getByTestId('far-event-confirm').click();
	await expect(adminPage.getByTestId('pick-message')).toContainText('已出貨');
	await expect(adminPage.getByTestId('far-event')).toHaveCount(0);
});
