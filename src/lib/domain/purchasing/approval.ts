// Who may approve a purchase order: a role up to an amount (in base-currency cents, limit
// included), and never for a blocked supplier or one whose mandatory qualification expired.
// The refusal carries its reason so the page can say why.

import type { Role } from '../auth/roles';
import { expiredMandatory } from './qualification';
import type { Currency, Supplier } from './supplier';

export interface PurchasingPolicy {
	/** Highest PO amount (net, base-currency cents) each role may approve; absent = may not. */
	approvalLimitsCents: Partial<Record<Role, number>>;
	/** Reminders this many days before a qualification expires. */
	expiryWarnDays: number;
	/** Default over-receipt tolerance for new POs, in percent. */
	overReceiptTolerancePct: number;
	/** Base-currency value of one unit of each currency (TWD = 1). */
	fxToBase: Record<Currency, number>;
}

export const DEFAULT_POLICY: PurchasingPolicy = {
	approvalLimitsCents: { admin: Number.MAX_SAFE_INTEGER, purchasing: 100_000_00 },
	expiryWarnDays: 30,
	overReceiptTolerancePct: 5,
	fxToBase: { TWD: 1, USD: 32, JPY: 0.21, CNY: 4.4, EUR: 35 }
};

export type ApprovalRefusal =
	| { code: 'role'; role: Role }
	| { code: 'amount'; role: Role; limitCents: number; amountCents: number }
	| { code: 'supplier-blocked' }
	| { code: 'qualification-expired'; qualification: string; expiresOn: string };

export type ApprovalDecision =
	{ ok: true; amountCents: number } | { ok: false; refusal: ApprovalRefusal };

export function toBaseCents(
	amountCents: number,
	currency: Currency,
	policy: PurchasingPolicy
): number {
	return Math.round(amountCents * (policy.fxToBase[currency] ?? 1));
}

export function decideApproval(input: {
	role: Role;
	/** Net amount of the PO in its own currency. */
	amountCents: number;
	currency: Currency;
	supplier: Supplier;
	today: string;
	policy: PurchasingPolicy;
}): ApprovalDecision {
	const { role, supplier, policy } = input;
	if (supplier.blocked || !supplier.active)
		return { ok: false, refusal: { code: 'supplier-blocked' } };
	const expired = expiredMandatory(supplier, input.today)[0];
	if (expired)
		return {
			ok: false,
			refusal: {
				code: 'qualification-expired',
				qualification: expired.name || expired.type,
				expiresOn: expired.expiresOn
			}
		};
	const limitCents = policy.approvalLimitsCents[role];
	if (limitCents === undefined) return { ok: false, refusal: { code: 'role', role } };
	const amountCents = toBaseCents(input.amountCents, input.currency, policy);
	if (amountCents > limitCents)
		return { ok: false, refusal: { code: 'amount', role, limitCents, amountCents } };
	return { ok: true, amountCents };
}
