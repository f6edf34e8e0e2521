// The first-run setup's view model on a real workspace (fake IndexedDB, no relay) and a fake
// relay API: a company name is required and checked before it is sent, the warehouses step
// needs one warehouse, items and invitations are optional, and finishing tells the relay.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n';
import type { PeopleApi, WorkspaceProfile } from '../../sync/people-api';
import { memoryKeyValueStore } from '../../storage/kv';
import { GUIDE_STEPS, RoleGuide } from '../session-guide.svelte';
import { ROLES } from '../../domain/auth/roles';
import { WorkspaceState } from '../workspace.svelte';
import { SetupModel } from './setup.svelte';

let open: WorkspaceState[] = [];
let n = 0;

async function workspace(role: 'admin' | 'warehouse' = 'admin'): Promise<WorkspaceState> {
	const ws = new WorkspaceState(
		{ token: 't', workspace: `vm-setup-${++n}`, role, user: 'chen', expMs: Date.now() + 60_000 },
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

function fakeApi(options: { failInvite?: boolean; failProfile?: boolean } = {}) {
	const updates: unknown[] = [];
	let profile: WorkspaceProfile = { workspace: 'w', name: null, setupDoneAtMs: null };
	let invites = 0;
	const api: PeopleApi = {
		list: async () => [],
		changes: async () => [],
		invite: async () => {
			if (options.failInvite) throw new Error('offline');
			invites += 1;
			return { token: `t${invites}`, link: `http://x/signin?token=t${invites}`, expiresAtMs: 0 };
		},
		revokeUser: async () => 0,
		revokeDevice: async () => 0,
		changeRole: async () => ({ ended: 0, invite: { token: '', link: '', expiresAtMs: 0 } }),
		profile: async () => profile,
		updateProfile: async (update) => {
			if (options.failProfile) throw new Error('offline');
			updates.push(update);
			profile = {
				...profile,
				...(update.name ? { name: update.name } : {}),
				...(update.setupDone ? { setupDoneAtMs: 1 } : {})
			};
			return profile;
		}
	};
	return { api, updates };
}

describe('SetupModel', () => {
	it('walks company → warehouses → items → invite → finish', async () => {
		setLocale('en');
		const { api, updates } = fakeApi();
		const vm = new SetupModel(await workspace(), api);
		expect(vm.isAdmin).toBe(true);

		// A name is required, and one with a control character is refused before sending.
		expect(await vm.saveCompany()).toEqual({ ok: false, message: null });
		expect(vm.companyError).toBe('Required');
		vm.companyName = '大安\u0007五金';
		expect((await vm.saveCompany()).ok).toBe(false);
		expect(vm.companyError).toContain('80');
		expect(vm.companyName.length).toBeGreaterThan(0);
		vm.companyName = 'x'.repeat(81);
		expect((await vm.saveCompany()).ok).toBe(false);
		vm.companyName = ` ${'x'.repeat(80)} `;
		expect((await vm.saveCompany()).ok).toBe(true);
		expect(updates).toEqual([{ name: 'x'.repeat(80) }]);
		expect(vm.step).toBe('warehouses');

		// No warehouse yet: cannot continue.
		expect(vm.canContinue).toBe(false);
		vm.next();
		expect(vm.step).toBe('warehouses');
		vm.warehouseForm.draft.code = 'TY';
		vm.warehouseForm.draft.name = '桃園總倉';
		expect(vm.addWarehouse().ok).toBe(true);
		expect(vm.warehouses.map((w) => w.code)).toEqual(['TY']);
		// The form is ready for the next one, and a taken code is refused.
		expect(vm.warehouseForm.draft.code).toBe('');
		vm.warehouseForm.draft.code = 'ty';
		vm.warehouseForm.draft.name = '重複';
		expect(vm.addWarehouse().ok).toBe(false);
		expect(vm.warehouses).toHaveLength(1);
		vm.next();
		expect(vm.step).toBe('items');

		vm.itemForm.draft.code = 'BOLT-M6';
		vm.itemForm.draft.name = '六角螺栓 M6';
		expect(vm.addItem().ok).toBe(false); // unit missing
		vm.itemForm.draft.unit = '個';
		expect(vm.addItem().ok).toBe(true);
		expect(vm.items.map((i) => i.code)).toEqual(['BOLT-M6']);
		vm.next();
		expect(vm.step).toBe('invite');

		vm.people.inviteRole = 'warehouse';
		await vm.invite();
		vm.people.inviteRole = 'sales';
		await vm.invite();
		expect(vm.invites.map((i) => i.role)).toEqual(['sales', 'warehouse']);

		expect((await vm.finish()).ok).toBe(true);
		expect(updates.at(-1)).toEqual({ setupDone: true });
	});

	it('keeps the step and says why when the relay cannot be reached', async () => {
		setLocale('en');
		const { api, updates } = fakeApi({ failInvite: true, failProfile: true });
		const vm = new SetupModel(await workspace(), api);
		vm.companyName = '大安五金';
		const saved = await vm.saveCompany();
		expect(saved.ok).toBe(false);
		expect(saved.message).toContain('Could not save');
		expect(vm.step).toBe('company');
		expect(vm.companyName).toBe('大安五金');
		vm.step = 'invite';
		await vm.invite();
		expect(vm.invites).toEqual([]);
		expect((await vm.finish()).ok).toBe(false);
		expect(updates).toEqual([]);
	});

	it('is for admins only', async () => {
		const vm = new SetupModel(await workspace('warehouse'), fakeApi().api);
		expect(vm.isAdmin).toBe(false);
	});
});

describe('RoleGuide', () => {
	it('has three steps for every role and stays dismissed per workspace, user and role', () => {
		for (const role of ROLES) expect(GUIDE_STEPS[role]).toHaveLength(3);
		const kv = memoryKeyValueStore();
		const who = { workspace: 'acme', user: 'wendy', role: 'warehouse' as const };
		const guide = new RoleGuide(who, kv);
		expect(guide.dismissed).toBe(false);
		guide.dismiss();
		expect(new RoleGuide(who, kv).dismissed).toBe(true);
		// A new role (or another person on the same device) gets its own guidance.
		expect(new RoleGuide({ ...who, role: 'sales' }, kv).dismissed).toBe(false);
		expect(new RoleGuide({ ...who, user: 'ann' }, kv).dismissed).toBe(false);
	});
});
