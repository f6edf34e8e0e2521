import { describe, expect, it } from 'vitest';
import {
	closeCandidate,
	closeGates,
	listedMonths,
	monthEndMs,
	periodStatus
} from './period-status';

describe('period close page rules', () => {
	it.each([
		['2026-09', '2026-10', '2026-11', 'closed'],
		['2026-10', '2026-10', '2026-11', 'closed'],
		['2026-10', null, '2026-11', 'open'],
		['2026-11', '2026-10', '2026-11', 'current'],
		['2026-12', null, '2026-11', 'future']
	] as const)('%s with closedThrough %s in %s is %s', (month, closed, now, want) => {
		expect(periodStatus(month, closed, now)).toBe(want);
	});

	it('lists the current month even before anything is posted into it', () => {
		expect(listedMonths(['2026-09', '2026-10'], '2026-11')).toEqual([
			'2026-11',
			'2026-10',
			'2026-09'
		]);
		expect(listedMonths(['2026-11', '2026-10'], '2026-11')).toEqual(['2026-11', '2026-10']);
	});

	it('offers the month after the last close, else the oldest finished month', () => {
		expect(closeCandidate(['2026-09', '2026-10', '2026-11'], '2026-09', '2026-11')).toBe('2026-10');
		expect(closeCandidate(['2026-10', '2026-08'], null, '2026-11')).toBe('2026-08');
		expect(closeCandidate([], null, '2026-11')).toBe('2026-11');
		expect(closeCandidate(['2026-11'], null, '2026-11')).toBe('2026-11');
	});

	it('ends a month at the first UTC millisecond of the next, across the year', () => {
		expect(monthEndMs('2026-10')).toBe(Date.UTC(2026, 10, 1));
		expect(monthEndMs('2026-12')).toBe(Date.UTC(2027, 0, 1));
	});

	it('says every condition this device is missing', () => {
		expect(closeGates({ mayClose: true, status: 'online', pending: 0 })).toEqual([]);
		expect(closeGates({ mayClose: false, status: 'offline', pending: 3 })).toEqual([
			{ kind: 'role' },
			{ kind: 'offline' }
		]);
		expect(closeGates({ mayClose: true, status: 'syncing', pending: 2 })).toEqual([
			{ kind: 'pending', count: 2 }
		]);
		expect(closeGates({ mayClose: true, status: 'connecting', pending: 0 })).toEqual([
			{ kind: 'syncing' }
		]);
	});
});
