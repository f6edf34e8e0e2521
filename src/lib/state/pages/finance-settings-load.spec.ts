// The finance settings form while this device's stored catalog is still loading: what the
// user typed or picked stays, the fields they did not touch show what the catalog holds.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createCommandContext } from '../../commands/create-context';
import { setAccountCodes } from '../../commands/finance-settings';
import { WorkspaceState } from '../workspace.svelte';
import { FinanceSettingsModel } from './finance-settings.svelte';

const open: WorkspaceState[] = [];
afterEach(async () => {
	await Promise.all(open.splice(0).map((ws) => ws.close()));
});

function workspace(name: string): WorkspaceState {
	const ws = new WorkspaceState(
		{ token: 't', workspace: name, role: 'finance', user: 'fay', expMs: Date.now() + 60_000 },
		{ serverUrl: null }
	);
	open.push(ws);
	return ws;
}

describe('finance settings form during the start-up load', () => {
	it('keeps a code typed before the catalog loaded and shows the stored ones elsewhere', async () => {
		// Another session stored 銷貨收入 as 4100 on this device.
		const before = workspace('fset-load');
		await before.runtime.ready;
		const ctx = createCommandContext({
			docs: before.runtime.docs,
			device: 'desk',
			user: 'fay',
			role: 'finance',
			nowMs: Date.now
		});
		setAccountCodes(ctx, { sales: '4100' });
		await before.close();
		open.splice(0);

		const ws = workspace('fset-load');
		const vm = new FinanceSettingsModel(ws);
		// Typed while the stored catalog is still loading (the form shows the defaults).
		expect(vm.codes.inventory).toBe('1231');
		vm.codes.inventory = '1230';
		vm.method = 'moving-average';
		await ws.runtime.ready;
		await Promise.resolve();
		expect(vm.codes.inventory).toBe('1230');
		expect(vm.method).toBe('moving-average');
		expect(vm.codes.sales).toBe('4100');
		expect(vm.codes.cogs).toBe('5111');
		vm.destroy();
	});
});
