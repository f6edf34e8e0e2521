// Time you can trust in a real browser (issue 15, point 3): a warehouse tablet whose clock
// jumps 10½ hours ahead while it is offline records a receipt; back online, the relay keeps it
// (its bound is a day) and the tablet corrects its clock. The admin's clock page lists the
// receipt as stamped 10 hours ahead, with the tablet and how fast its clock is; a count of the
// item is approved only once the admin confirms.
import { expect, test, type Browser, type Page } from '@playwright/test';
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
		headers: {
			'content-type': 'application/json',
			authorization: `Bearer ${admin}`
		},
		body: JSON.stringify({ role, user })
	});
	expect(res.status).toBe(200);
	return ((await res.json()) as { link: string }).link;
}

/**
 * The admin's workspace with a warehouse and an item; a warehouse tablet signs in with a correct
 * clock, goes offline, its clock jumps 10½ hours ahead and it records a receipt of 7, back online.
 */
async function farReceipt(browser: Browser, baseURL: string) {
	const workspace = freshWorkspace('clock');
	const adminPage = await (await browser.newContext()).newPage();
	await signIn(adminPage, workspace, 'admin', 'chen');
	await expectSynced(adminPage);
	await createWarehouse(adminPage, 'TY', '桃園總倉');
	await createItem(adminPage, 'BOLT-M6', '六角螺栓 M6', '個');
	await expectSynced(adminPage);
	await adminPage.goto('/admin/clock');
	await expect(adminPage.getByText('沒有時間有疑慮的紀錄。')).toBeVisible();

	// The tablet signs in with a correct clock (it measures the relay's time), then goes offline.
	const startMs = Date.now();
	const ctx = await browser.newContext({
		viewport: { width: 820, height: 1180 }
	});
	const tablet = await ctx.newPage();
	await tablet.clock.install({ time: startMs });
	const admin = await tokenFor(workspace, 'admin', 'chen');
	await tablet.goto(await inviteLink(baseURL, admin, 'warehouse', 'wendy'));
	await tablet.waitForURL((url) => url.pathname !== '/signin', {
		timeout: 15_000
	});
	await expectSynced(tablet);
	await tablet.goto('/movements/new');
	await expect(tablet.getByTestId('movement-type-receipt')).toBeVisible();
	await tablet.evaluate(async () => void (await navigator.serviceWorker.ready));
	await ctx.setOffline(true);
	await tablet.clock.setSystemTime(startMs + 10.5 * HOUR_MS);
	await tablet.reload();
	await expect(tablet.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline');
	await tablet.getByTestId('movement-type-receipt').click();
	await fillZeroCostReceipt(tablet, { item: 'BOLT-M6', warehouse: 'TY · 桃園總倉', qty: 7 });
	await tablet.getByTestId('movement-submit').click();
	await expect(tablet.getByTestId('toast-success')).toBeVisible();
	await ctx.setOffline(false);
	await expectSynced(tablet);

	return { adminPage, ctx, startMs, workspace };
}

test('a receipt from a tablet 10½ hours ahead is listed on the clock page', async ({
	browser,
	baseURL
}, testInfo) => {
	const { adminPage, ctx } = await farReceipt(browser, baseURL ?? '');

	// The admin sees the receipt stamped 10 hours ahead, the tablet, and its clock 10 hours fast.
	const row = adminPage.getByTestId('clock-row');
	await expect(row).toHaveCount(1, { timeout: 15_000 });
	await expect(row).toHaveAttribute('data-trust', 'ahead');
	await expect(row).toContainText('超前 10 小時');
	await expect(row).toContainText('庫存異動');
	await expect(row).toContainText('BOLT-M6');
	await expect(row).toContainText('wendy');
	await expect(row).toContainText('快 10 小時');
	await adminPage.screenshot({
		path: testInfo.outputPath('clock-page.png'),
		fullPage: true
	});
	await ctx.close();

	// A count of that item is approved only after the admin confirms: the receipt's stamp sorts
	// after the count, so the book at the count leaves it out.
	await adminPage.goto('/warehouse/stocktakes');
	await adminPage.getByTestId('count-new').click();
	await adminPage.getByTestId('count-create').click();
	await expect(adminPage.getByTestId('count-scan')).toBeFocused();
	await adminPage.keyboard.type('BOLT-M6');
	await adminPage.keyboard.press('Enter');
	await expect(adminPage.getByTestId('count-qty')).toBeFocused();
	await adminPage.getByTestId('count-qty').fill('7');
	await adminPage.getByTestId('count-qty').press('Enter');
	await expect(adminPage.getByTestId('count-sheet-counted')).toHaveText('7');
	await adminPage.getByTestId('count-submit').click();
	await adminPage.getByTestId('count-approve').click();
	await expect(adminPage.getByTestId('count-far-stamps')).toHaveAttribute('data-count', '1');
	await expect(adminPage.getByTestId('count-status')).toHaveAttribute('data-status', 'submitted');
	await expect(adminPage.getByTestId('toast-error')).toHaveCount(0);
	await adminPage.screenshot({ path: testInfo.outputPath('count-far.png') });
	await adminPage.getByTestId('count-approve-far').click();
	await expect(adminPage.getByTestId('count-status')).toHaveAttribute('data-status', 'approved');
	await expect(adminPage.getByTestId('count-far-stamps')).toHaveCount(0);
});

test('the admin repairs the receipt: reversed now, re-entered at the right time', async ({
	browser,
	baseURL
}, testInfo) => {
	const { adminPage, ctx, startMs, workspace } = await farReceipt(browser, baseURL ?? '');
	const row = adminPage.getByTestId('clock-row');
	await expect(row).toHaveCount(1, { timeout: 15_000 });
	await expect(row).toContainText('快 10 小時');
	await ctx.close();
	await expect(row).toHaveAttribute('data-repair', 'open');

	// Before confirming, the page says what will be posted, and where.
	await row.getByTestId('clock-repair').click();
	const plan = adminPage.getByTestId('clock-repair-plan');
	await expect(plan.getByTestId('clock-repair-reversal')).toHaveText(
		'−7 個 BOLT-M6 六角螺栓 M6 · TY 桃園總倉'
	);
	await expect(plan.getByTestId('clock-repair-reentry')).toHaveText(
		'+7 個 BOLT-M6 六角螺栓 M6 · TY 桃園總倉'
	);
	await expect(plan).toContainText('庫存數量不變');
	// The time it most likely happened: the stamp less the tablet's 10½ hours, to the minute.
	const suggested = await plan
		.getByTestId('clock-repair-at')
		.evaluate((input: HTMLInputElement) => new Date(input.value).getTime());
	expect(Math.abs(suggested - startMs)).toBeLessThan(2 * 60_000);
	await adminPage.screenshot({ path: testInfo.outputPath('clock-repair.png'), fullPage: true });
	await plan.getByTestId('clock-repair-confirm').click();
	await expect(adminPage.getByTestId('clock-repair-message')).toHaveText(
		'已沖銷並以正確時間重新登錄。'
	);
	await expect(row).toHaveAttribute('data-repair', 'repaired');
	await expect(row.getByTestId('clock-repaired')).toContainText('已修正：已沖銷，並於');

	// Stock is unchanged (7), and a count of 7 now agrees with the book without any confirmation.
	await adminPage.goto('/stock');
	await expect(adminPage.getByTestId('onhand-BOLT-M6')).toHaveText('7', { timeout: 15_000 });
	await adminPage.goto('/warehouse/stocktakes');
	await adminPage.getByTestId('count-new').click();
	await adminPage.getByTestId('count-create').click();
	await expect(adminPage.getByTestId('count-scan')).toBeFocused();
	await adminPage.keyboard.type('BOLT-M6');
	await adminPage.keyboard.press('Enter');
	await expect(adminPage.getByTestId('count-qty')).toBeFocused();
	await adminPage.getByTestId('count-qty').fill('7');
	await adminPage.getByTestId('count-qty').press('Enter');
	await adminPage.getByTestId('count-submit').click();
	await adminPage.getByTestId('count-approve').click();
	await expect(adminPage.getByTestId('count-status')).toHaveAttribute('data-status', 'approved');
	await expect(adminPage.getByTestId('count-far-stamps')).toHaveCount(0);
	await expect(adminPage.getByText('已核准，過帳 0 筆盤點調整')).toBeVisible();

	// Another device of the admin's sees the repair too (it went through the relay).
	const second = await (await browser.newContext()).newPage();
	await signIn(second, workspace, 'admin', 'chen');
	await second.goto('/admin/clock');
	await expect(second.getByTestId('clock-row')).toHaveAttribute('data-repair', 'repaired', {
		timeout: 15_000
	});
	await second.goto('/stock');
	await expect(second.getByTestId('onhand-BOLT-M6')).toHaveText('7', { timeout: 15_000 });
});

test('a transfer dispatched by a tablet 10½ hours ahead is received after the admin confirms', async ({
	browser,
	baseURL
}, testInfo) => {
	const workspace = freshWorkspace('clock-trf');
	const adminPage = await (await browser.newContext()).newPage();
	await signIn(adminPage, workspace, 'admin', 'chen');
	await expectSynced(adminPage);
	await createWarehouse(adminPage, 'TY', '桃園總倉');
	await createWarehouse(adminPage, 'TC', '台中倉');
	await createItem(adminPage, 'BOLT-M6', '六角螺栓 M6', '個');
	await adminPage.goto('/movements/new?type=receipt');
	await fillZeroCostReceipt(adminPage, { item: 'BOLT-M6', warehouse: 'TY · 桃園總倉', qty: 10 });
	await adminPage.getByTestId('movement-submit').click();
	await expect(adminPage.getByTestId('toast-success')).toBeVisible();
	await adminPage.goto('/warehouse/transfers');
	await adminPage.getByTestId('transfer-new').click();
	await adminPage.getByTestId('transfer-from').selectOption({ label: 'TY 桃園總倉' });
	await adminPage.getByTestId('transfer-to').selectOption({ label: 'TC 台中倉' });
	await adminPage.getByTestId('transfer-item').fill('BOLT-M6');
	await adminPage.getByTestId('transfer-item').press('Enter');
	await adminPage.getByTestId('transfer-qty').fill('10');
	await adminPage.getByTestId('transfer-add-line').click();
	await adminPage.getByTestId('transfer-create').click();
	// The list's new row carries a draft badge too: wait for the transfer's own page before
	// taking its address (read off the list, the tablet opened the list and found no dispatch).
	await adminPage.waitForURL(/\/warehouse\/transfers\/[^/?#]+$/);
	await expect(adminPage.getByTestId('transfer-status')).toHaveAttribute('data-status', 'draft');
	const transferUrl = adminPage.url();
	await expectSynced(adminPage);

	// The tablet opens the draft online, goes offline, its clock jumps ahead, it dispatches.
	const startMs = Date.now();
	const ctx = await browser.newContext({ viewport: { width: 820, height: 1180 } });
	const tablet = await ctx.newPage();
	await tablet.clock.install({ time: startMs });
	const admin = await tokenFor(workspace, 'admin', 'chen');
	await tablet.goto(await inviteLink(baseURL ?? '', admin, 'warehouse', 'wendy'));
	await tablet.waitForURL((url) => url.pathname !== '/signin', { timeout: 15_000 });
	await expectSynced(tablet);
	await tablet.goto(new URL(transferUrl).pathname);
	await expect(tablet.getByTestId('transfer-status')).toHaveAttribute('data-status', 'draft');
	await tablet.evaluate(async () => void (await navigator.serviceWorker.ready));
	await ctx.setOffline(true);
	await tablet.clock.setSystemTime(startMs + 10.5 * HOUR_MS);
	await tablet.reload();
	await expect(tablet.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline');
	await tablet.getByTestId('transfer-dispatch').click();
	await expect(tablet.getByTestId('transfer-status')).toHaveAttribute('data-status', 'in-transit');
	await ctx.setOffline(false);
	await expectSynced(tablet);
	await ctx.close();

	// Received now, the receipt would sort before the dispatch: the admin is asked, confirms.
	await expect(adminPage.getByTestId('transfer-status')).toHaveAttribute(
		'data-status',
		'in-transit',
		{ timeout: 15_000 }
	);
	await adminPage.getByTestId('transfer-received-BOLT-M6').fill('10');
	await adminPage.getByTestId('transfer-receive').click();
	await expect(adminPage.getByTestId('far-event')).toBeVisible();
	await expect(adminPage.getByTestId('transfer-status')).toHaveAttribute(
		'data-status',
		'in-transit'
	);
	await adminPage.screenshot({ path: testInfo.outputPath('transfer-far.png'), fullPage: true });
	await adminPage.getByTestId('far-event-confirm').click();
	await expect(adminPage.getByTestId('transfer-status')).toHaveAttribute('data-status', 'received');
	await expect(adminPage.getByTestId('far-event')).toHaveCount(0);
	await adminPage.goto('/stock');
	await expect(adminPage.getByTestId('onhand-BOLT-M6')).toHaveText('10');
});
