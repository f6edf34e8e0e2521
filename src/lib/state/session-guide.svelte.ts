// Per-role "getting started" guidance: three first things to do and where they are, shown on
// the department's home page until the person dismisses it (remembered per workspace, user
// and role on the device, so a role change shows the new role's guidance).

import { resolve } from '$app/paths';
import type { Role } from '../domain/auth/roles';
import type { MessageKey } from '../i18n';
import { browserKeyValueStore, type KeyValueStore } from '../storage/kv';
import type { Session } from './jwt-claims';

export interface GuideStep {
	readonly text: MessageKey;
	/** Where it is done; null when there is nowhere to go (ask the administrator). */
	readonly href: string | null;
}

export const GUIDE_STEPS: Record<Role, readonly GuideStep[]> = {
	admin: [
		{ text: 'gettingStarted.admin.1', href: resolve('/warehouses') },
		{ text: 'gettingStarted.admin.2', href: resolve('/admin/people') },
		{ text: 'gettingStarted.admin.3', href: resolve('/finance/periods') }
	],
	warehouse: [
		{ text: 'gettingStarted.warehouse.1', href: resolve('/movements/new') },
		{ text: 'gettingStarted.warehouse.2', href: resolve('/stock') },
		{ text: 'gettingStarted.warehouse.3', href: resolve('/warehouse/stocktakes') }
	],
	sales: [
		{ text: 'gettingStarted.sales.1', href: resolve('/sales/customers') },
		{ text: 'gettingStarted.sales.2', href: resolve('/sales/board') },
		{ text: 'gettingStarted.sales.3', href: resolve('/stock') }
	],
	purchasing: [
		{ text: 'gettingStarted.purchasing.1', href: resolve('/purchasing/suppliers') },
		{ text: 'gettingStarted.purchasing.2', href: resolve('/purchasing/requisitions') },
		{ text: 'gettingStarted.purchasing.3', href: resolve('/purchasing/orders') }
	],
	production: [
		{ text: 'gettingStarted.production.1', href: resolve('/production/work-orders') },
		{ text: 'gettingStarted.production.2', href: resolve('/production/planning') },
		{ text: 'gettingStarted.production.3', href: resolve('/production/work-orders') }
	],
	finance: [
		{ text: 'gettingStarted.finance.1', href: resolve('/finance') },
		{ text: 'gettingStarted.finance.2', href: resolve('/finance') },
		{ text: 'gettingStarted.finance.3', href: resolve('/finance/periods') }
	],
	viewer: [
		{ text: 'gettingStarted.viewer.1', href: resolve('/stock') },
		{ text: 'gettingStarted.viewer.2', href: resolve('/items') },
		{ text: 'gettingStarted.viewer.3', href: null }
	]
};

type Who = Pick<Session, 'workspace' | 'user' | 'role'>;

const keyOf = (who: Who): string =>
	`stockflow.guide-dismissed.${who.workspace}.${who.user}.${who.role}`;

/** The guidance of one signed-in person: its steps and whether it is still shown. */
export class RoleGuide {
	dismissed = $state(false);
	readonly steps: readonly GuideStep[];
	readonly role: Role;

	constructor(
		private readonly who: Who,
		private readonly kv: KeyValueStore = browserKeyValueStore()
	) {
		this.role = who.role;
		this.steps = GUIDE_STEPS[who.role];
		this.dismissed = kv.get(keyOf(who)) !== null;
	}

	dismiss(): void {
		this.kv.set(keyOf(this.who), String(Date.now()));
		this.dismissed = true;
	}
}
