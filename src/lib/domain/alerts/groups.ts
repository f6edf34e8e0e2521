// The alert dashboard's four groups: expiring and expired lots share one group, soonest
// expiry first; the other groups keep the order `computeAlerts` gave them.

import type { Alert } from './alerts';

export const ALERT_GROUPS = ['shortage', 'expiry', 'overstock', 'slow-moving'] as const;
export type AlertGroup = (typeof ALERT_GROUPS)[number];

export function alertGroupOf(alert: Alert): AlertGroup {
	switch (alert.kind) {
		case 'expiring':
		case 'expired':
			return 'expiry';
		case 'shortage':
		case 'overstock':
		case 'slow-moving':
			return alert.kind;
	}
}

export function groupAlerts(alerts: Iterable<Alert>): Record<AlertGroup, Alert[]> {
	const out: Record<AlertGroup, Alert[]> = {
		shortage: [],
		expiry: [],
		overstock: [],
		'slow-moving': []
	};
	for (const a of alerts) out[alertGroupOf(a)].push(a);
	const daysLeft = (a: Alert) => ('daysLeft' in a ? a.daysLeft : 0);
	out.expiry.sort((x, y) => daysLeft(x) - daysLeft(y));
	return out;
}
