// Qualification status: valid, expiring within N days, or expired. Dates are calendar days
// (YYYY-MM-DD); a certificate is valid through its expiry day and expired the day after.

import type { Qualification, Supplier } from './supplier';

export type QualificationStatus = 'valid' | 'expiring' | 'expired';

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function addDays(date: string, days: number): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * `expired` once `today` is after the expiry day; `expiring` when the expiry day is at most
 * `warnDays` away (the expiry day itself included); `valid` otherwise.
 */
export function qualificationStatus(
	q: Pick<Qualification, 'expiresOn'>,
	today: string,
	warnDays: number
): QualificationStatus {
	const left = daysBetween(today, q.expiresOn);
	if (left < 0) return 'expired';
	if (left <= warnDays) return 'expiring';
	return 'valid';
}

export interface QualificationAlert {
	supplierId: string;
	supplierCode: string;
	supplierName: string;
	qualification: Qualification;
	status: Exclude<QualificationStatus, 'valid'>;
	/** Days until expiry (negative: days overdue). */
	daysLeft: number;
}

/** Expiring and expired qualifications of active suppliers, most urgent first. */
export function qualificationAlerts(
	suppliers: readonly Supplier[],
	today: string,
	warnDays: number
): QualificationAlert[] {
	const out: QualificationAlert[] = [];
	for (const s of suppliers) {
		if (!s.active) continue;
		for (const q of s.qualifications) {
			const status = qualificationStatus(q, today, warnDays);
			if (status === 'valid') continue;
			out.push({
				supplierId: s.id,
				supplierCode: s.code,
				supplierName: s.name,
				qualification: q,
				status,
				daysLeft: daysBetween(today, q.expiresOn)
			});
		}
	}
	return out.sort((a, b) => a.daysLeft - b.daysLeft || (a.supplierCode < b.supplierCode ? -1 : 1));
}

/** Mandatory qualifications of the supplier that have expired by `today`. */
export function expiredMandatory(supplier: Supplier, today: string): Qualification[] {
	return supplier.qualifications.filter(
		(q) => q.mandatory && qualificationStatus(q, today, 0) === 'expired'
	);
}
