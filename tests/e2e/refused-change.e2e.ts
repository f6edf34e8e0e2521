// A change on this device that the relay refuses (issue 15): a warehouse tablet whose local
// database holds a customer it may not create (a buggy build, or someone with dev tools) shows
// "a change on this device was refused" with the reason; setting it aside downloads a copy,
// re-syncs the catalog from the relay, and the tablet's next change reaches the relay.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import * as Y from 'yjs';
import { connectClient, waitFor, waitSynced } from '../relay/fixtures/clients';
import { createItem, freshWorkspace, signIn, tokenFor } from './support';

async function expectSynced(page: Page): Promise<void> {
	await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online', {
		timeout: 15_000
	});
}

/** A Yjs update creating a customer: only admin and sales may. */
function customerUpdate(): number[] {
	const doc = new Y.Doc();
	const customer = new Y.Map<unknown>();
	doc.getMap('customers').set('cus-injected', customer);
	customer.set('code', 'C-BAD');
	customer.set('name', '不該出現的客戶');
	return [...Y.encodeStateAsUpdate(doc)];
}

test('a refused change is shown, set aside with a copy, and later work syncs again', async ({
	page,
	baseURL
}) => {
	const workspace = freshWorkspace('refused');
	await signIn(page, workspace, 'warehouse', 'wang');
	await createItem(page, 'BOLT-M6', '六角螺栓 M6', '個');
	await expectSynced(page);

	// The tablet's catalog database gets a record the app itself would never write.
	await page.evaluate(
		async ({ dbName, bytes }) => {
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const open = indexedDB.open(dbName);
				open.onsuccess = () => resolve(open.result);
				open.onerror = () => reject(open.error);
			});
			await new Promise<void>((resolve, reject) => {
				const tx = db.transaction('updates', 'readwrite');
				tx.objectStore('updates').add(new Uint8Array(bytes));
				tx.oncomplete = () => resolve();
				tx.onerror = () => reject(tx.error);
			});
			db.close();
		},
		{ dbName: `stockflow:${workspace}:catalog`, bytes: customerUpdate() }
	);
	await page.reload();

	const banner = page.getByTestId('refused-change');
	await expect(banner).toBeVisible({ timeout: 15_000 });
	await expect(banner).toContainText('這台裝置上的一筆變更被伺服器拒絕');
	await expect(banner).toContainText('你的角色不能修改這項資料');
	await expect(page.getByTestId('refused-detail')).toContainText('warehouse may not write');

	await page.getByTestId('refused-set-aside').click();
	const downloading = page.waitForEvent('download');
	const reloaded = page.waitForEvent('load');
	await page.getByTestId('refused-set-aside-confirm').click();
	const download = await downloading;
	expect(download.suggestedFilename()).toMatch(
		new RegExp(`^stockflow-set-aside-${workspace}-catalog-\\d{12}\\.json$`)
	);
	const copy = JSON.parse(await readFile(await download.path(), 'utf8')) as Record<string, unknown>;
	expect(copy).toMatchObject({ doc: 'catalog', user: 'wang', refusal: { reason: 'rights' } });

	// The app reloads with the catalog refilled from the relay: no banner, the item is there.
	await reloaded;
	await page.goto('/items');
	await expect(page.getByTestId('item-row-BOLT-M6')).toBeVisible();
	await expect(page.getByTestId('refused-change')).toHaveCount(0);

	// Later work syncs: the relay holds the new item and never the refused customer.
	await createItem(page, 'NUT-M6', '六角螺帽 M6', '個');
	await expectSynced(page);
	await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '0');
	await expect(page.getByTestId('refused-change')).toHaveCount(0);
	const origin = (baseURL ?? '').replace(/^http/, 'ws');
	const relay = connectClient(
		origin,
		workspace,
		'catalog',
		await tokenFor(workspace, 'admin', 'chen')
	);
	try {
		await waitSynced(relay);
		const codes = (): string[] =>
			[...relay.doc.getMap<Y.Map<unknown>>('items').values()].map((i) => String(i.get('code')));
		await waitFor(() => codes().includes('NUT-M6'), 'the new item on the relay');
		expect(codes().sort()).toEqual(['BOLT-M6', 'NUT-M6']);
		expect(relay.doc.getMap('customers').size).toBe(0);
	} finally {
		relay.destroy();
	}
});
