// A count bearing entries stamped far from the relay's time is approved only by an admin who
// confirms (issue 15, point 3): exactly on the 5-minute bound it goes through for anyone, a
// millisecond beyond it the warehouse is refused and the admin asked to confirm.
import { describe, expect, it } from 'vitest';
import { RELAY_NOW, relayTimeShop } from '../relay-time-shop';
import { createWarehouse } from '../catalog';
import { recordReceipt } from '../movements';
import { FarStampError } from '../../domain/errors';
import { FLAG_AHEAD_MS, STAMP_FLOOR_MS } from '../../domain/clock/stamp-trust';
import { approveCount, reconcileCount } from './approval';
import { openCount, recordCountLines, submitCount } from './stocktake';

const NOW = RELAY_NOW;

/** A shop whose devices see the relay's time as NOW; one device's clock is `skewMs` off. */
function shop(skewMs: number) {
	const { at, admin, item } = relayTimeShop();
	const wh = createWarehouse(admin, { code: 'W', name: 'w' });
	recordReceipt(admin, { itemId: item.id, warehouseId: wh.id, qty: 150, unit: 'pcs' });
	// The wrong clock's receipt (kept: the relay's bound is a day).
	recordReceipt(at('tablet', 'warehouse', NOW + skewMs), {
		itemId: item.id,
		warehouseId: wh.id,
		qty: 64,
		unit: 'pcs'
	});
	const clerk = at('clerk', 'warehouse', NOW + 60_000);
	const count = openCount(clerk, { warehouseId: wh.id, kind: 'full', blind: false });
	recordCountLines(clerk, count.id, [{ itemId: item.id, countedQty: 214 }]);
	submitCount(clerk, count.id);
	return { admin, clerk, countId: count.id };
}

describe('approving a count with entries stamped far from the relay’s time', () => {
	it('goes through with a receipt exactly 5 minutes ahead', () => {
		const { clerk, countId } = shop(FLAG_AHEAD_MS);
		expect(() => approveCount(clerk, countId)).not.toThrow();
	});

	it('a receipt 5 min and 1 ms ahead: the warehouse is refused, may not confirm', () => {
		const { clerk, countId } = shop(FLAG_AHEAD_MS + 1);
		const error = captured(() => approveCount(clerk, countId, { confirmFarStamps: true }));
		expect(error).toBeInstanceOf(FarStampError);
		expect(error).toMatchObject({ entries: 1, mayConfirm: false, code: 'far-stamp' });
	});

	it('an admin is asked first, then approves on confirmation', () => {
		const { admin, countId } = shop(10 * 3_600_000);
		expect(captured(() => approveCount(admin, countId))).toMatchObject({ mayConfirm: true });
		const posted = approveCount(admin, countId, { confirmFarStamps: true });
		// The 10-hours-ahead receipt sorts after the count: the book at the count is 150.
		expect(posted.map((m) => m.qty)).toEqual([64]);
	});

	it('a receipt from a clock reset before 2020 is far too', () => {
		const { clerk, countId } = shop(STAMP_FLOOR_MS - 1 - NOW);
		expect(captured(() => approveCount(clerk, countId))).toBeInstanceOf(FarStampError);
	});
});

/**
 * An approved count of 150 (the book) at NOW + 1 min; then a receipt of 7 arrives late from a
 * device stamped `stampMs`. Stamped before the count it moves the book: the re-check would post
 * count −7.
 */
function lateArrival(stampMs: number) {
	const { at, admin, item } = relayTimeShop();
	const wh = createWarehouse(admin, { code: 'W', name: 'w' });
	recordReceipt(admin, { itemId: item.id, warehouseId: wh.id, qty: 150, unit: 'pcs' });
	const clerk = at('clerk', 'warehouse', NOW + 60_000);
	const count = openCount(clerk, { warehouseId: wh.id, kind: 'full', blind: false });
	recordCountLines(clerk, count.id, [{ itemId: item.id, countedQty: 150 }]);
	submitCount(clerk, count.id);
	expect(approveCount(clerk, count.id)).toEqual([]);
	const late = (ms: number, qty: number) =>
		recordReceipt(at(`dev${ms}`, 'warehouse', ms), {
			itemId: item.id,
			warehouseId: wh.id,
			qty,
			unit: 'pcs'
		});
	late(stampMs, 7);
	return { admin, clerk, countId: count.id, late };
}

describe('the re-check of an approved count, moved by a far-stamped movement', () => {
	it('a late receipt stamped exactly 2020-01-01 is trusted: count −7 is posted', () => {
		const { clerk, countId } = lateArrival(STAMP_FLOOR_MS);
		expect(reconcileCount(clerk, countId).map((m) => m.qty)).toEqual([-7]);
	});

	it('one stamped a millisecond before 2020 holds the re-check until an admin confirms', () => {
		const { admin, clerk, countId } = lateArrival(STAMP_FLOOR_MS - 1);
		expect(captured(() => reconcileCount(clerk, countId))).toMatchObject({
			code: 'far-stamp',
			mayConfirm: false
		});
		expect(captured(() => reconcileCount(admin, countId))).toMatchObject({ mayConfirm: true });
		expect(reconcileCount(admin, countId, { confirmFarStamps: true }).map((m) => m.qty)).toEqual([
			-7
		]);
	});

	it('a far-ahead receipt changes nothing at the count: a normal late one is still posted', () => {
		const { clerk, countId, late } = lateArrival(NOW + 10 * 3_600_000);
		expect(reconcileCount(clerk, countId)).toEqual([]);
		late(NOW - 3_600_000, 5);
		expect(reconcileCount(clerk, countId).map((m) => m.qty)).toEqual([-5]);
	});
});

function captured(fn: () => unknown): unknown {
	try {
		fn();
	} catch (error) {
		return error;
	}
	return null;
}
