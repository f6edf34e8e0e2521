import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, decideApproval } from './approval';
import { supplier } from './test-support';

const base = {
	currency: 'TWD' as const,
	supplier: supplier(),
	today: '2026-11-01',
	policy: DEFAULT_POLICY
};

describe('decideApproval', () => {
	it.each([
		['purchasing', 100_000_00, true], // exactly at the limit
		['purchasing', 100_000_01, false], // one cent over
		['admin', 9_000_000_00, true],
		['sales', 1, false],
		['warehouse', 0, false]
	] as const)('%s approving %i cents → %s', (role, amountCents, ok) => {
		expect(decideApproval({ ...base, role, amountCents }).ok).toBe(ok);
	});

	it('says why: amount over the role limit', () => {
		expect(decideApproval({ ...base, role: 'purchasing', amountCents: 100_000_01 })).toEqual({
			ok: false,
			refusal: {
				code: 'amount',
				role: 'purchasing',
				limitCents: 100_000_00,
				amountCents: 100_000_01
			}
		});
	});

	it('converts foreign currency to base before the limit', () => {
		// 3,125 USD = 100,000 TWD at 32: exactly the limit; one cent more is over.
		expect(
			decideApproval({ ...base, role: 'purchasing', currency: 'USD', amountCents: 3125_00 }).ok
		).toBe(true);
		expect(
			decideApproval({ ...base, role: 'purchasing', currency: 'USD', amountCents: 3125_01 }).ok
		).toBe(false);
	});

	it('a configured policy changes the limit', () => {
		const policy = { ...DEFAULT_POLICY, approvalLimitsCents: { purchasing: 500_00 } };
		expect(decideApproval({ ...base, policy, role: 'purchasing', amountCents: 501_00 }).ok).toBe(
			false
		);
		expect(decideApproval({ ...base, policy, role: 'admin', amountCents: 1 })).toMatchObject({
			ok: false,
			refusal: { code: 'role' }
		});
	});

	it('an expired mandatory qualification blocks approval, even for admin; on the expiry day it does not', () => {
		const s = supplier({
			qualifications: [
				{
					id: 'q',
					type: 'iso-9001',
					name: 'ISO 9001',
					issuedOn: '2023-01-01',
					expiresOn: '2026-10-31',
					mandatory: true
				}
			]
		});
		expect(decideApproval({ ...base, supplier: s, role: 'admin', amountCents: 1 })).toEqual({
			ok: false,
			refusal: { code: 'qualification-expired', qualification: 'ISO 9001', expiresOn: '2026-10-31' }
		});
		expect(
			decideApproval({ ...base, supplier: s, today: '2026-10-31', role: 'admin', amountCents: 1 })
				.ok
		).toBe(true);
	});

	it('an expired optional qualification does not block', () => {
		const s = supplier({
			qualifications: [
				{
					id: 'q',
					type: 'test-report',
					issuedOn: '2023-01-01',
					expiresOn: '2024-01-01',
					mandatory: false
				}
			]
		});
		expect(decideApproval({ ...base, supplier: s, role: 'admin', amountCents: 1 }).ok).toBe(true);
	});

	it('a blocked supplier cannot get an approval', () => {
		expect(
			decideApproval({
				...base,
				supplier: supplier({ blocked: true }),
				role: 'admin',
				amountCents: 1
			})
		).toEqual({
			ok: false,
			refusal: { code: 'supplier-blocked' }
		});
	});
});
