// View model of the People and devices page (admins): the people of the workspace with their
// devices, an invitation link (and its QR code) for a role, changing a role (which ends the
// person's sessions and gives a new link), revoking a person or one device. All of it lives
// on the relay, so the page needs a connection; errors become translated messages.

import { ROLES, type Role } from '../../domain/auth/roles';
import { fmtDateTime, t } from '../../i18n';
import { peopleApi, type InviteLink, type PeopleApi, type PersonView } from '../../sync/people-api';
import type { WorkspaceState } from '../workspace.svelte';
import type { SaveResult } from './save-result';

export interface ShownInvite {
	role: Role;
	/** Whose new link it is after a role change; null for a fresh invitation. */
	user: string | null;
	link: string;
	expiresText: string;
}

export class PeoplePageModel {
	readonly isAdmin: boolean;
	readonly roles = ROLES;
	people = $state.raw<PersonView[]>([]);
	loading = $state(false);
	loadFailed = $state(false);
	inviteRole = $state<Role>('warehouse');
	invite = $state<ShownInvite | null>(null);
	busy = $state(false);
	private readonly api: PeopleApi;

	constructor(ws: WorkspaceState, api?: PeopleApi) {
		this.isAdmin = ws.session.role === 'admin';
		this.api =
			api ??
			peopleApi({
				origin: typeof location === 'undefined' ? '' : location.origin,
				token: ws.session.token
			});
	}

	async load(): Promise<void> {
		if (!this.isAdmin) return;
		this.loading = true;
		try {
			this.people = await this.api.list();
			this.loadFailed = false;
		} catch {
			this.loadFailed = true;
		} finally {
			this.loading = false;
		}
	}

	async createInvite(): Promise<SaveResult> {
		return this.act(async () => {
			this.invite = shown(this.inviteRole, null, await this.api.invite(this.inviteRole));
			return null;
		});
	}

	async changeRole(user: string, role: Role): Promise<SaveResult> {
		return this.act(async () => {
			const { invite } = await this.api.changeRole(user, role);
			this.invite = shown(role, user, invite);
			return t('people.roleChanged', { user, role: t(`role.${role}`) });
		});
	}

	async revokeUser(user: string): Promise<SaveResult> {
		return this.act(async () => t('people.revoked', { count: await this.api.revokeUser(user) }));
	}

	async revokeDevice(device: string): Promise<SaveResult> {
		return this.act(async () =>
			t('people.revoked', { count: await this.api.revokeDevice(device) })
		);
	}

	/** Runs one admin action, then reloads the list; the message (if any) goes to the toast. */
	private async act(action: () => Promise<string | null>): Promise<SaveResult> {
		if (this.busy) return { ok: false, message: null };
		this.busy = true;
		try {
			const message = await action();
			await this.load();
			return message === null ? { ok: false, message: null } : { ok: true, message };
		} catch {
			return { ok: false, message: t('people.actionFailed') };
		} finally {
			this.busy = false;
		}
	}
}

function shown(role: Role, user: string | null, invite: InviteLink): ShownInvite {
	return { role, user, link: invite.link, expiresText: fmtDateTime(invite.expiresAtMs) };
}
