// Two shop-floor tablets report progress on one released work order while offline, in random
// amounts and with skewed clocks, and one of them may complete it; after exchanging updates in
// random order (with duplicates) every device folds the same order, and the totals are the
// known right answer: the sum of every report each tablet made.

import { describe, expect, it } from 'vitest';
import { productionView } from '../../src/lib/commands/production/read';
import { reportProgress } from '../../src/lib/commands/production/shop-floor';
import { createWorkOrders, releaseWorkOrder } from '../../src/lib/commands/production/work-orders';
import { createPrng } from '../../src/lib/domain/random/prng';
import { makeFactory, START } from './production-fixture';
import { copyAll, makeDevices, skewedClock, syncAll } from './sim';

const SEEDS = Array.from({ length: 16 }, (_, i) => i + 1);

describe('two offline tablets on one work order', () => {
	it.each(SEEDS)('seed %i converges to the sum of all reports', (seed) => {
		const prng = createPrng(seed);
		const f = makeFactory();
		const [wo] = createWorkOrders(f.ctx, [
			{
				itemId: f.table,
				qty: 50,
				warehouseId: f.warehouseId,
				startDate: '2026-11-02',
				dueDate: '2026-11-09'
			}
		]);
		releaseWorkOrder(f.ctx, wo!.id);
		const clock = { ms: START + 60_000 };
		const tablets = makeDevices(prng, 2, {
			clock: skewedClock(prng, clock, 5_000),
			role: () => 'production'
		});
		for (const t of tablets) copyAll(f.docs, t.docs);
		const expected = { good: 0, scrap: 0 };
		for (let i = 0; i < 12; i++) {
			clock.ms += prng.int(1, 4_000);
			const t = tablets[prng.int(0, 1)]!;
			const good = prng.int(0, 5);
			const scrap = prng.int(0, 1);
			if (good + scrap === 0) continue;
			reportProgress(t.ctx, wo!.id, { stepId: 's-asm', good, scrap });
			expected.good += good;
			expected.scrap += scrap;
		}
		syncAll(tablets, prng);
		const folds = tablets.map((t) => productionView(t.ctx).workOrders[0]!.fold);
		expect(folds[0]!.progress.get('s-asm')).toEqual(expected);
		expect(folds[1]).toEqual(folds[0]);
		expect(folds[0]!.status).toBe('in-progress');
	});
});
