// Device sessions in a real browser (issue 16): a device renames itself and the admin sees that
// name; revoked while it is connected, it is disconnected within seconds and says so; a device that stays offline for three days (fake
// clock) is still signed in after a reload, keeps working, and renews silently once back.
import { expect, test, type Page } from '@playwright/test';
import {
	createItem,
	createWarehouse,
	freshWorkspace,
	setRelayTime,
	signIn,
	tokenFor,
	fillZeroCostReceipt
} from './support';

const DAY_MS = 86_400_000;

async function expectSynced(page: Page): Promise<void> {
	await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online', {
		timeout: 15_000
	});
}

async function api(baseURL: string, bearer: string, path: string, body?: unknown) {
	const res = await fetch(`${baseURL}${path}`, {
		method: body === undefined ? 'GET' : 'POST',
		headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
		...(body === undefined ? {} : { body: JSON.stringify(body) })
	});
	expect(res.status).toBe(200);
	return (await res.json()) as Record<string, unknown>;
}

async function inviteLink(baseURL: string, admin: string, role: string, user: string) {
	return (await api(baseURL, admin, '/api/invites', { role, user })).link as string;
}

test.afterEach(async ({ baseURL }) => setRelayTime(baseURL!, null));

test('a device revoked while connected is closed within seconds and told why', async ({
	browser,
	baseURL
}) => {
	const workspace = freshWorkspace('revoke-live');
	const admin = await tokenFor(workspace, 'admin', 'chen');
	const tablet = await (
		await browser.newContext({ viewport: { width: 820, height: 1180 } })
	).newPage();
	await tablet.goto(await inviteLink(baseURL ?? '', admin, 'warehouse', 'wendy'));
	await tablet.waitForURL((url) => url.pathname !== '/signin', { timeout: 15_000 });
	await expectSynced(tablet);

	// Named at sign-in after the device and the department; renamed from the user menu.
	await tablet.getByTestId('user-menu').click();
	await expect(tablet.getByTestId('menu-device')).toContainText('倉管');
	await tablet.getByTestId('device-rename').click();
	await tablet.getByTestId('device-name-input').fill('收貨區平板');
	await tablet.getByTestId('device-name-save').click();
	await expect(tablet.getByTestId('menu-device')).toContainText('收貨區平板');
	await tablet.keyboard.press('Escape');

	const { people } = (await api(baseURL ?? '', admin, '/api/people')) as {
		people: { user: string; devices: { id: string; name: string }[] }[];
	};
	const device = people.find((p) => p.user === 'wendy')?.devices[0];
	expect(device?.name).toBe('收貨區平板');
	const revokedAt = Date.now();
	await api(baseURL ?? '', admin, '/api/people/revoke', { device: device?.id });
	await expect(tablet.getByTestId('session-ended')).toBeVisible({ timeout: 5_000 });
	expect(Date.now() - revokedAt).toBeLessThan(5_000);
	await expect(tablet.getByTestId('connection-status')).not.toHaveAttribute(
		'data-status',
		'online'
	);
	// After a reload the device still knows, and still shows its data.
	await tablet.reload();
	await expect(tablet.getByTestId('session-ended')).toBeVisible();
});

test('three days offline: still signed in, keeps working, renews silently when back', async ({
	browser,
	baseURL
}) => {
	const workspace = freshWorkspace('offline-days');
	const adminPage = await (await browser.newContext()).newPage();
	await signIn(adminPage, workspace, 'admin', 'chen');
	await expectSynced(adminPage);
	await createWarehouse(adminPage, 'TY', '桃園總倉');
	await createItem(adminPage, 'BOLT-M6', '六角螺栓 M6', '個');
	await expectSynced(adminPage);

	// The clerk signs in with a default invitation link, on a device with a controllable clock.
	const startMs = Date.now();
	const ctx = await browser.newContext();
	const clerk = await ctx.newPage();
	await clerk.clock.install({ time: startMs });
	const admin = await tokenFor(workspace, 'admin', 'chen');
	await clerk.goto(await inviteLink(baseURL ?? '', admin, 'warehouse', 'wendy'));
	await clerk.waitForURL((url) => url.pathname !== '/signin', { timeout: 15_000 });
	await expectSynced(clerk);
	await clerk.goto('/movements/new');
	await expect(clerk.getByTestId('movement-type-receipt')).toBeVisible();
	await clerk.evaluate(async () => void (await navigator.serviceWorker.ready));

	// Offline for three days, then a reload: still signed in, still working.
	await ctx.setOffline(true);
	await clerk.clock.setSystemTime(startMs + 3 * DAY_MS);
	await clerk.reload();
	await expect(clerk.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline');
	expect(new URL(clerk.url()).pathname).toBe('/movements/new');
	await expect(clerk.getByTestId('session-ended')).toHaveCount(0);
	await clerk.getByTestId('movement-type-receipt').click();
	await fillZeroCostReceipt(clerk, { item: 'BOLT-M6', warehouse: 'TY · 桃園總倉', qty: 7 });
	await clerk.getByTestId('movement-submit').click();
	await expect(clerk.getByTestId('toast-success')).toBeVisible();

	// Back online three days later — for the relay too: it refuses entries stamped more than a
	// day ahead of its clock, and the receipt carries the device's third day.
	await setRelayTime(baseURL!, new Date(startMs + 3 * DAY_MS));
	// Back online: the credential renews without a word, and the receipt reaches everyone.
	const renewal = clerk.waitForResponse((res) => res.url().endsWith('/api/session/renew'));
	await ctx.setOffline(false);
	expect((await renewal).status()).toBe(200);
	await expectSynced(clerk);
	await expect(clerk.getByTestId('session-ended')).toHaveCount(0);
	await adminPage.goto('/stock');
	await expect(adminPage.getByTestId('onhand-BOLT-M6')).toHaveText('7', { timeout: 15_000 });
	await ctx.close();
});
