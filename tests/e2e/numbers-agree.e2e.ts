// "Numbers agree" (issue 14): on the demo company, the count of items below safety stock is the
// same on the warehouse home, the stock list filtered to them and the alerts page, and the stock
// value on the home is the by-warehouse table's total (goods in transit included).
import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { E2E_SECRET } from '../../playwright.config';
import { freshWorkspace, signIn } from './support';

const PORT = Number(process.env.E2E_PORT ?? 8477);

function number(text: string): number {
	return Number(text.replace(/[^\d.-]/g, ''));
}

test('below safety stock and stock value agree across home, stock, alerts and by warehouse', async ({
	page
}) => {
	test.setTimeout(300_000);
	const workspace = freshWorkspace('agree');
	// The demo through the running relay, as an operator would (same PORT, DATA_DIR and secret).
	execFileSync('node', ['bin/stockflow.js', 'demo', '--workspace', workspace], {
		env: {
			...process.env,
			PORT: String(PORT),
			DATA_DIR: `test-results/e2e-data-${PORT}`,
			STOCKFLOW_SECRET: E2E_SECRET
		},
		stdio: 'pipe',
		timeout: 180_000
	});
	await signIn(page, workspace, 'admin', 'chen');
	await page.goto('/dept/warehouse');
	const lowTile = page.getByTestId('home-kpi-low');
	// The company arrives by sync: wait until the home counts something.
	await expect(lowTile).not.toHaveText(/^\s*0\s*$/, { timeout: 60_000 });
	await page.waitForTimeout(2000);
	const low = number(await lowTile.innerText());
	const value = number(await page.getByTestId('home-kpi-value').innerText());
	expect(low).toBeGreaterThan(0);

	await page.goto('/stock?status=low');
	await expect(page.locator('[data-testid^="stock-row-"]')).toHaveCount(low, { timeout: 30_000 });
	for (const status of await page
		.locator('[data-testid^="stock-row-"]')
		.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status'))))
		expect(['low', 'out']).toContain(status); // none at all is below safety stock too

	await page.goto('/warehouse/alerts');
	await expect(page.getByTestId('alerts-shortage').getByTestId('alert-row')).toHaveCount(low, {
		timeout: 30_000
	});

	await page.goto('/stock?view=warehouse');
	const total = number(await page.getByTestId('stock-value-total').innerText());
	// The home rounds to whole dollars.
	expect(Math.abs(total - value)).toBeLessThanOrEqual(0.5);
});
