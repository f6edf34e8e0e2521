import { describe, expect, it } from 'vitest';
import { itemSchema, locationSchema, warehouseSchema } from '../catalog/entities';
import { findDuplicateCodes } from '../catalog/duplicates';
import { StockflowError, type ErrorCode } from '../errors';
import { foldBalances } from './fold';
import type { Movement } from './movement';
import {
	checkAvailable,
	checkItemCodeUnique,
	checkPositiveQty,
	checkUnit,
	indexCatalog,
	resolveTarget
} from './validate';

const items = [
	itemSchema.parse({ id: 'i1', code: 'FAS-M6-20', name: '六角螺絲 M6x20', unit: '個' }),
	itemSchema.parse({ id: 'i2', code: 'TAPE-48', name: '封箱膠帶', unit: 'Roll' })
];
const warehouses = [
	warehouseSchema.parse({ id: 'w1', code: 'TY-MAIN', name: '桃園總倉' }),
	warehouseSchema.parse({ id: 'w2', code: 'TC', name: '台中倉' })
];
const locations = [
	locationSchema.parse({ id: 'l1', warehouseId: 'w1', code: 'A-01-01' }),
	locationSchema.parse({ id: 'l2', warehouseId: 'w2', code: 'A-01-01' })
];
const catalog = indexCatalog({ items, warehouses, locations });

function codeOf(fn: () => unknown): ErrorCode | 'ok' {
	try {
		fn();
		return 'ok';
	} catch (err) {
		if (err instanceof StockflowError) return err.code;
		throw err;
	}
}

describe('movement validation', () => {
	it.each([
		{
			name: 'known target',
			ref: { itemId: 'i1', warehouseId: 'w1', locationId: 'l1' },
			code: 'ok'
		},
		{ name: 'no location', ref: { itemId: 'i1', warehouseId: 'w1' }, code: 'ok' },
		{ name: 'unknown item', ref: { itemId: 'zz', warehouseId: 'w1' }, code: 'unknown-item' },
		{
			name: 'unknown warehouse',
			ref: { itemId: 'i1', warehouseId: 'zz' },
			code: 'unknown-warehouse'
		},
		{
			name: 'unknown location',
			ref: { itemId: 'i1', warehouseId: 'w1', locationId: 'zz' },
			code: 'unknown-location'
		},
		{
			name: 'location of another warehouse',
			ref: { itemId: 'i1', warehouseId: 'w1', locationId: 'l2' },
			code: 'unknown-location'
		}
	] as const)('$name → $code', ({ ref, code }) => {
		expect(codeOf(() => resolveTarget(catalog, ref))).toBe(code);
	});

	it.each([
		[1, 'ok'],
		[0.5, 'ok'],
		[0, 'non-positive-quantity'],
		[-3, 'non-positive-quantity'],
		[Number.NaN, 'non-positive-quantity'],
		[Number.POSITIVE_INFINITY, 'non-positive-quantity']
	] as const)('quantity %d → %s', (qty, code) => {
		expect(codeOf(() => checkPositiveQty(qty))).toBe(code);
	});

	it.each([
		['i1', '個', 'ok'],
		['i1', ' 個 ', 'ok'],
		['i2', 'roll', 'ok'],
		['i2', 'ROLL', 'ok'],
		['i1', '箱', 'unit-mismatch'],
		['i2', 'rolls', 'unit-mismatch']
	] as const)('item %s in unit %j → %s', (itemId, unit, code) => {
		const item = items.find((i) => i.id === itemId);
		if (!item) throw new Error('fixture');
		expect(codeOf(() => checkUnit(item, unit))).toBe(code);
	});

	it.each([
		{ code: 'NEW-1', self: undefined, expected: 'ok' },
		{ code: 'fas-m6-20', self: undefined, expected: 'duplicate-sku-code' },
		{ code: ' FAS-M6-20 ', self: undefined, expected: 'duplicate-sku-code' },
		{ code: 'FAS-M6-20', self: 'i1', expected: 'ok' },
		{ code: 'tape-48', self: 'i1', expected: 'duplicate-sku-code' }
	] as const)('code $code (updating $self) → $expected', ({ code, self, expected }) => {
		expect(codeOf(() => checkItemCodeUnique(items, code, self))).toBe(expected);
	});

	it('refuses to take out more than is on hand at the named level', () => {
		const at = '000000000000001-000000-d';
		const base = {
			reason: 'receipt',
			device: 'd',
			user: 'u',
			at,
			itemId: 'i1',
			warehouseId: 'w1'
		} as const;
		const movements: Movement[] = [
			{ ...base, id: 'a', qty: 5, locationId: 'l1', lot: 'L1' },
			{ ...base, id: 'b', qty: 3, locationId: 'l1', lot: 'L2' }
		];
		const balances = foldBalances(movements);
		expect(codeOf(() => checkAvailable(balances, { itemId: 'i1', warehouseId: 'w1' }, 8))).toBe(
			'ok'
		);
		expect(codeOf(() => checkAvailable(balances, { itemId: 'i1', warehouseId: 'w1' }, 9))).toBe(
			'insufficient-stock'
		);
		expect(
			codeOf(() => checkAvailable(balances, { itemId: 'i1', warehouseId: 'w1', lot: 'L2' }, 4))
		).toBe('insufficient-stock');
		expect(codeOf(() => checkAvailable(balances, { itemId: 'i1', warehouseId: 'w2' }, 1))).toBe(
			'insufficient-stock'
		);
	});
});

describe('findDuplicateCodes', () => {
	it('flags every item sharing a normalized code', () => {
		expect(
			findDuplicateCodes([
				{ id: 'b', code: 'x-1' },
				{ id: 'a', code: 'X-1 ' },
				{ id: 'c', code: 'Y' }
			])
		).toEqual([{ code: 'X-1', itemIds: ['a', 'b'] }]);
		expect(findDuplicateCodes(items)).toEqual([]);
	});
});
