import { describe, expect, it } from 'vitest';
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
import { InsufficientStockError, InvalidTransitionError } from '../../src/lib/domain/errors';
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
});
