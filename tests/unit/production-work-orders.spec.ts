import { describe, expect, it } from 'vitest';
import { createItem, createLocation, createWarehouse } from '../../src/lib/commands/catalog';
import { saveBom } from '../../src/lib/commands/production/boms';
import { recordReceipt } from '../../src/lib/commands/movements';
import { productionView } from '../../src/lib/commands/production/read';
import {
	completeWorkOrder,
	issueMaterials,
	reportProgress
} from '../../src/lib/commands/production/shop-floor';
import {
	cancelWorkOrder,
	createWorkOrders,
	releaseWorkOrder,
	workOrderShortages
} from '../../src/lib/commands/production/work-orders';
import { readMovements } from '../../src/lib/doc/ledger-doc';
import { ledgerBalances } from '../../src/lib/commands/ledger-cache';
import {
	InsufficientStockError,
	InvalidTransitionError,
	UnknownLocationError
} from '../../src/lib/domain/errors';
import { makeFactory, type Factory } from './production-fixture';

function stock(f: Factory, itemId: string): number {
	let q = 0;
	for (const b of ledgerBalances(f.ctx).values()) if (b.itemId === itemId) q += b.qty;
	return Math.round(q * 1e6) / 1e6;
}

function newOrder(f: Factory, qty = 10) {
	const [wo] = createWorkOrders(f.ctx, [
		{
			itemId: f.table,
			qty,
			warehouseId: f.warehouseId,
			startDate: '2026-11-02',
			dueDate: '2026-11-06'
		}
	]);
	return wo!;
}

