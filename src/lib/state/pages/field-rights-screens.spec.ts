// Screens offer what the relay accepts (issue 15): the item form leaves the standard cost to
// admin, purchasing and finance, and keeps the held cost when a warehouse clerk saves; sales
// see items but cannot create them, the warehouse sees customers but cannot create them.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createItem } from '../../commands/catalog';
import type { Role } from '../../domain/auth/roles';
import { WorkspaceState } from '../workspace.svelte';
import { CustomersPageModel } from './customers-page.svelte';
import { ItemsPageModel } from './items.svelte';

let open: WorkspaceState[] = [];
let n = 0;

async function workspace(role: Role, name: string): Promise<WorkspaceState> {
	const ws = new WorkspaceState(
		{ token: 't', workspace: name, role, user: role, expMs: Date.now() + 60_000 },
		{ serverUrl: null }
	);
	open.push(ws);
	await ws.runtime.ready;
	return ws;
}

afterEach(async () => {
	await Promise.all(open.map((ws) => ws.close()));
	open = [];
});

describe('what the screens offer follows the field rights', () => {
	it('a warehouse clerk edits an item without its cost, and the cost stays', async () => {
		const name = `vm-rights-${++n}`;
		const purchasing = await workspace('purchasing', name);
		const made = purchasing.run((ctx) =>
			createItem(ctx, { code: 'BOLT', name: 'Bolt', unit: 'pcs', standardCostCents: 1250 })
		);
		if (!made.ok) throw made.error;
		expect(new ItemsPageModel(purchasing).form.canEditCost).toBe(true);
		await purchasing.close();
		open = open.filter((ws) => ws !== purchasing);

		const clerk = await workspace('warehouse', name);
		const page = new ItemsPageModel(clerk);
		expect(page.canEdit).toBe(true);
		expect(page.form.canEditCost).toBe(false);
		const item = clerk.items.find((i) => i.code === 'BOLT');
		if (!item) throw new Error('the item did not load');
		page.form.open(item);
		page.form.draft.name = 'Hex bolt';
		page.form.draft.standardCostCents = 1; // a stale draft value must not be written
		expect(page.form.save().ok).toBe(true);
		expect(clerk.items.find((i) => i.code === 'BOLT')).toMatchObject({
			name: 'Hex bolt',
			standardCostCents: 1250
		});
	});

	it('sales may not create items, the warehouse may not create customers', async () => {
		const sales = await workspace('sales', `vm-rights-${++n}`);
		expect(new ItemsPageModel(sales).canEdit).toBe(false);
		expect(new CustomersPageModel(sales).canEdit).toBe(true);
		const clerk = await workspace('warehouse', `vm-rights-${++n}`);
		expect(new CustomersPageModel(clerk).canEdit).toBe(false);
	});
});
