// View model of the app shell (the (app) layout): the session and its workspace, which
// department's navigation shows for the current path, the nav entry and presence page of that
// path, who else is online (in words), and switching department or signing out.

import type { Department } from '../../domain/auth/roles';
import type { PeerView } from '../../components/PeerAvatars.svelte';
import { orderNumberOf } from '../../doc/orders-doc';
import { t } from '../../i18n';
import { markBoot } from '../boot-marks';
import { presence, setPresence } from '../presence.svelte';
import { restoreSession, session, signOut, type Session } from '../session.svelte';
import { loadCompany } from '../session-company.svelte';
import { closeWorkspace, openWorkspace, type WorkspaceState } from '../workspace.svelte';
import { currentDepartment, setDepartment } from './department.svelte';
import { presencePageLabel } from './presence-label';
import { purchasingAttention } from './purchasing-attention';
import {
	departmentOfPath,
	departmentOfRole,
	entryOfPath,
	isDepartment,
	navFor,
	type NavEntry
} from './navigation';
import { pageOfPath } from './page-ids';

/** Where the user is: the path and the `[department]` route parameter, if any. */
export interface ShellRoute {
	path: string;
	department: string | undefined;
}

export class ShellModel {
	/** Null once signed out (or when there was no session to restore). */
	ws = $state<WorkspaceState | null>(null);
	drawerOpen = $state(false);
	userMenuOpen = $state(false);

	private readonly session: Session | null;

	/** The department named by a /dept/<d> route, or null. */
	readonly routeDepartment: Department | null = $derived.by(() => {
		const d = this.route().department;
		return isDepartment(d) ? d : null;
	});

	/** The route's department, else the path's, else the one remembered, else the role's. */
	readonly department: Department = $derived.by(
		() =>
			this.routeDepartment ??
			departmentOfPath(this.route().path) ??
			currentDepartment.value ??
			(this.session ? departmentOfRole(this.session.role) : 'warehouse')
	);

	readonly nav: NavEntry[] = $derived.by(() => {
		const entries = navFor(this.department);
		const ws = this.ws;
		if (this.department !== 'purchasing' || !ws?.ready) return entries;
		// Re-counted when orders or items change and on every navigation.
		void ws.docRevision.orders;
		void ws.items;
		void this.route().path;
		const attention = purchasingAttention(ws);
		if (attention.total === 0) return entries;
		return entries.map((e) =>
			e.page === 'purchasing'
				? {
						...e,
						badge: {
							count: attention.total,
							label: t('nav.badge.purchasing', { count: attention.total })
						}
					}
				: e
		);
	});
	readonly activeHref: string | undefined = $derived.by(
		() => entryOfPath(this.route().path, this.nav)?.href
	);
	readonly pageId: string = $derived.by(() => pageOfPath(this.route().path));

	readonly peers: PeerView[] = $derived.by(() =>
		presence.peers.map((p) => ({
			clientId: p.clientId,
			user: p.user,
			color: p.color,
			self: p.self,
			detail: t('presence.on', {
				department: isDepartment(p.department) ? t(`dept.${p.department}`) : p.department,
				page: presencePageLabel(p.page, (id) =>
					this.ws ? orderNumberOf(this.ws.runtime.docs.shared('orders'), id) : undefined
				)
			})
		}))
	);

	constructor(private readonly route: () => ShellRoute) {
		this.session = session.current ?? restoreSession();
		markBoot('session');
		this.ws = this.session ? openWorkspace(this.session) : null;
		if (this.session) void loadCompany(this.session);
	}

	/** Remember the department of a department page, so shared pages keep its navigation. */
	rememberDepartment(): void {
		const own = this.routeDepartment ?? departmentOfPath(this.route().path);
		if (own && own !== currentDepartment.value) setDepartment(own);
	}

	/** Others see which department and page this user is on. */
	announcePresence(): void {
		setPresence({ department: this.department, page: this.pageId });
	}

	/** After navigating: the drawer and the user menu close. */
	closeMenus(): void {
		this.drawerOpen = false;
		this.userMenuOpen = false;
	}

	/** The department to go to, or null when `value` is not one. */
	switchDepartment(value: string): Department | null {
		if (!isDepartment(value)) return null;
		setDepartment(value);
		return value;
	}

	async signOut(): Promise<void> {
		this.ws = null;
		signOut();
		await closeWorkspace();
	}
}
