// Shipping what was picked by scan: the movements take exactly the bins and lots picked, the
// lines ship their sum, and a pick the stock does not hold writes nothing.

import { describe, expect, it } from 'vitest';
import { InsufficientStockError, InvalidFieldError } from '../../domain/errors';
import { createPrng } from '../../domain/random/prng';
import { readMovements } from '../../doc/ledger-doc';
import { createItem, createLocation, createWarehouse } from '../catalog';
import { createCustomer } from '../customers';
import { createCommandContext } from '../create-context';
import { workspaceDocsInMemory } from '../memory-docs';
import { recordReceipt } from '../movements';
import { createOrder } from './create';
import { boardOf, requireOrder } from './read';
import { shipOrder } from './shipping';
import { confirmOrder } from './transitions';

function setup() {
	const docs = workspaceDocsInMemory();
	const ctx = createCommandContext({
		docs,
		device: 'devA',
		user: 'kim',
		role: 'warehouse',
		nowMs: () => Date.UTC(2026, 10, 20, 2, 0),
		random: createPrng(3).next
	});
	const admin = { ...ctx, role: 'admin' as const };
	const w = createWarehouse(admin, { code: 'TPE', name: '台北倉' });
	const binA = createLocation(admin, { warehouseId: w.id, code: 'A-01' });
	const binB = createLocation(admin, { warehouseId: w.id, code: 'B-01' });
	const item = createItem(admin, {
		code: 'TEA',
		name: '紅茶',
		unit: '箱',
		lotTracked: true,
		shelfLifeDays: 365
	});
	const customer = createCustomer(admin, { code: 'C1', name: '全聯' });
	const receive = (locationId: string, lot: string, qty: number) =>
		recordReceipt(admin, {
			itemId: item.id,
			warehouseId: w.id,
			locationId,
			lot,
			expiry: '2027-12-31',
			qty,
			unit: '箱',
			unitCostCents: 100
		});
	receive(binA.id, 'L1', 5);
	receive(binB.id, 'L2', 5);
	const order = createOrder(admin, {
		customerId: customer.id,
		warehouseId: w.id,
		requestedDate: '2026-11-25',
		lines: [{ itemId: item.id, qty: 8, unitPriceCents: 500 }]
	});
	confirmOrder(admin, order.id);
	const lineId = requireOrder(boardOf(ctx), order.id).order.lines[0]!.id;
	const issues = () =>
		docs
			.ledgers()
			.flatMap((d) => readMovements(d).movements)
			.filter((m) => m.reason === 'issue')
			.map((m) => [m.locationId, m.lot, m.qty]);
	return { ctx, order, lineId, binA, binB, issues };
}

describe('shipOrder with picks', () => {
	it('issues from exactly the picked bins and lots; the line ships their sum', () => {
		const { ctx, order, lineId, binA, binB, issues } = setup();
		shipOrder(ctx, order.id, {
			picks: [
				{ lineId, locationId: binB.id, lot: 'L2', qty: 4 },
				{ lineId, locationId: binA.id, lot: 'L1', qty: 1 }
			]
		});
		expect(issues()).toEqual([
			[binB.id, 'L2', -4],
			[binA.id, 'L1', -1]
		]);
		const bo = requireOrder(boardOf(ctx), order.id);
		expect(bo.fold.lines.get(lineId)?.shipped).toBe(5);
		expect(bo.fold.status).toBe('partially-shipped');
	});

	it('a lot the bin does not hold writes nothing', () => {
		const { ctx, order, lineId, binA, issues } = setup();
		expect(() =>
			shipOrder(ctx, order.id, { picks: [{ lineId, locationId: binA.id, lot: 'L2', qty: 1 }] })
		).toThrow(InsufficientStockError);
		expect(issues()).toEqual([]);
		expect(requireOrder(boardOf(ctx), order.id).fold.status).toBe('confirmed');
	});

	it('picks past what is left of the line, or of another line, are refused', () => {
		const { ctx, order, lineId, binA, binB } = setup();
		const pick = (locationId: string, lot: string, qty: number, id = lineId) => ({
			lineId: id,
			locationId,
			lot,
			qty
		});
		expect(() =>
			shipOrder(ctx, order.id, { picks: [pick(binA.id, 'L1', 5), pick(binB.id, 'L2', 4)] })
		).toThrow(/more than is left to ship/);
		expect(() => shipOrder(ctx, order.id, { picks: [pick(binA.id, 'L1', 1, 'x')] })).toThrow(
			InvalidFieldError
		);
		// Exactly what is left ships.
		shipOrder(ctx, order.id, { picks: [pick(binA.id, 'L1', 5), pick(binB.id, 'L2', 3)] });
		expect(requireOrder(boardOf(ctx), order.id).fold.status).toBe('shipped');
	});
});
