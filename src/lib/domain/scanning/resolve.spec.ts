import { describe, expect, it } from 'vitest';
import { itemSchema, locationSchema } from '../catalog/entities';
import { lotLabelCode, resolveScan } from './resolve';

const items = [
	itemSchema.parse({ id: 'i1', code: 'TEA-1', name: '紅茶', unit: '箱', barcode: '4710001' }),
	itemSchema.parse({ id: 'i2', code: 'A-01', name: '與儲位同代碼', unit: '個' })
];
const locations = [
	locationSchema.parse({ id: 'l1', warehouseId: 'w1', code: 'A-01' }),
	locationSchema.parse({ id: 'l2', warehouseId: 'w2', code: 'B-02' })
];

describe('resolveScan', () => {
	it.each([
		['tea-1', 'item', 'i1'],
		['4710001', 'item', 'i1'],
		['a-01', 'location', 'l1'],
		['B-02', 'unknown', null],
		['nothing', 'unknown', null]
	] as const)('%s → %s', (code, kind, id) => {
		const r = resolveScan(code, { items, locations, warehouseId: 'w1' });
		expect(r.kind).toBe(kind);
		if (r.kind === 'item') expect(r.item.id).toBe(id);
		if (r.kind === 'location') expect(r.location.id).toBe(id);
	});

	it('reads lot labels', () => {
		const r = resolveScan(lotLabelCode('TEA-1', 'L2026-03'), { items, locations });
		expect(r).toMatchObject({ kind: 'item', lot: 'L2026-03' });
	});
});
