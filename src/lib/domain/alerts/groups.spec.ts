import { describe, expect, it } from 'vitest';
import type { Alert } from './alerts';
import { alertGroupOf, groupAlerts } from './groups';

const expiring = (lot: string, daysLeft: number): Alert => ({
	kind: daysLeft < 0 ? 'expired' : 'expiring',
	itemId: 'milk',
	lot,
	expiry: '2030-01-01',
	onHand: 1,
	daysLeft
});

describe('alertGroupOf', () => {
	it.each([
		[{ kind: 'shortage', itemId: 'a', onHand: 1, safetyStock: 5 }, 'shortage'],
		[{ kind: 'overstock', itemId: 'a', onHand: 9, maxStock: 5 }, 'overstock'],
		[{ kind: 'slow-moving', itemId: 'a', onHand: 9, lastIssueAt: null }, 'slow-moving'],
		[expiring('L1', 3), 'expiry'],
		[expiring('L0', -2), 'expiry']
	] as [Alert, string][])('%o → %s', (alert, group) => {
		expect(alertGroupOf(alert)).toBe(group);
	});
});

describe('groupAlerts', () => {
	it('puts expired and expiring lots in one group, soonest first', () => {
		const groups = groupAlerts([
			expiring('L9', 20),
			{ kind: 'shortage', itemId: 'a', onHand: 1, safetyStock: 5 },
			expiring('L0', -2),
			expiring('L3', 3)
		]);
		expect(groups.expiry.map((a) => ('lot' in a ? a.lot : ''))).toEqual(['L0', 'L3', 'L9']);
		expect(groups.shortage).toHaveLength(1);
		expect(groups.overstock).toEqual([]);
		expect(groups['slow-moving']).toEqual([]);
	});
});
