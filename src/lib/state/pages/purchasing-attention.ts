// What the purchasing navigation's badge counts: qualifications expiring or expired (within
// the policy's warning days) and purchase orders waiting for approval (drafts).

import { purchasingView } from '../../commands/purchasing/read';
import { qualificationAlerts } from '../../domain/purchasing/qualification';
import type { WorkspaceState } from '../workspace.svelte';
import { localToday } from './orders-board-helpers';

export interface PurchasingAttention {
	qualifications: number;
	awaitingApproval: number;
	total: number;
}

export function purchasingAttention(ws: WorkspaceState): PurchasingAttention {
	const view = purchasingView({ docs: ws.runtime.docs });
	const qualifications = qualificationAlerts(
		view.suppliers,
		localToday(),
		view.policy.expiryWarnDays
	).length;
	const awaitingApproval = view.orders.filter((o) => o.fold.status === 'draft').length;
	return { qualifications, awaitingApproval, total: qualifications + awaitingApproval };
}
