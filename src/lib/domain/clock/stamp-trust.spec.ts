// The bounds on a stamp's distance from the relay's time, tested exactly on each bound.
import { describe, expect, it } from 'vitest';
import { formatStamp } from './hlc';
import {
	FLAG_AHEAD_MS,
	REFUSE_AHEAD_MS,
	STAMP_FLOOR_MS,
	entryStamp,
	isFlaggedStamp,
	relayMonthTrust,
	relayStampTrust,
	trustedNowMs
} from './stamp-trust';

const NOW = Date.UTC(2026, 11, 7, 9);
const at = (wallMs: number, counter = 0) => formatStamp({ wallMs, counter, device: 'dev' });

describe('the relay’s verdict', () => {
	it.each([
		['exactly 24 h ahead', NOW + REFUSE_AHEAD_MS, 'ok'],
		['24 h and 1 ms ahead', NOW + REFUSE_AHEAD_MS + 1, 'ahead'],
		['400 days ahead', NOW + 400 * 86_400_000, 'ahead'],
		['three months behind (an offline device syncing late)', NOW - 90 * 86_400_000, 'ok'],
		['exactly on the floor (2020-01-01)', STAMP_FLOOR_MS, 'ok'],
		['1 ms before the floor', STAMP_FLOOR_MS - 1, 'behind'],
		['June 2001 (a reset clock)', Date.UTC(2001, 5, 14), 'behind']
	])('%s: %s', (_label, wallMs, verdict) => {
		expect(relayStampTrust(at(wallMs), NOW)).toBe(verdict);
	});

	it('reads the wall time only: a large counter does not move a stamp ahead', () => {
		expect(relayStampTrust(at(NOW + REFUSE_AHEAD_MS, 999_999), NOW)).toBe('ok');
	});
});

describe('flagged on a device', () => {
	it.each([
		['exactly 5 min ahead', NOW + FLAG_AHEAD_MS, false],
		['5 min and 1 ms ahead', NOW + FLAG_AHEAD_MS + 1, true],
		['a year behind', NOW - 365 * 86_400_000, false],
		['1 ms before the floor', STAMP_FLOOR_MS - 1, true]
	])('%s: %s', (_label, wallMs, flagged) => {
		expect(isFlaggedStamp(at(wallMs), NOW)).toBe(flagged);
	});
});

describe('entryStamp', () => {
	it('finds the `at` stamp of an entry and nothing else', () => {
		expect(entryStamp({ id: 'm1', at: at(NOW) })).toBe(at(NOW));
		expect(entryStamp({ id: 'm1', at: '2026-12-07' })).toBeNull();
		expect(entryStamp(at(NOW))).toBeNull();
		expect(entryStamp(null)).toBeNull();
	});
});

describe('trustedNowMs', () => {
	const DEC = Date.UTC(2026, 11, 7, 9);
	const JUN_2001 = Date.UTC(2001, 5, 14);
	it('offline with a clock reset to 2001: the latest stamp it recorded', () => {
		expect(trustedNowMs({ relayMs: JUN_2001, measured: false, highWaterMs: DEC })).toBe(DEC);
	});
	it('offline on a new device reset to 2001: not before the floor', () => {
		expect(trustedNowMs({ relayMs: JUN_2001, measured: false, highWaterMs: 0 })).toBe(
			STAMP_FLOOR_MS
		);
	});
	it('online: the relay’s time, even below a high-water mark a wrong clock left', () => {
		const AHEAD = DEC + 400 * 86_400_000;
		expect(trustedNowMs({ relayMs: DEC, measured: true, highWaterMs: AHEAD })).toBe(DEC);
	});
});

describe('relayMonthTrust (the catalog’s list of ledger months)', () => {
	const JAN_2027 = Date.UTC(2027, 0, 1);
	it.each([
		['January 2027 starts exactly 24 h ahead', '2027-01', JAN_2027 - REFUSE_AHEAD_MS, 'ok'],
		['… 24 h and 1 ms ahead', '2027-01', JAN_2027 - REFUSE_AHEAD_MS - 1, 'ahead'],
		['the current month', '2026-12', NOW, 'ok'],
		['a past month', '2026-06', NOW, 'ok'],
		['400 days ahead', '2028-01', NOW, 'ahead'],
		['the floor’s month', '2020-01', NOW, 'ok'],
		['the month before the floor', '2019-12', NOW, 'behind'],
		['a reset clock’s month', '2001-06', NOW, 'behind']
	])('%s', (_label, month, relayNowMs, expected) => {
		expect(relayMonthTrust(month, relayNowMs)).toBe(expected);
	});
});
