// First run (issue 16): a visitor without a link is told to ask the administrator (no terminal
// commands); the first admin's link leads through setting up the company — name, a warehouse,
// an item, an invitation with its QR code — into the department with its getting-started card;
// the invited clerk signs in on a tablet, sees the company's name and a clerk's guidance.
import { expect, test } from '@playwright/test';
import { freshWorkspace, tokenFor } from './support';

test('the first admin sets up the company and invites a clerk', async ({ browser, baseURL }) => {
	const visitor = await (await browser.newContext()).newPage();
	await visitor.goto('/');
	await expect(visitor.getByTestId('landing-ask-admin')).toBeVisible();
	await expect(visitor.locator('body')).not.toContainText('npx');
	await expect(visitor.locator('body')).not.toContainText('npm');

	// The first admin's sign-in link (what `npm start` prints on a new installation).
	const workspace = freshWorkspace('firstrun');
	const operator = await tokenFor(workspace, 'admin', 'operator');
	const minted = await fetch(`${baseURL}/api/invites`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: `Bearer ${operator}` },
		body: JSON.stringify({ role: 'admin', user: 'admin' })
	});
	const { link } = (await minted.json()) as { link: string };

	const adminCtx = await browser.newContext({ viewport: { width: 1366, height: 800 } });
	const admin = await adminCtx.newPage();
	await admin.goto(link);
	await admin.waitForURL('**/setup', { timeout: 15_000 });
	const step = admin.getByTestId('setup-step');
	await expect(step).toHaveAttribute('data-step', 'company');
	await admin.getByTestId('setup-company-save').click();
	await expect(step).toHaveAttribute('data-step', 'company'); // a name is required
	await admin.getByTestId('setup-company').fill('大安五金行');
	await admin.getByTestId('setup-company-save').click();

	await expect(step).toHaveAttribute('data-step', 'warehouses');
	await expect(admin.getByTestId('setup-next')).toBeDisabled();
	await admin.getByTestId('setup-wh-code').fill('TY');
	await admin.getByTestId('setup-wh-name').fill('桃園總倉');
	await admin.getByTestId('setup-wh-add').click();
	await expect(admin.getByTestId('setup-warehouses')).toContainText('桃園總倉');
	await admin.getByTestId('setup-next').click();

	await expect(step).toHaveAttribute('data-step', 'items');
	await expect(admin.getByTestId('setup-import')).toBeVisible();
	await admin.getByTestId('setup-item-code').fill('BOLT-M6');
	await admin.getByTestId('setup-item-name').fill('六角螺栓 M6');
	await admin.getByTestId('setup-item-unit').fill('個');
	await admin.getByTestId('setup-item-add').click();
	await expect(admin.getByTestId('setup-items-count')).toContainText('1');
	await admin.getByTestId('setup-next').click();

	await expect(step).toHaveAttribute('data-step', 'invite');
	await admin.getByTestId('invite-role').selectOption('warehouse');
	await admin.getByTestId('invite-create').click();
	await expect(step.getByTestId('label-barcode')).toBeVisible();
	const clerkLink = await admin.getByTestId('invite-link').inputValue();
	await admin.getByTestId('setup-finish').click();

	// Done: the admin's department, with the admin's getting-started card; dismissed for good.
	await admin.waitForURL('**/dept/warehouse');
	const guide = admin.getByTestId('role-guide');
	await expect(guide).toContainText('人員與裝置');
	await admin.getByTestId('user-menu').click();
	await expect(admin.getByTestId('menu-company')).toContainText('大安五金行');
	await admin.keyboard.press('Escape');
	await guide.getByTestId('role-guide-dismiss').click();
	await expect(guide).toHaveCount(0);
	await admin.reload();
	await expect(admin.getByTestId('connection-status')).toBeVisible();
	await expect(admin.getByTestId('role-guide')).toHaveCount(0);

	// The clerk's tablet: signed in by the invitation, a clerk's guidance, the company's name.
	const tabletCtx = await browser.newContext({ viewport: { width: 820, height: 1180 } });
	const tablet = await tabletCtx.newPage();
	await tablet.goto(clerkLink);
	await tablet.waitForURL('**/dept/warehouse', { timeout: 15_000 });
	await expect(tablet.getByTestId('role-guide')).toContainText('收貨');
	await tablet.getByTestId('user-menu').click();
	await expect(tablet.getByTestId('menu-company')).toContainText('大安五金行');
	await expect(tablet.getByTestId('menu-setup')).toHaveCount(0);

	// A second admin link for this workspace no longer leads into setup.
	const again = await fetch(`${baseURL}/api/invites`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: `Bearer ${operator}` },
		body: JSON.stringify({ role: 'admin', user: 'lin' })
	});
	const other = await (await browser.newContext()).newPage();
	await other.goto(((await again.json()) as { link: string }).link);
	await other.waitForURL('**/dept/warehouse', { timeout: 15_000 });

	await tabletCtx.close();
	await adminCtx.close();
});
