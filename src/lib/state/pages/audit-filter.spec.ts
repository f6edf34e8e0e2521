// The audit page's filters: each alone, and the day range exactly on its bounds (local
// midnight of the first day is in, local midnight after the last day is out).

import { describe, expect, it } from 'vitest';
import type { AuditRow } from './audit-format';
import { NO_FILTER, auditRowFacets, filterAuditRows } from './audit-filter';

const local = (y: number, m: number, d: number, h = 0, min = 0): number =>
	new Date(y, m - 1, d, h, min).getTime();

function row(id: string, over: Partial<AuditRow>): AuditRow {
	return {
		id,
		atMs: local(2026, 12, 7, 10),
		when: '',
		user: 'chen',
		device: 'dev1',
		kind: 'item',
		kindText: 'Item',
		recordId: 'i1',
		recordText: 'BOLT-M8 Hex bolt',
		field: 'name',
		fieldText: 'Name',
		fieldGroupText: 'Name',
		actionText: 'Changed',
		oldText: '',
		newText: '',
		viaImport: false,
		...over
	};
}

const ROWS = [
	row('cost', {
		field: 'standardCostCents',
		fieldText: 'Standard cost',
		fieldGroupText: 'Standard cost'
	}),
	row('customer', {
		kind: 'customer',
		kindText: 'Customer',
		recordId: 'c1',
		recordText: 'C-01 Lin Trading',
		user: 'lin'
	}),
	row('midnight', { atMs: local(2026, 12, 1) }),
	row('last-minute', { atMs: local(2026, 12, 3, 23, 59) }),
	row('next-day', { atMs: local(2026, 12, 4) }),
	row('role', {
		kind: 'person',
		kindText: 'Role',
		recordId: 'wang',
		recordText: 'wang',
		field: 'role',
		fieldText: 'Role',
		fieldGroupText: 'Role'
	})
];

const ids = (filter: Partial<typeof NO_FILTER>): string[] =>
	filterAuditRows(ROWS, { ...NO_FILTER, ...filter }).map((r) => r.id);

describe('filterAuditRows', () => {
	it.each([
		['nothing', {}, ['cost', 'customer', 'midnight', 'last-minute', 'next-day', 'role']],
		['a kind', { kind: 'customer' as const }, ['customer']],
		['a user', { user: 'lin' }, ['customer']],
		['a field of a kind', { field: 'item.standardCostCents' }, ['cost']],
		['a field of another kind with the same name', { field: 'customer.name' }, ['customer']],
		['part of a record’s name, any case', { record: 'lin trad' }, ['customer']],
		['a record by id', { record: 'WANG' }, ['role']],
		[
			'days 1–3 December: midnight in, 4th out',
			{ from: '2026-12-01', to: '2026-12-03' },
			['midnight', 'last-minute']
		],
		['from a day on', { from: '2026-12-04' }, ['cost', 'customer', 'next-day', 'role']],
		[
			'a day not yet typed whole is no bound',
			{ to: '2026-02-30' },
			['cost', 'customer', 'midnight', 'last-minute', 'next-day', 'role']
		]
	])('by %s', (_, filter, expected) => {
		expect(ids(filter)).toEqual(expected);
	});
});

describe('auditRowFacets', () => {
	it('lists users, and fields of the kind chosen (all kinds: with the kind)', () => {
		const all = auditRowFacets(ROWS, '');
		expect(all.users).toEqual(['chen', 'lin']);
		expect(all.fields).toEqual([
			{ value: 'customer.name', label: 'Customer · Name' },
			{ value: 'item.name', label: 'Item · Name' },
			{ value: 'item.standardCostCents', label: 'Item · Standard cost' },
			{ value: 'person.role', label: 'Role · Role' }
		]);
		expect(auditRowFacets(ROWS, 'item').fields.map((f) => f.label)).toEqual([
			'Name',
			'Standard cost'
		]);
	});
});
