// The audit trail as an admin reads it: changing an item's standard cost and a customer's name
// shows on each record's history tab (who, from what to what) and on the audit page, where the
// filters narrow it to that change and the CSV export holds it; a role change (kept by the
// relay) is listed there too.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { createItem, freshWorkspace, signIn, tokenFor } from './support';

const today = (offsetDays = 0): string => {
	const d = new Date();
	d.setDate(d.getDate() + offsetDays);
	const pad = (n: number): string => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

async function createCustomer(page: Page, code: string, name: string): Promise<void> {
	await page.goto('/sales/customers');
	await page.getByTestId('customer-new').click();
	await page.getByTestId('customer-code').fill(code);
	await page.getByTestId('customer-name').fill(name);
	await page.getByTestId('customer-save').click();
	await expect(page.getByTestId(`customer-${code}`)).toBeVisible();
}

test('an admin’s cost and name changes show on the records’ history and the audit page, filtered and exported', async ({
	page
}) => {
	await page.setViewportSize({ width: 1366, height: 900 });
	const workspace = freshWorkspace('audit');
	await signIn(page, workspace, 'admin', 'chen');

	// The item's standard cost: 0 → 12.50.
	await createItem(page, 'BOLT-M8', '六角螺栓 M8', '支');
	await page.getByTestId('item-row-BOLT-M8').click();
	await page.locator('#item-cost').fill('12.50');
	await page.getByTestId('item-save').click();
	await expect(page.getByTestId('item-save')).toBeHidden();

	// The customer's name: 林記商行 → 林記貿易.
	await createCustomer(page, 'C-01', '林記商行');
	await page.getByTestId('customer-C-01').getByRole('button').click();
	await page.getByTestId('customer-name').fill('林記貿易');
	await page.getByTestId('customer-save').click();
	await expect(page.getByTestId('customer-C-01')).toContainText('林記貿易');

	// The customer's history tab: who changed the name from what to what.
	await page.getByTestId('customer-C-01').getByRole('button').click();
	await page.getByTestId('customer-tab-history').click();
	const nameChange = page.getByTestId('history-row').and(page.locator('[data-field="name"]'));
	await expect(nameChange).toHaveCount(1);
	await expect(nameChange).toContainText('林記商行');
	await expect(nameChange).toContainText('林記貿易');
	await expect(nameChange).toContainText('chen');
	await expect(page.getByTestId('history-row')).toHaveCount(2); // created, renamed
	await page.screenshot({ path: 'test-results/audit-customer-history.png' });

	// The item's history tab.
	await page.goto('/items');
	await page.getByTestId('item-row-BOLT-M8').click();
	await page.getByTestId('item-tab-history').click();
	const costChange = page
		.getByTestId('history-row')
		.and(page.locator('[data-field="standardCostCents"]'));
	await expect(costChange).toContainText('標準成本');
	await expect(costChange).toContainText('0.00');
	await expect(costChange).toContainText('12.50');
	await expect(costChange).toContainText('chen');

	// A role change, which the relay keeps (roles belong to device sessions, not a document).
	const role = await page.request.post('/api/people/role', {
		headers: { authorization: `Bearer ${await tokenFor(workspace, 'admin', 'chen')}` },
		data: { user: 'wang', role: 'purchasing' }
	});
	expect(role.status()).toBe(200);

	// The audit page, reached from the admin's menu.
	await page.goto('/items');
	await page.getByTestId('user-menu').click();
	await page.getByTestId('menu-audit').click();
	await expect(page).toHaveURL(/\/admin\/audit$/);
	const rows = page.getByTestId('audit-row');
	await expect(rows).toHaveCount(5); // item created, cost; customer created, name; wang's role
	await page.screenshot({ path: 'test-results/audit-page-1366.png' });
	await page.getByTestId('audit-kind').selectOption('person');
	await expect(rows).toHaveCount(1);
	await expect(rows).toContainText('wang');
	await expect(rows).toContainText('採購人員');

	await page.getByTestId('audit-kind').selectOption('customer');
	await expect(rows).toHaveCount(2);
	await page.getByTestId('audit-field').selectOption('customer.name');
	await expect(rows).toHaveCount(1);
	await expect(rows).toContainText('林記貿易');

	await page.getByTestId('audit-kind').selectOption('item');
	await expect(page.getByTestId('audit-field')).toHaveValue('');
	await page.getByTestId('audit-field').selectOption('item.standardCostCents');
	await page.getByTestId('audit-user').selectOption('chen');
	await page.getByTestId('audit-from').fill(today());
	await page.getByTestId('audit-to').fill(today());
	await expect(rows).toHaveCount(1);
	await expect(rows).toContainText('BOLT-M8');
	await expect(rows).toContainText('12.50');
	// The device by the name it was given at sign-in (learnt from presence), not its clock id.
	const deviceNames = await page.evaluate(() =>
		Object.values(
			JSON.parse(localStorage.getItem('stockflow.deviceNames') ?? '{}') as Record<string, string>
		)
	);
	expect(deviceNames).toHaveLength(1);
	const deviceName = deviceNames[0] ?? '';
	expect(deviceName).toContain(' · ');
	await expect(rows.locator('.device')).toHaveText(deviceName);

	// The export holds exactly what the filters keep.
	const downloading = page.waitForEvent('download');
	await page.getByTestId('export').click();
	await page.getByTestId('export-csv').click();
	const download = await downloading;
	expect(download.suggestedFilename()).toBe(`audit-${new Date().toISOString().slice(0, 10)}.csv`);
	const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
	const lines = csv.trim().split('\r\n');
	expect(lines).toHaveLength(2);
	expect(lines[0]).toBe('時間,使用者,裝置,類別,資料,動作,欄位,原值,新值');
	expect(lines[1]).toMatch(/,chen,.*,品項,BOLT-M8 六角螺栓 M8,修改,標準成本,0\.00,12\.50$/);
	expect(lines[1]).toContain(`,chen,${deviceName},品項,`);

	// A day range that ends before the change keeps nothing.
	await page.getByTestId('audit-from').fill(today(-2));
	await page.getByTestId('audit-to').fill(today(-1));
	await expect(rows).toHaveCount(0);
	await page.getByTestId('audit-clear').click();
	await expect(rows).toHaveCount(5);

	await page.setViewportSize({ width: 820, height: 1000 });
	await page.screenshot({ path: 'test-results/audit-page-820.png', fullPage: true });
});
