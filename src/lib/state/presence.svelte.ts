// Who is online and on which screen, from the catalog provider's awareness.

import type { Awareness } from 'y-protocols/awareness';
import type { Role } from '../domain/auth/roles';
import { colorOf, peersFromAwareness, type LocalPresence, type Peer } from '../sync/presence-peers';

export type { Peer } from '../sync/presence-peers';

export const presence: { peers: Peer[] } = $state({ peers: [] });

let awareness: Awareness | null = null;
let local: LocalPresence | null = null;
let unbind: (() => void) | null = null;

function refresh(): void {
	if (awareness) presence.peers = peersFromAwareness(awareness.getStates(), awareness.clientID);
	else presence.peers = local ? [{ clientId: 0, ...local, self: true }] : [];
}

export function setPresence(info: { department: string; page: string }): void {
	if (!local) return;
	local = { ...local, department: info.department, page: info.page };
	if (awareness) awareness.setLocalState(local);
	refresh();
}

/** Called by the workspace: who we are, and the awareness to publish on (null when offline-only). */
export function bindPresence(user: { user: string; role: Role }, next: Awareness | null): void {
	unbind?.();
	local = {
		user: user.user,
		role: user.role,
		department: local?.department ?? '',
		page: local?.page ?? '',
		color: colorOf(user.user)
	};
	awareness = next;
	if (next) {
		next.setLocalState(local);
		const onChange = (): void => refresh();
		next.on('change', onChange);
		unbind = () => next.off('change', onChange);
	} else {
		unbind = null;
	}
	refresh();
}

export function unbindPresence(): void {
	unbind?.();
	unbind = null;
	awareness?.setLocalState(null);
	awareness = null;
	local = null;
	presence.peers = [];
}