describe('work orders', () => {
	it('snapshots the BOM and shows shortages against ATP before release', () => {
		const f = makeFactory();
		const wo = newOrder(f);
		expect(wo.materials).toHaveLength(2);
		expect(wo.materials).toEqual(
			expect.arrayContaining([
				{ itemId: f.top, qtyPer: 1 },
				{ itemId: f.leg, qtyPer: 4 }
			])
		);
		expect(wo.number).toMatch(/^WO-2026-/);
		recordReceipt(f.ctx, { itemId: f.top, warehouseId: f.warehouseId, qty: 6, unit: '片' });
		const short = workOrderShortages(f.ctx, wo.id);
		const byItem = new Map(short.map((s) => [s.itemId, [s.required, s.available, s.short]]));
		expect(byItem.get(f.top)).toEqual([10, 6, 4]);
		expect(byItem.get(f.leg)).toEqual([40, 0, 40]);
	});

	it('release → progress → complete backflushes material and receives a lot into stock', () => {
		const f = makeFactory();
		const wo = newOrder(f);
		recordReceipt(f.ctx, { itemId: f.top, warehouseId: f.warehouseId, qty: 20, unit: '片' });
		recordReceipt(f.ctx, { itemId: f.leg, warehouseId: f.warehouseId, qty: 50, unit: '支' });
		expect(() => reportProgress(f.ctx, wo.id, { stepId: 's-asm', good: 1 })).toThrow(
			InvalidTransitionError
		);
		releaseWorkOrder(f.ctx, wo.id);
		issueMaterials(f.ctx, wo.id, [{ itemId: f.leg, qty: 8 }]);
		reportProgress(f.ctx, wo.id, { stepId: 's-asm', good: 9, scrap: 1 });
		completeWorkOrder(f.ctx, wo.id);
		const done = productionView(f.ctx).workOrders[0]!;
		expect(done.fold.status).toBe('completed');
		expect(done.fold.completed).toMatchObject({ good: 9, lot: wo.number });
		// 9 good tables: 9 tops and 36 legs used, 8 legs of them issued by hand before.
		expect(stock(f, f.table)).toBe(9);
		expect(stock(f, f.top)).toBe(11);
		expect(stock(f, f.leg)).toBe(14);
		const movements = f.docs.ledgers().flatMap((d) => readMovements(d).movements);
		const fg = movements.find((m) => m.reason === 'production');
		expect(fg).toMatchObject({ qty: 9, lot: wo.number, ref: wo.number, id: `${wo.id}-fg` });
		expect(movements.filter((m) => m.reason === 'issue' && m.ref === wo.number)).toHaveLength(3);
	});

	it('completion without the material writes nothing', () => {
		const f = makeFactory();
		const wo = newOrder(f);
		releaseWorkOrder(f.ctx, wo.id);
		expect(() => completeWorkOrder(f.ctx, wo.id, { good: 2 })).toThrow(InsufficientStockError);
		expect(productionView(f.ctx).workOrders[0]!.fold.status).toBe('released');
		expect(stock(f, f.table)).toBe(0);
	});

	it('cancel only before the floor starts', () => {
		const f = makeFactory();
		const wo = newOrder(f);
		releaseWorkOrder(f.ctx, wo.id);
		reportProgress(f.ctx, wo.id, { stepId: 's-asm', good: 1 });
		expect(() => cancelWorkOrder(f.ctx, wo.id)).toThrow(InvalidTransitionError);
	});

	it('backflushed material leaves from its bins as a pick would (walking order for unlotted stock), no position goes negative', () => {
		const f = makeFactory();
		const second = createLocation(f.ctx, { warehouseId: f.warehouseId, code: 'A-02' });
		const first = createLocation(f.ctx, { warehouseId: f.warehouseId, code: 'A-01' });
		const receive = (itemId: string, qty: number, unit: string, locationId?: string) => {
			recordReceipt(f.ctx, {
				itemId,
				warehouseId: f.warehouseId,
				...(locationId ? { locationId } : {}),
				qty,
				unit,
				unitCostCents: 100
			});
			f.clock.ms += 60_000;
		};
		receive(f.leg, 30, '支', second.id);
		receive(f.leg, 20, '支', first.id);
		receive(f.top, 10, '片');
		const wo = newOrder(f, 10);
		releaseWorkOrder(f.ctx, wo.id);
		completeWorkOrder(f.ctx, wo.id, { good: 10 });
		const legs = [...ledgerBalances(f.ctx).values()].filter((b) => b.itemId === f.leg);
		const inBin = (id: string) => legs.find((b) => b.locationId === id)?.qty ?? 0;
		// 40 legs: all 20 of A-01, then 20 of the 30 in A-02 (same lot: the walk decides).
		expect([inBin(first.id), inBin(second.id)]).toEqual([0, 10]);
		expect([...ledgerBalances(f.ctx).values()].filter((b) => b.qty < 0)).toEqual([]);
	});

	it('more than the bins hold is refused and nothing moves', () => {
		const f = makeFactory();
		const bin = createLocation(f.ctx, { warehouseId: f.warehouseId, code: 'A-01' });
		recordReceipt(f.ctx, {
			itemId: f.leg,
			warehouseId: f.warehouseId,
			locationId: bin.id,
			qty: 39,
			unit: '支',
			unitCostCents: 100
		});
		recordReceipt(f.ctx, { itemId: f.top, warehouseId: f.warehouseId, qty: 10, unit: '片' });
		const wo = newOrder(f, 10);
		releaseWorkOrder(f.ctx, wo.id);
		// 40 legs needed, 39 in the bin: one short.
		expect(() => completeWorkOrder(f.ctx, wo.id, { good: 10 })).toThrow(InsufficientStockError);
		expect(stock(f, f.leg)).toBe(39);
		expect(stock(f, f.table)).toBe(0);
	});

	it('a lot-tracked material is issued earliest expiry first, each movement naming its lot', () => {
		const f = makeFactory();
		const glue = createItem(f.ctx, { code: 'GLUE', name: '木工膠', unit: '罐', lotTracked: true });
		const shelf = createItem(f.ctx, { code: 'SHF', name: '層板', unit: '片' });
		saveBom(f.ctx, { itemId: shelf.id, version: '1', lines: [{ childId: glue.id, qtyPer: 2 }] });
		for (const [lot, expiry] of [
			['G-LATE', '2027-03-01'],
			['G-SOON', '2027-01-01']
		] as const)
			recordReceipt(f.ctx, {
				itemId: glue.id,
				warehouseId: f.warehouseId,
				lot,
				expiry,
				qty: 6,
				unit: '罐',
				unitCostCents: 100
			});
		const [wo] = createWorkOrders(f.ctx, [
			{
				itemId: shelf.id,
				qty: 4,
				warehouseId: f.warehouseId,
				startDate: '2026-11-02',
				dueDate: '2026-11-03'
			}
		]);
		releaseWorkOrder(f.ctx, wo!.id);
		issueMaterials(f.ctx, wo!.id, [{ itemId: glue.id, qty: 8 }]);
		const issued = f.docs
			.ledgers()
			.flatMap((d) => readMovements(d).movements)
			.filter((m) => m.reason === 'issue' && m.itemId === glue.id)
			.map((m) => [m.lot, m.qty])
			.sort();
		expect(issued).toEqual([
			['G-LATE', -2],
			['G-SOON', -6]
		]);
	});

	it('the floor may choose the bin and lot to issue from: exactly what it holds, not one more', () => {
		const f = makeFactory();
		const glue = createItem(f.ctx, { code: 'GLUE', name: '木工膠', unit: '罐', lotTracked: true });
		const shelf = createItem(f.ctx, { code: 'SHF', name: '層板', unit: '片' });
		saveBom(f.ctx, { itemId: shelf.id, version: '1', lines: [{ childId: glue.id, qtyPer: 2 }] });
		const bin = createLocation(f.ctx, { warehouseId: f.warehouseId, code: 'B-02' });
		for (const [lot, expiry] of [
			['G-LATE', '2027-03-01'],
			['G-SOON', '2027-01-01']
		] as const)
			recordReceipt(f.ctx, {
				itemId: glue.id,
				warehouseId: f.warehouseId,
				locationId: bin.id,
				lot,
				expiry,
				qty: 6,
				unit: '罐',
				unitCostCents: 100
			});
		const [wo] = createWorkOrders(f.ctx, [
			{
				itemId: shelf.id,
				qty: 4,
				warehouseId: f.warehouseId,
				startDate: '2026-11-02',
				dueDate: '2026-11-03'
			}
		]);
		releaseWorkOrder(f.ctx, wo!.id);
		const late = { locationId: bin.id, lot: 'G-LATE' };
		// 7 from a lot of 6: refused, nothing moves.
		expect(() => issueMaterials(f.ctx, wo!.id, [{ itemId: glue.id, qty: 7, from: late }])).toThrow(
			InsufficientStockError
		);
		expect(stock(f, glue.id)).toBe(12);
		// All 6 of the later lot (FEFO would have taken G-SOON first).
		issueMaterials(f.ctx, wo!.id, [{ itemId: glue.id, qty: 6, from: late }]);
		const issued = f.docs
			.ledgers()
			.flatMap((d) => readMovements(d).movements)
			.filter((m) => m.reason === 'issue' && m.itemId === glue.id)
			.map((m) => [m.locationId, m.lot, m.qty]);
		expect(issued).toEqual([[bin.id, 'G-LATE', -6]]);
		const fold = productionView(f.ctx).workOrders.find((w) => w.order.id === wo!.id)!.fold;
		expect(fold.issued.get(glue.id)).toBe(6);
	});

	it('finished goods go into the chosen bin; a bin of another warehouse is refused and nothing moves', () => {
		const f = makeFactory();
		const bin = createLocation(f.ctx, { warehouseId: f.warehouseId, code: 'FG-01' });
		const elsewhere = createWarehouse(f.ctx, { code: 'KH', name: '高雄倉' });
		const away = createLocation(f.ctx, { warehouseId: elsewhere.id, code: 'X-01' });
		recordReceipt(f.ctx, { itemId: f.top, warehouseId: f.warehouseId, qty: 1, unit: '片' });
		recordReceipt(f.ctx, { itemId: f.leg, warehouseId: f.warehouseId, qty: 4, unit: '支' });
		const wo = newOrder(f, 1);
		releaseWorkOrder(f.ctx, wo.id);
		expect(() => completeWorkOrder(f.ctx, wo.id, { good: 1, locationId: away.id })).toThrow(
			UnknownLocationError
		);
		expect(stock(f, f.leg)).toBe(4);
		completeWorkOrder(f.ctx, wo.id, { good: 1, locationId: bin.id });
		const fg = [...ledgerBalances(f.ctx).values()].filter((b) => b.itemId === f.table);
		expect(fg.map((b) => [b.locationId, b.qty])).toEqual([[bin.id, 1]]);
	});
});
