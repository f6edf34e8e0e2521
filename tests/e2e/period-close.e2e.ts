// Period close (月結, issue 4): October's receipt and issue are recorded with the browser's
// clock in October; in November an admin closes October on the period page (a warehouse
// clerk sees the action disabled and why). Stock on hand is unchanged, and a new device in
// November shows the same stock without ever opening October's ledger.
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { freshWorkspace, signIn, setRelayTime } from './support';

const OCT_20 = new Date('2026-10-20T02:00:00Z');
const NOV_3 = new Date('2026-11-03T02:00:00Z');
/** Screenshots for review (test-results): a laptop and a phone. */
const SIZES = [
	[1366, 768],
	[390, 844]
] as const;

async function expectSynced(page: Page): Promise<void> {
	await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online', {
		timeout: 15_000
	});
}

/** A device whose clock starts at `time` and keeps running from there. */
async function deviceAt(
	browser: Browser,
	time: Date
): Promise<{ ctx: BrowserContext; page: Page }> {
	const ctx = await browser.newContext();
	await ctx.clock.install({ time });
	return { ctx, page: await ctx.newPage() };
}

/** A receipt at `unitCost` (NT$), or an issue. */
async function move(
	page: Page,
	type: 'receipt' | 'issue',
	qty: number,
	unitCost?: string
): Promise<void> {
	await page.goto(`/movements/new?type=${type}`);
	await page.getByTestId('movement-item').fill('TEA-1');
	await page.getByTestId('movement-item').press('Enter');
	await page.getByTestId('movement-warehouse').selectOption({ label: 'TY · 桃園總倉' });
	await page.getByTestId('movement-qty').fill(String(qty));
	if (unitCost !== undefined) await page.getByTestId('movement-cost').fill(unitCost);
	await page.getByTestId('movement-submit').click();
	await expect(page.getByTestId('toast-success')).toBeVisible();
}

async function expectOnHand(page: Page, qty: string): Promise<void> {
	await page.goto('/stock');
	await expect(page.getByTestId('onhand-TEA-1')).toHaveText(qty);
	await expect(page.getByTestId('qty-TEA-1-TY')).toHaveText(qty);
}

// The relay is the devices' time reference: it plays the same month as the browsers.
test.afterEach(async ({ baseURL }) => setRelayTime(baseURL!, null));

