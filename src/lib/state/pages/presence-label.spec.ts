import { describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n';
import { pageOfPath } from './page-ids';
import { presencePageLabel } from './presence-label';

describe('presencePageLabel', () => {
	const numbers = new Map([['00mxcgjwak23xld73g3e', 'SO-2026-J5VS-000110']]);
	const lookup = (id: string) => numbers.get(id);

	it('names an order by its number, never its id', () => {
		setLocale('zh-TW');
		const label = presencePageLabel('order:00mxcgjwak23xld73g3e', lookup);
		expect(label).toContain('SO-2026-J5VS-000110');
		expect(label).not.toContain('00mxcgjwak23xld73g3e');
	});

	it('an order this device does not hold yet is "an order", not an id', () => {
		setLocale('en');
		expect(presencePageLabel('order:zzz', lookup)).toBe('an order');
	});

	it('known pages by their title', () => {
		setLocale('en');
		expect(presencePageLabel('warehouse-picking', lookup)).toBe('Picking');
	});

	it('a purchase order’s pages are that PO (the board lane shows its viewers), the list is not', () => {
		setLocale('en');
		expect(pageOfPath('/purchasing/orders/po123')).toBe('po:po123');
		expect(pageOfPath('/purchasing/orders/po123/receive')).toBe('po:po123');
		expect(pageOfPath('/purchasing/orders')).not.toMatch(/^po:/);
		expect(presencePageLabel('po:po123', lookup)).toBe('a purchase order');
	});
});

describe('pageOfPath: every department page has a title others can read', () => {
	it.each([
		['/warehouse/stocktakes/abc', 'Stocktakes'],
		['/sales/board', 'Order board'],
		['/purchasing/suppliers/s1', 'Suppliers'],
		['/production/work-orders/wo1', 'Work orders'],
		['/production/planning', 'Planning'],
		['/finance/margin', 'Finance reports'],
		['/finance/periods', 'Period close'],
		['/production', 'Production overview']
	])('%s reads "%s"', (path, title) => {
		setLocale('en');
		expect(presencePageLabel(pageOfPath(path), () => undefined)).toBe(title);
	});
});
