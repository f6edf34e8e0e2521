// The badge text of a qualification reminder: "expires in N days" or "expired N days ago".
// One wording for the purchasing overview, the warehouse alerts and their exports.

import type { QualificationAlert } from '../../domain/purchasing/qualification';
import { t } from '../../i18n';

export function qualificationFlag(q: Pick<QualificationAlert, 'status' | 'daysLeft'>): string {
	return q.status === 'expired'
		? t('purchasing.qual.expiredAgo', { days: -q.daysLeft })
		: t('purchasing.qual.expiresIn', { days: q.daysLeft });
}
