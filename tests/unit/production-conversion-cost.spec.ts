// A completion's finished goods are valued at the material issued to the order plus conversion
// (routing minutes at the work centres' hourly rates), so finance sees them at cost, not 0.

import { describe, expect, it } from 'vitest';
import { recordReceipt } from '../../src/lib/commands/movements';
import { saveWorkCenter } from '../../src/lib/commands/production/boms';
import { productionView } from '../../src/lib/commands/production/read';
import { completeWorkOrder } from '../../src/lib/commands/production/shop-floor';
import { createWorkOrders, releaseWorkOrder } from '../../src/lib/commands/production/work-orders';
import { readMovements } from '../../src/lib/doc/ledger-doc';
import { costMovements, monthOfStampUtc } from '../../src/lib/domain/accounting/costing';
import { makeFactory, type Factory } from './production-fixture';

function complete(f: Factory, good: number) {
	const [wo] = createWorkOrders(f.ctx, [
		{
			itemId: f.table,
			qty: good,
			warehouseId: f.warehouseId,
			startDate: '2026-11-02',
			dueDate: '2026-11-06'
		}
	]);
	releaseWorkOrder(f.ctx, wo!.id);
	completeWorkOrder(f.ctx, wo!.id, { good });
	const movements = f.docs.ledgers().flatMap((d) => readMovements(d).movements);
	const costing = costMovements({
		method: 'fifo',
		opening: null,
		movements: movements.map((movement) => ({ movement, month: monthOfStampUtc(movement.at) }))
	});
	const fg = movements.find((m) => m.reason === 'production')!;
	const costed = costing.movements.find((c) => c.movement.id === fg.id)!;
	return { fg, costed };
}

function stockMaterials(f: Factory) {
	// Tops at 100.00, legs at 12.50: one table's material is 100.00 + 4 × 12.50 = 150.00.
	recordReceipt(f.ctx, {
		itemId: f.top,
		warehouseId: f.warehouseId,
		qty: 3,
		unit: '片',
		unitCostCents: 10_000
	});
	recordReceipt(f.ctx, {
		itemId: f.leg,
		warehouseId: f.warehouseId,
		qty: 12,
		unit: '支',
		unitCostCents: 1_250
	});
}

describe('completion cost', () => {
	it('finished goods carry material + routing minutes at the work centre rate', () => {
		const f = makeFactory();
		// The table's one step: 30 min on L1; at 123.45/h that is 61.725 → 61.73 a unit.
		const line = productionView(f.ctx).workCenters.find((c) => c.id === f.line1)!;
		saveWorkCenter(f.ctx, { ...line, costPerHourCents: 12_345 });
		stockMaterials(f);
		const { fg, costed } = complete(f, 3);
		expect(fg.unitCostCents).toBe(6_173);
		// 3 × 150.00 material + 3 × 61.73 conversion = 635.19.
		expect(costed.valueChangeMicro).toBe(635_190_000);
		expect(costed.conversionCents).toBe(18_519);
		expect(costed.centsChange).toBe(63_519);
	});

	it('an unpriced work centre adds no conversion: the goods come in at their material', () => {
		const f = makeFactory();
		stockMaterials(f);
		const { fg, costed } = complete(f, 3);
		expect(fg.unitCostCents).toBeUndefined();
		expect(costed.centsChange).toBe(45_000);
	});
});
