// The warehouse alerts carry the suppliers' qualification reminders too (issue 17): the same
// fold and warning days as the purchasing overview, exactly at the boundary, and in the export.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createSupplier } from '../../commands/purchasing/suppliers';
import { addDays } from '../../domain/purchasing/qualification';
import { setLocale } from '../../i18n';
import { WorkspaceState } from '../workspace.svelte';
import { AlertsPage } from './alerts.svelte';
import { localToday } from './orders-board-helpers';

let open: WorkspaceState[] = [];
let n = 0;

afterEach(async () => {
	await Promise.all(open.map((ws) => ws.close()));
	open = [];
});

async function workspace(): Promise<WorkspaceState> {
	const ws = new WorkspaceState(
		{
			token: 't',
			workspace: `vm-alerts-${++n}`,
			role: 'admin',
			user: 'lin',
			expMs: Date.now() + 60_000
		},
		{ serverUrl: null }
	);
	open.push(ws);
	await ws.runtime.ready;
	return ws;
}

const cert = (name: string, expiresOn: string) => ({
	type: 'iso-9001' as const,
	name,
	issuedOn: '2020-01-01',
	expiresOn,
	mandatory: true
});

describe('AlertsPage qualification reminders', () => {
	it('lists expired and due-within-30-days certificates, not day 31, and exports them', async () => {
		setLocale('en');
		const ws = await workspace();
		const today = localToday();
		const made = ws.run((ctx) =>
			createSupplier(ctx, {
				code: 'S-01',
				name: 'Acme Boxes',
				qualifications: [
					cert('on the bound', addDays(today, 30)),
					cert('one day past the bound', addDays(today, 31)),
					cert('lapsed', addDays(today, -1))
				]
			})
		);
		expect(made.ok).toBe(true);

		const vm = new AlertsPage(ws);
		try {
			await new Promise((r) => setTimeout(r, 0));
			expect(vm.qualifications.map((q) => [q.qualification.name, q.status, q.daysLeft])).toEqual([
				['lapsed', 'expired', -1],
				['on the bound', 'expiring', 30]
			]);
			const rows = vm.exportTable().rows.filter((r) => r[0] === 'Supplier qualifications');
			expect(rows).toHaveLength(2);
			expect(rows[0]?.slice(1, 4)).toEqual([
				'S-01',
				'Acme Boxes',
				`lapsed · ${addDays(today, -1)}`
			]);
		} finally {
			vm.close();
		}
	});
});
