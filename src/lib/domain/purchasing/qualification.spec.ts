import { describe, expect, it } from 'vitest';
import { expiredMandatory, qualificationAlerts, qualificationStatus } from './qualification';
import { supplier } from './test-support';

describe('qualificationStatus (warn 30 days)', () => {
	it.each([
		['2026-12-31', '2026-11-01', 'valid'], // 60 days left
		['2026-12-02', '2026-11-01', 'valid'], // 31 days left: one past the window
		['2026-12-01', '2026-11-01', 'expiring'], // exactly 30 days: inside the window
		['2026-11-02', '2026-11-01', 'expiring'],
		['2026-11-01', '2026-11-01', 'expiring'], // the expiry day itself is still valid
		['2026-10-31', '2026-11-01', 'expired'], // the day after expiry
		['2025-01-01', '2026-11-01', 'expired']
	] as const)('expires %s, today %s → %s', (expiresOn, today, status) => {
		expect(qualificationStatus({ expiresOn }, today, 30)).toBe(status);
	});

	it('warnDays 0: only the expiry day itself is expiring', () => {
		expect(qualificationStatus({ expiresOn: '2026-11-01' }, '2026-11-01', 0)).toBe('expiring');
		expect(qualificationStatus({ expiresOn: '2026-11-02' }, '2026-11-01', 0)).toBe('valid');
	});
});

describe('alerts and mandatory expiry', () => {
	const s = supplier({
		qualifications: [
			{
				id: 'q1',
				type: 'iso-9001',
				name: 'ISO',
				issuedOn: '2023-01-01',
				expiresOn: '2026-10-31',
				mandatory: true
			},
			{
				id: 'q2',
				type: 'haccp',
				name: 'HACCP',
				issuedOn: '2023-01-01',
				expiresOn: '2026-11-15',
				mandatory: false
			},
			{
				id: 'q3',
				type: 'licence',
				name: 'Lic',
				issuedOn: '2023-01-01',
				expiresOn: '2027-11-15',
				mandatory: true
			}
		]
	});

	it('lists expired then expiring, most urgent first, valid ones left out', () => {
		const alerts = qualificationAlerts([s], '2026-11-01', 30);
		expect(alerts.map((a) => [a.qualification.id, a.status, a.daysLeft])).toEqual([
			['q1', 'expired', -1],
			['q2', 'expiring', 14]
		]);
	});

	it('an inactive supplier raises no alerts', () => {
		expect(qualificationAlerts([{ ...s, active: false }], '2026-11-01', 30)).toEqual([]);
	});

	it('expired mandatory only: on the expiry day not yet, the day after yes', () => {
		expect(expiredMandatory(s, '2026-10-31')).toEqual([]);
		expect(expiredMandatory(s, '2026-11-01').map((q) => q.id)).toEqual(['q1']);
	});
});
