import { describe, expect, it } from 'vitest';
import { formatStamp } from '../domain/clock/hlc';
import { isLedgerDocName, ledgerDocName, monthOfLedgerDoc, monthOfMs, monthOfStamp } from './names';

describe('doc names', () => {
	it.each([
		[Date.UTC(2025, 0, 1, 0, 0), '2025-01'],
		[Date.UTC(2025, 11, 31, 23, 59, 59, 999), '2025-12'],
		// 2026-01-01 07:00 in Taipei is still December in UTC: months are UTC everywhere.
		[Date.UTC(2025, 11, 31, 23, 0), '2025-12']
	])('month of %d is %s', (ms, month) => {
		expect(monthOfMs(ms)).toBe(month);
		expect(monthOfStamp(formatStamp({ wallMs: ms, counter: 3, device: 'd' }))).toBe(month);
	});

	it.each([
		['ledger-2025-11', true, '2025-11'],
		['ledger-2025-13', false, null],
		['ledger-25-11', false, null],
		['catalog', false, null]
	] as const)('%s is a ledger doc: %s', (name, ok, month) => {
		expect(isLedgerDocName(name)).toBe(ok);
		expect(monthOfLedgerDoc(name)).toBe(month);
	});

	it('round-trips ledger names and refuses non-months', () => {
		expect(monthOfLedgerDoc(ledgerDocName('2026-02'))).toBe('2026-02');
		expect(() => ledgerDocName('2026-2')).toThrow(RangeError);
	});
});