test('an admin closes October; a new device in November starts from the opening', async ({
	browser,
	baseURL
}, testInfo) => {
	const workspace = freshWorkspace('period');

	// October: set up, receive 40 at NT$12.50, issue 15.
	await setRelayTime(baseURL!, OCT_20);
	const { ctx: adminCtx, page: admin } = await deviceAt(browser, OCT_20);
	await signIn(admin, workspace, 'admin', 'amy');
	await expectSynced(admin);
	await admin.goto('/warehouses');
	await admin.getByTestId('warehouse-new').click();
	await admin.getByTestId('warehouse-code').fill('TY');
	await admin.getByTestId('warehouse-name').fill('桃園總倉');
	await admin.getByTestId('warehouse-save').click();
	await expect(admin.getByTestId('warehouse-TY')).toBeVisible();
	await admin.goto('/items');
	await admin.getByTestId('item-new').click();
	await admin.getByTestId('item-code').fill('TEA-1');
	await admin.getByTestId('item-name').fill('紅茶');
	await admin.getByTestId('item-unit').fill('箱');
	await admin.getByTestId('item-save').click();
	await expect(admin.getByTestId('item-row-TEA-1')).toBeVisible();
	await move(admin, 'receipt', 40, '12.50');
	await move(admin, 'issue', 15);
	await expectOnHand(admin, '25');
	await expectSynced(admin);

	// In October the month cannot be closed: it is not over.
	await admin.goto('/finance/periods');
	await expect(admin.getByTestId('period-close-card')).toHaveAttribute('data-month', '2026-10');
	await expect(admin.getByTestId('period-blocker')).toHaveAttribute('data-kind', 'current-month');
	await expect(admin.getByTestId('period-close')).toBeDisabled();

	// November. A warehouse clerk may not close: the action is disabled and says why.
	await setRelayTime(baseURL!, NOV_3);
	await admin.clock.setSystemTime(NOV_3);
	const { ctx: clerkCtx, page: clerk } = await deviceAt(browser, NOV_3);
	await signIn(clerk, workspace, 'warehouse', 'wang');
	await expectSynced(clerk);
	await clerk.goto('/finance/periods');
	await expect(clerk.getByTestId('period-close-card')).toHaveAttribute('data-month', '2026-10');
	await expect(clerk.getByTestId('period-blocker')).toHaveCount(0);
	await expect(clerk.getByTestId('period-close')).toBeDisabled();
	// (Other gates, e.g. still syncing, may show too; the role one must.)
	const roleGate = clerk.locator('[data-testid="period-gate"][data-kind="role"]');
	await expect(roleGate).toContainText('只有系統管理員或財務人員可以月結');
	await clerk.setViewportSize({ width: 390, height: 844 });
	await clerk.screenshot({ path: testInfo.outputPath('periods-clerk-390.png'), fullPage: true });
	await clerkCtx.close();

	// The admin finds the page from the user menu and from the finance landing.
	await admin.getByTestId('user-menu').click();
	await expect(admin.getByTestId('menu-periods')).toHaveAttribute('href', '/finance/periods');
	await admin.setViewportSize({ width: 1366, height: 768 });
	await admin.goto('/dept/finance');
	await expect(admin.getByTestId('finance-periods')).toBeVisible();
	await admin.screenshot({ path: testInfo.outputPath('periods-finance-1366.png'), fullPage: true });
	await admin.getByTestId('finance-periods').click();
	await expect(admin).toHaveURL(/\/finance\/periods$/);
	await expectSynced(admin);
	await expect(admin.locator('[data-testid=period-row][data-month="2026-10"]')).toHaveAttribute(
		'data-status',
		'open'
	);
	await expect(admin.locator('[data-testid=period-row][data-month="2026-11"]')).toHaveAttribute(
		'data-status',
		'current'
	);
	await expect(admin.getByTestId('period-gate')).toHaveCount(0);
	await admin.getByTestId('period-close').click();
	for (const [w, h] of SIZES) {
		await admin.setViewportSize({ width: w, height: h });
		await admin.screenshot({
			path: testInfo.outputPath(`periods-confirm-${w}.png`),
			fullPage: true
		});
	}
	await admin.getByTestId('period-close-confirm').click();
	await expect(admin.getByTestId('period-close-result')).toBeVisible();
	await expect(admin.getByTestId('period-closed-through')).toContainText('2026');
	await expect(admin.getByTestId('period-positions')).toHaveText('1');
	// The close carries what the 25 left are worth: 25 × 12.50, and shows October's figures.
	await expect(admin.getByTestId('period-value')).toHaveText('NT$312.50');
	const october = admin.locator('[data-testid=period-row][data-month="2026-10"]');
	await expect(october.getByTestId('period-inventory-end')).toHaveText('NT$312.50');
	await expect(admin.getByTestId('period-movements')).toHaveText('2');
	await expect(admin.locator('[data-testid=period-row][data-month="2026-10"]')).toHaveAttribute(
		'data-status',
		'closed'
	);
	// Next up is November, which is not over.
	await expect(admin.getByTestId('period-close-card')).toHaveAttribute('data-month', '2026-11');
	await expect(admin.getByTestId('period-close')).toBeDisabled();
	for (const [w, h] of SIZES) {
		await admin.setViewportSize({ width: w, height: h });
		await admin.screenshot({
			path: testInfo.outputPath(`periods-closed-${w}.png`),
			fullPage: true
		});
	}
	await expectSynced(admin);
	await expectOnHand(admin, '25');

	// A new device in November: same stock, and October's ledger is never requested.
	const { ctx: newCtx, page: fresh } = await deviceAt(browser, NOV_3);
	const sockets: string[] = [];
	fresh.on('websocket', (ws) => sockets.push(ws.url()));
	await signIn(fresh, workspace, 'sales', 'lin');
	await expectSynced(fresh);
	await expectOnHand(fresh, '25');
	await expectSynced(fresh);
	expect(sockets.some((url) => url.includes('ledger-2026-11'))).toBe(true);
	expect(sockets.filter((url) => url.includes('ledger-2026-10'))).toEqual([]);

	await newCtx.close();
	await adminCtx.close();
});
