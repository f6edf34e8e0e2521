// A repaired pair (a wrong clock's entry and its exact reversal) counts nowhere an order by
// stamp matters; the rules of what is a repair, and the re-entry time's bounds.
import { describe, expect, it } from 'vitest';
import { formatStamp } from '../clock/hlc';
import { STAMP_FLOOR_MS } from '../clock/stamp-trust';
import { computeVariances } from '../stocktake/variance';
import type { Movement } from './movement';
import {
	isReversalOf,
	likelyTimeMs,
	REENTRY_SLACK_MS,
	reentryRefusal,
	repairRefusal,
	repairedPairIds,
	reversalDraft,
	withoutRepaired
} from './repair';

const NOW = Date.UTC(2026, 11, 7, 9);
const HOUR = 3_600_000;
const at = (ms: number) => formatStamp({ wallMs: ms, counter: 0, device: 'd' });

function mv(id: string, ms: number, qty: number, extra: Partial<Movement> = {}): Movement {
	return {
		id,
		at: at(ms),
		itemId: 'tea',
		warehouseId: 'w',
		qty,
		reason: qty > 0 ? 'receipt' : 'issue',
		device: 'd',
		user: 'u',
		...extra
	};
}

const far = mv('far', NOW + 10 * HOUR, 64);
const fix = mv('fix', NOW, -64, { ...reversalDraft(far) });

describe('what a repair is', () => {
	it('the reversal draft is the same position, the opposite quantity, naming the entry', () => {
		expect(reversalDraft({ ...far, lot: 'L1', locationId: 'b1', ref: 'PO-1' })).toEqual({
			itemId: 'tea',
			warehouseId: 'w',
			locationId: 'b1',
			lot: 'L1',
			qty: -64,
			reason: 'adjustment',
			reverses: 'far',
			ref: 'PO-1'
		});
	});

	it.each([
		['exact', fix, true],
		['another quantity', { ...fix, qty: -63 }, false],
		['another warehouse', { ...fix, warehouseId: 'v' }, false],
		['another lot', { ...fix, lot: 'L9' }, false],
		['names nothing', { ...fix, reverses: undefined }, false]
	])('%s', (_name, r, expected) => {
		expect(isReversalOf(r, far)).toBe(expected);
	});

	it('pairs once: a second reversal stays a plain movement', () => {
		const again = { ...fix, id: 'fix2' };
		expect([...repairedPairIds([far, fix, again])].sort()).toEqual(['far', 'fix']);
		expect(withoutRepaired([far, fix, again]).map((m) => m.id)).toEqual(['fix2']);
	});

	it('refuses a reversal, a derived posting, a repaired entry', () => {
		expect(repairRefusal(far, [far])).toBeNull();
		expect(repairRefusal(far, [far, fix])).toBe('repaired');
		expect(repairRefusal(fix, [far, fix])).toBe('reversal');
		expect(repairRefusal({ ...far, reason: 'count' }, [])).toBe('reason');
		expect(repairRefusal({ ...far, reason: 'transfer-in' }, [])).toBe('reason');
	});
});

describe('the book at a count stamped between the reversal and the entry', () => {
	// Counted 150 one hour from now: the reversal (now) is before it, the entry (10 h) after.
	const line = {
		id: 'l1',
		at: at(NOW + HOUR),
		itemId: 'tea',
		locationId: '',
		lot: '',
		countedQty: 150,
		by: 'u',
		device: 'd'
	};
	const session = { warehouseId: 'w', lines: [line] };
	it('is 150 with the pair left out (it would read 86 with the reversal counted)', () => {
		const [v] = computeVariances(session, [mv('a', NOW - HOUR, 150), far, fix]);
		expect(v?.bookAtStamp).toBe(150);
		expect(v?.delta).toBe(0);
	});
});

describe('re-entry time', () => {
	it.each([
		[NOW, null],
		[NOW + REENTRY_SLACK_MS, null],
		[NOW + REENTRY_SLACK_MS + 1, 'ahead'],
		[STAMP_FLOOR_MS, null],
		[STAMP_FLOOR_MS - 1, 'behind'],
		[Number.NaN, 'behind']
	])('%d → %s', (ms, expected) => {
		expect(reentryRefusal(ms, NOW)).toBe(expected);
	});

	it('the likely time is the stamp less the device’s lead, never after now', () => {
		expect(likelyTimeMs(NOW + 10 * HOUR, 10 * HOUR, NOW)).toBe(NOW);
		expect(likelyTimeMs(NOW + 10 * HOUR, 11 * HOUR, NOW)).toBe(NOW - HOUR);
		expect(likelyTimeMs(NOW + 10 * HOUR, 9 * HOUR, NOW)).toBe(NOW);
		expect(likelyTimeMs(NOW + 10 * HOUR, undefined, NOW)).toBe(NOW);
	});
});
