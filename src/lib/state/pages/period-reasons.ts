// Why a month cannot be closed yet, or why this device cannot close it, in the user's words
// (the period close page's blocker and gate lines).

import type { CloseBlocker } from '../../commands/period-close';
import type { Role } from '../../domain/auth/roles';
import { fmtDateTime, fmtMonth, t } from '../../i18n';
import { monthEndMs, type CloseGate } from './period-status';

export function blockerText(b: CloseBlocker, candidate: string): string {
	const month = fmtMonth(candidate);
	switch (b.kind) {
		case 'current-month':
			return t('periods.blocker.current-month', {
				month,
				end: fmtDateTime(monthEndMs(candidate))
			});
		case 'earlier-month-open':
			return t('periods.blocker.earlier-month-open', { month: fmtMonth(b.month) });
		case 'already-closed':
			return t('periods.blocker.already-closed', { month });
		case 'opening-missing':
			return t('periods.blocker.opening-missing', { month });
		case 'open-count':
			return t('periods.blocker.open-count', { number: b.number });
	}
}

export function gateText(g: CloseGate, role: Role): string {
	switch (g.kind) {
		case 'role':
			return t('periods.gate.role', { role: t(`role.${role}`) });
		case 'offline':
			return t('periods.gate.offline');
		case 'syncing':
			return t('periods.gate.syncing');
		case 'pending':
			return t('periods.gate.pending', { count: g.count });
	}
}
