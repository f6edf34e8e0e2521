import { describe, expect, it } from 'vitest';
import { parseCustomersCsv } from './customers-csv';
import type { Customer } from './customer';

const existing: Customer[] = [
	{
		id: 'c1',
		code: 'C001',
		name: '全聯',
		contact: '',
		phone: '',
		email: '',
		address: '',
		creditTermsDays: 30,
		priceLevel: 'standard',
		notes: '',
		active: true
	}
];

describe('parseCustomersCsv', () => {
	it('reads zh-TW headers, creates new codes and updates existing ones', () => {
		const csv =
			'\ufeff客戶編號,客戶名稱,電話,付款天數,價格等級\nc001,全聯福利中心,02-1234,60,wholesale\nC002,家樂福,,,\n';
		const { rows, errors } = parseCustomersCsv(csv, existing);
		expect(errors).toEqual([]);
		expect(rows.map((r) => [r.row, r.action, r.input.code, r.input.creditTermsDays])).toEqual([
			[2, 'update', 'c001', 60],
			[3, 'create', 'C002', 30]
		]);
		expect(rows[0]?.customerId).toBe('c1');
	});

	it.each([
		['code,name\nC9,\n', 'name'],
		['code,name,creditTermsDays\nC9,X,abc\n', 'creditTermsDays'],
		['code,name,priceLevel\nC9,X,gold\n', 'priceLevel'],
		['code,name,email\nC9,X,not-mail\n', 'email']
	])('reports a bad cell with its line and field: %j', (csv, field) => {
		const { rows, errors } = parseCustomersCsv(csv, []);
		expect(rows).toEqual([]);
		expect(errors[0]).toMatchObject({ row: 2, field });
	});

	it('refuses a code repeated in the file and a missing code column', () => {
		expect(parseCustomersCsv('code,name\nA,1\na,2\n', []).errors.map((e) => e.row)).toEqual([2, 3]);
		expect(parseCustomersCsv('name\nX\n', []).errors[0]?.code).toBe('invalid-csv');
	});
});
