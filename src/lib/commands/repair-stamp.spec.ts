// Repairing a receipt stamped by a tablet 10 hours fast (issue 15): the admin reverses it,
// stamped now, and re-enters it at the right time. Known answers: 150 received at 1.00 plus 64
// at 2.00 physically on the shelf, a count of 214 posts nothing, the stock is worth 278.00.
import { describe, expect, it } from 'vitest';
import { RELAY_NOW, relayTimeShop } from './relay-time-shop';
import { createWarehouse } from './catalog';
import { ledgerMovements } from './ledger-cache';
import { recordReceipt } from './movements';
import { repairStamp } from './repair-stamp';
import { approveCount } from './stocktake/approval';
import { openCount, recordCountLines, submitCount } from './stocktake/stocktake';
import { costMovements } from '../domain/accounting/costing';
import { monthOfStamp } from '../doc/names';
import { onHandOf, foldBalances } from '../domain/ledger/fold';
import { STAMP_FLOOR_MS } from '../domain/clock/stamp-trust';
import { stampWallMs } from '../domain/clock/hlc';
import { REENTRY_SLACK_MS } from '../domain/ledger/repair';

const NOW = RELAY_NOW;
const HOUR = 3_600_000;

function shop() {
	const { at, admin, item } = relayTimeShop();
	const wh = createWarehouse(admin, { code: 'W', name: 'w' });
	recordReceipt(admin, {
		itemId: item.id,
		warehouseId: wh.id,
		qty: 150,
		unit: 'pcs',
		unitCostCents: 100
	});
	const wrong = recordReceipt(at('tablet', 'warehouse', NOW + 10 * HOUR), {
		itemId: item.id,
		warehouseId: wh.id,
		qty: 64,
		unit: 'pcs',
		unitCostCents: 200
	});
	const clerk = at('clerk', 'warehouse', NOW + 60_000);
	const onHand = () => onHandOf(foldBalances(ledgerMovements(admin)), { itemId: item.id });
	const valueCents = () => {
		const costing = costMovements({
			method: 'fifo',
			opening: null,
			movements: ledgerMovements(admin).map((movement) => ({
				movement,
				month: monthOfStamp(movement.at)
			}))
		});
		return Math.round((costing.positions.get(item.id)?.valueMicro ?? 0) / 10_000);
	};
	const count = (qty: number) => {
		const c = openCount(clerk, { warehouseId: wh.id, kind: 'full', blind: false });
		recordCountLines(clerk, c.id, [{ itemId: item.id, countedQty: qty }]);
		submitCount(clerk, c.id);
		return approveCount(clerk, c.id).map((m) => m.qty);
	};
	return { admin, clerk, wrong, item, wh, onHand, valueCents, count, at };
}

describe('repairing a movement stamped by a wrong clock', () => {
	it('reverse and re-enter at the right time: on hand 214, worth 278.00, a count posts nothing', () => {
		const s = shop();
		const { reversal, reentry } = repairStamp(s.admin, {
			movementId: s.wrong.id,
			reenterAtMs: NOW - HOUR
		});
		expect(reversal).toMatchObject({ qty: -64, reason: 'adjustment', reverses: s.wrong.id });
		expect(stampWallMs(reversal.at)).toBe(NOW);
		expect(reentry).toMatchObject({ qty: 64, reason: 'receipt', unitCostCents: 200 });
		expect(stampWallMs(reentry?.at ?? '')).toBe(NOW - HOUR);
		expect(s.onHand()).toBe(214);
		expect(s.valueCents()).toBe(27_800);
		// No far stamp bears on the count any more (the clerk is not asked for an admin).
		expect(s.count(214)).toEqual([]);
	});

	it('reverse only (the receipt never happened): on hand 150, worth 150.00', () => {
		const s = shop();
		repairStamp(s.admin, { movementId: s.wrong.id });
		expect(s.onHand()).toBe(150);
		expect(s.valueCents()).toBe(15_000);
		expect(s.count(150)).toEqual([]);
	});

	it('without the repair the reversal alone would be valued wrong: the pair is left out', () => {
		// Before any repair the far receipt is in the value (150 × 1.00 + 64 × 2.00).
		const s = shop();
		expect(s.valueCents()).toBe(27_800);
		repairStamp(s.admin, { movementId: s.wrong.id, reenterAtMs: NOW });
		expect(s.valueCents()).toBe(27_800);
	});

	it('is posted once: a second repair is refused', () => {
		const s = shop();
		repairStamp(s.admin, { movementId: s.wrong.id });
		expect(() => repairStamp(s.admin, { movementId: s.wrong.id })).toThrow(
			expect.objectContaining({ code: 'already-repaired' })
		);
	});

	it('only an admin repairs, and not a reversal or a derived posting', () => {
		const s = shop();
		expect(() => repairStamp(s.clerk, { movementId: s.wrong.id })).toThrow(
			expect.objectContaining({ code: 'forbidden' })
		);
		const { reversal } = repairStamp(s.admin, { movementId: s.wrong.id });
		expect(() => repairStamp(s.admin, { movementId: reversal.id })).toThrow(
			expect.objectContaining({ code: 'not-repairable' })
		);
		const posted = s.count(100);
		expect(posted).toEqual([-50]);
		const countPosting = ledgerMovements(s.admin).find((m) => m.reason === 'count');
		expect(() => repairStamp(s.admin, { movementId: countPosting?.id ?? '' })).toThrow(
			expect.objectContaining({ code: 'not-repairable' })
		);
	});

	it('re-entry time: a minute ahead is now, a millisecond more is refused', () => {
		const onSlack = shop();
		const { reentry } = repairStamp(onSlack.admin, {
			movementId: onSlack.wrong.id,
			reenterAtMs: NOW + REENTRY_SLACK_MS
		});
		// Stamped by the clock, after the reversal.
		expect(stampWallMs(reentry?.at ?? '')).toBe(NOW);
		const beyond = shop();
		expect(() =>
			repairStamp(beyond.admin, {
				movementId: beyond.wrong.id,
				reenterAtMs: NOW + REENTRY_SLACK_MS + 1
			})
		).toThrow(expect.objectContaining({ code: 'reentry-time' }));
		expect(beyond.onHand()).toBe(214);
	});

	it('re-entry time: exactly 2020-01-01 is taken, a millisecond before is refused', () => {
		const onFloor = shop();
		const { reentry } = repairStamp(onFloor.admin, {
			movementId: onFloor.wrong.id,
			reenterAtMs: STAMP_FLOOR_MS
		});
		expect(stampWallMs(reentry?.at ?? '')).toBe(STAMP_FLOOR_MS);
		const before = shop();
		expect(() =>
			repairStamp(before.admin, { movementId: before.wrong.id, reenterAtMs: STAMP_FLOOR_MS - 1 })
		).toThrow(expect.objectContaining({ code: 'reentry-time' }));
	});
});
