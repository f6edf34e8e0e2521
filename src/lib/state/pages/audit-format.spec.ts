// The audit trail as people read it: field names as the forms show them, money from cents,
// statuses, referenced records by code and name, and a creation summed up by its code and name.

import { beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../domain/audit/entry';
import { setLocale } from '../../i18n';
import { auditExportTable, auditRow, namedDevice, type AuditNames } from './audit-format';
import { personRow } from './audit-people';

const STAMP = '001795000000000-000000-dev1';
const LABELS = new Map([
	['item:i1', 'BOLT-M8 Hex bolt M8'],
	['warehouse:w1', 'WH-A Main warehouse'],
	['supplier:s1', 'S-001 Acme']
]);
const names: AuditNames = { label: (record, id) => LABELS.get(`${record}:${id}`) };

const entry = (over: Partial<AuditEntry>): AuditEntry => ({
	id: 'a1',
	at: STAMP,
	user: 'chen',
	device: 'dev1',
	record: 'item',
	recordId: 'i1',
	action: 'change',
	command: 'updateItem',
	...over
});

beforeEach(() => setLocale('en'));

describe('auditRow', () => {
	it.each([
		[
			'a standard cost in cents, as money',
			entry({ field: 'standardCostCents', old: 1250, new: 1399 }),
			{ fieldText: 'Standard cost', oldText: '12.50', newText: '13.99' }
		],
		[
			'deactivating, as a status',
			entry({ action: 'deactivate', field: 'active', old: true, new: false }),
			{ fieldText: 'Status', actionText: 'Deactivated', oldText: 'Active', newText: 'Inactive' }
		],
		[
			'a location moved to another warehouse, by the warehouses’ codes and names',
			entry({ record: 'location', field: 'warehouseId', old: 'w1', new: 'w2' }),
			{ oldText: 'WH-A Main warehouse', newText: 'w2' }
		],
		[
			'a cleared text, as blank',
			entry({ record: 'customer', field: 'phone', old: '02-1234', new: '' }),
			{ fieldText: 'Phone', oldText: '02-1234', newText: '(blank)' }
		],
		[
			'a supplied item added to a supplier, named by the item',
			entry({
				record: 'supplier',
				recordId: 's1',
				field: 'items.i1',
				new: { itemId: 'i1', leadTimeDays: 5, preferred: true }
			}),
			{
				recordText: 'S-001 Acme',
				field: 'items',
				fieldText: 'Supplied item: BOLT-M8 Hex bolt M8',
				oldText: '',
				newText: 'Lead time 5, Preferred Yes'
			}
		],
		[
			'a creation, by its code and name, from an import',
			entry({
				action: 'create',
				new: { code: 'BOLT-M8', name: 'Hex bolt M8', unit: 'pcs' },
				command: 'importItemsCsv'
			}),
			{
				field: null,
				fieldText: '',
				actionText: 'Created',
				newText: 'BOLT-M8 Hex bolt M8',
				viaImport: true
			}
		]
	])('%s', (_, e, expected) => {
		expect(auditRow(e, names)).toMatchObject(expected);
	});

	it('names the record it is about by code and name, else by its id', () => {
		expect(auditRow(entry({ field: 'name', old: 'a', new: 'b' }), names).recordText).toBe(
			'BOLT-M8 Hex bolt M8'
		);
		expect(auditRow(entry({ recordId: 'gone', field: 'name', new: 'b' }), names).recordText).toBe(
			'gone'
		);
	});
});

describe('personRow', () => {
	it('shows a role change as the role from and to, by the admin who made it', () => {
		const change = {
			atMs: 1795000000000,
			by: 'chen',
			user: 'ray',
			action: 'role',
			oldRole: 'sales',
			newRole: 'purchasing',
			device: null
		} as const;
		expect(personRow(change, 0)).toMatchObject({
			user: 'chen',
			kind: 'person',
			recordText: 'ray',
			field: 'role',
			fieldText: 'Role',
			actionText: 'Role changed',
			oldText: 'Sales',
			newText: 'Purchasing'
		});
		expect(
			personRow({ ...change, action: 'revoke-device', newRole: null, device: 'd1' }, 1)
		).toMatchObject({ oldText: 'Sales', newText: 'Device revoked', device: 'd1' });
		// The relay still has the session: the device by its sign-in name.
		expect(
			personRow({ ...change, action: 'revoke-device', device: 'd1', deviceName: 'iPad · 倉管' }, 2)
				.device
		).toBe('iPad · 倉管');
	});
});

describe('namedDevice', () => {
	const row = auditRow(entry({ field: 'name', old: 'a', new: 'b' }), names);
	it('shows a device seen online by the name it signed in with', () => {
		expect(namedDevice(row, { dev1: 'iPad · 倉管' }).device).toBe('iPad · 倉管');
	});
	it('keeps the clock id of a device never seen here', () => {
		expect(namedDevice(row, { dev2: 'Laptop' }).device).toBe('dev1');
	});
});

describe('auditExportTable', () => {
	it('writes one line per changed field, the time in UTC', () => {
		const row = auditRow(entry({ field: 'name', old: 'bolt', new: 'hex bolt' }), names);
		const table = auditExportTable([row]);
		expect(table.headers).toEqual([
			'When',
			'User',
			'Device',
			'Kind',
			'Record',
			'Action',
			'Field',
			'From',
			'To'
		]);
		expect(table.rows).toEqual([
			[
				new Date(1795000000000).toISOString(),
				'chen',
				'dev1',
				'Item',
				'BOLT-M8 Hex bolt M8',
				'Changed',
				'Name',
				'bolt',
				'hex bolt'
			]
		]);
	});
});
