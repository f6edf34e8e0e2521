// People and devices (issue 16): an admin invites a warehouse clerk, the link signs in a
// tablet with no extra click, the admin revokes that tablet while it is offline with an
// unsynced receipt; back online it says it was signed out and the receipt is still there.
import { expect, test, type Page } from '@playwright/test';
import { freshWorkspace, signIn, fillZeroCostReceipt } from './support';

async function expectSynced(page: Page): Promise<void> {
	await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online', {
		timeout: 15_000
	});
}

test('an invited tablet signs in, is revoked, and keeps its unsynced receipt', async ({
	browser
}) => {
	const workspace = freshWorkspace('people');
	const adminCtx = await browser.newContext();
	const admin = await adminCtx.newPage();
	await signIn(admin, workspace, 'admin', 'chen');
	await expectSynced(admin);
	await admin.goto('/warehouses');
	await admin.getByTestId('warehouse-new').click();
	await admin.getByTestId('warehouse-code').fill('TY');
	await admin.getByTestId('warehouse-name').fill('桃園總倉');
	await admin.getByTestId('warehouse-save').click();
	await admin.goto('/items');
	await admin.getByTestId('item-new').click();
	await admin.getByTestId('item-code').fill('BOLT-M6');
	await admin.getByTestId('item-name').fill('六角螺栓 M6');
	await admin.getByTestId('item-unit').fill('個');
	await admin.getByTestId('item-save').click();
	await expect(admin.getByTestId('item-row-BOLT-M6')).toBeVisible();
	await expectSynced(admin);

	// The admin invites a warehouse clerk: a link and its QR code.
	await admin.getByTestId('user-menu').click();
	await admin.getByTestId('menu-people').click();
	await admin.getByTestId('invite-role').selectOption('warehouse');
	await admin.getByTestId('invite-create').click();
	await expect(admin.getByTestId('people-invite').getByTestId('label-barcode')).toBeVisible();
	const link = await admin.getByTestId('invite-link').inputValue();
	expect(link).toContain('/signin?token=');

	// A tablet opens the link: signed in with the default device name, token gone from the URL.
	const tabletCtx = await browser.newContext({
		viewport: { width: 820, height: 1180 },
		userAgent:
			'Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
		hasTouch: true
	});
	const tablet = await tabletCtx.newPage();
	await tablet.goto(link);
	await tablet.waitForURL((url) => url.pathname !== '/signin', { timeout: 15_000 });
	expect(tablet.url()).not.toContain('token=');
	await expectSynced(tablet);
	await tablet.goto('/stock');
	await expect(tablet.getByTestId('onhand-BOLT-M6')).toHaveText('0');

	// The invitation was single use.
	const other = await (await browser.newContext()).newPage();
	await other.goto(link);
	await expect(other.getByTestId('signin-error')).toBeVisible();

	// Offline, the clerk records a receipt.
	await tablet.goto('/movements/new');
	await expect(tablet.getByTestId('movement-type-receipt')).toBeVisible();
	// The service worker serves the app offline; a reload drops the open sockets (going offline
	// in Chromium keeps them), so nothing typed from here on reaches the relay.
	await tablet.evaluate(async () => void (await navigator.serviceWorker.ready));
	await tabletCtx.setOffline(true);
	await tablet.reload();
	await expect(tablet.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline');
	await tablet.getByTestId('movement-type-receipt').click();
	await fillZeroCostReceipt(tablet, { item: 'BOLT-M6', warehouse: 'TY · 桃園總倉', qty: 5 });
	await tablet.getByTestId('movement-submit').click();
	await expect(tablet.getByTestId('toast-success')).toBeVisible();

	// The admin sees the tablet by its name and revokes it.
	await admin.getByTestId('people-refresh').click();
	const person = admin.getByTestId('person-warehouse');
	await expect(person).toContainText('iPad · 倉管');
	await person.getByTestId('device-revoke').click();
	await expect(person.locator('[data-status="revoked"]')).toHaveCount(1);

	// Back online the tablet learns it was signed out; its receipt stays visible, even after a reload.
	await tabletCtx.setOffline(false);
	await expect(tablet.getByTestId('session-ended')).toBeVisible({ timeout: 20_000 });
	// It says how much is waiting here and where to export it.
	await expect(tablet.getByTestId('session-ended-pending')).toBeVisible();
	await tablet.getByTestId('session-ended-export').click();
	await expect(tablet).toHaveURL(/\/movements$/);
	await expect(tablet.getByTestId('export').first()).toBeVisible();
	await tablet.goto('/stock');
	await expect(tablet.getByTestId('onhand-BOLT-M6')).toHaveText('5');
	await expect(tablet.getByTestId('session-ended')).toBeVisible();
	// It never reached the relay: the admin still sees none of it.
	await admin.goto('/stock');
	await expect(admin.getByTestId('onhand-BOLT-M6')).toHaveText('0');

	await tabletCtx.close();
	await adminCtx.close();
});
