// Shared helpers for the end-to-end tests: tokens signed with the e2e relay's secret and
// a fresh workspace per test so tests never see each other's data.
import { SignJWT } from 'jose';
import { expect, request, type Page } from '@playwright/test';
import { E2E_SECRET } from '../../playwright.config';

export function freshWorkspace(prefix: string): string {
	return `${prefix}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
}

export async function tokenFor(workspace: string, role: string, user: string): Promise<string> {
	return new SignJWT({ workspace, role })
		.setProtectedHeader({ alg: 'HS256' })
		.setSubject(user)
		.setIssuedAt()
		.setExpirationTime('2h')
		.sign(new TextEncoder().encode(E2E_SECRET));
}

export async function signIn(
	page: Page,
	workspace: string,
	role: string,
	user: string
): Promise<void> {
	const token = await tokenFor(workspace, role, user);
	await page.goto(`/signin?token=${encodeURIComponent(token)}`);
	// The sign-in page stores the session, then lands on the department's home page.
	await page.waitForURL((url) => url.pathname !== '/signin', { timeout: 15_000 });
}

/** A warehouse created through the warehouses page, as a clerk would. */
export async function createWarehouse(page: Page, code: string, name: string): Promise<void> {
	await page.goto('/warehouses');
	await page.getByTestId('warehouse-new').click();
	await page.getByTestId('warehouse-code').fill(code);
	await page.getByTestId('warehouse-name').fill(name);
	await page.getByTestId('warehouse-save').click();
	await expect(page.getByTestId(`warehouse-${code}`)).toBeVisible();
}

/** An item created through the items page, as a clerk would. */
export async function createItem(
	page: Page,
	code: string,
	name: string,
	unit: string
): Promise<void> {
	await page.goto('/items');
	await page.getByTestId('item-new').click();
	await page.getByTestId('item-code').fill(code);
	await page.getByTestId('item-name').fill(name);
	await page.getByTestId('item-unit').fill(unit);
	await page.getByTestId('item-save').click();
	await expect(page.getByTestId(`item-row-${code}`)).toBeVisible();
}

/**
 * Fills the movement form open on `page` with a receipt of `qty` of `item` at zero cost (the
 * test items carry no standard cost), into `warehouse` (the select's label, "TY · 桃園總倉") or
 * a `location` bin; the caller opens the form and submits it.
 */
export async function fillZeroCostReceipt(
	page: Page,
	line: { item: string; qty: number | string; warehouse?: string; location?: string }
): Promise<void> {
	await page.getByTestId('movement-item').fill(line.item);
	await page.getByTestId('movement-item').press('Enter');
	if (line.warehouse) {
		await page.getByTestId('movement-warehouse').selectOption({ label: line.warehouse });
	}
	if (line.location) {
		await page.getByTestId('movement-location').selectOption({ label: line.location });
	}
	await page.getByTestId('movement-qty').fill(String(line.qty));
	await page.getByTestId('movement-zero-cost').check();
}

/**
 * Moves the relay's clock (STOCKFLOW_TEST_CLOCK=1 in playwright.config.ts); null returns it to
 * the machine's. The relay is the devices' time reference, so a test that plays a month-end
 * sets it along with the browsers' clocks, and puts it back when done.
 */
export async function setRelayTime(baseURL: string, at: Date | null): Promise<void> {
	const api = await request.newContext({ baseURL });
	try {
		const response = await api.put('/api/test/clock', { data: { atMs: at?.getTime() ?? null } });
		expect(response.status(), await response.text()).toBe(200);
	} finally {
		await api.dispose();
	}
}
