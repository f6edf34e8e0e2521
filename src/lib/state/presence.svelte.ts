// Who is online and on which screen, from the catalog provider's awareness.

import type { Awareness } from 'y-protocols/awareness';
import type { Role } from '../domain/auth/roles';
import { colorOf, peersFromAwareness, type LocalPresence, type Peer } from '../sync/presence-peers';
import { rememberOffsets } from './device-offsets.svelte';

export type { Peer } from '../sync/presence-peers';

export const presence: { peers: Peer[] } = $state({ peers: [] });

const NAMES_KEY = 'stockflow.deviceNames';

function loadNames(): Record<string, string> {
	try {
		const raw: unknown = JSON.parse(globalThis.localStorage?.getItem(NAMES_KEY) ?? '{}');
		if (typeof raw !== 'object' || raw === null) return {};
		return Object.fromEntries(
			Object.entries(raw).filter(
				(e): e is [string, string] => typeof e[1] === 'string' && e[1].length <= 80
			)
		);
	} catch {
		return {};
	}
}

/**
 * Names of the devices this device has seen online (clock id → "iPad · 倉管"), remembered
 * across reloads: history and order logs show them instead of ids.
 */
export const deviceNames: { byId: Record<string, string> } = $state({ byId: loadNames() });
/** A plain copy to compare against: presence refreshes inside effects, which must not come
 * to depend on the names they write. */
let knownNames: Record<string, string> = { ...deviceNames.byId };

function rememberNames(peers: readonly Peer[]): void {
	const fresh = peers.filter(
		(p) => p.device && p.deviceName && knownNames[p.device] !== p.deviceName
	);
	if (fresh.length === 0) return;
	const next = { ...knownNames };
	for (const p of fresh) next[p.device] = p.deviceName;
	knownNames = next;
	deviceNames.byId = next;
	try {
		globalThis.localStorage?.setItem(NAMES_KEY, JSON.stringify(next));
	} catch {
		// Storage full or unavailable: the names stay for this visit.
	}
}

let awareness: Awareness | null = null;
let local: LocalPresence | null = null;
let unbind: (() => void) | null = null;

function refresh(): void {
	// Written, never read here: refresh runs inside effects (setPresence on navigation), which
	// would otherwise come to depend on the peers they write and run forever.
	const peers: Peer[] = awareness
		? peersFromAwareness(awareness.getStates(), awareness.clientID)
		: local
			? [{ clientId: 0, ...local, self: true }]
			: [];
	presence.peers = peers;
	rememberNames(peers);
	rememberOffsets(peers);
}

export function setPresence(info: { department: string; page: string }): void {
	if (!local) return;
	local = { ...local, department: info.department, page: info.page };
	if (awareness) awareness.setLocalState(local);
	refresh();
}

/** This device's measured clock offset, shown to admins (the clock page); set when it moves. */
export function setPresenceOffset(clockOffsetMs: number): void {
	if (!local || local.clockOffsetMs === clockOffsetMs) return;
	local = { ...local, clockOffsetMs };
	if (awareness) awareness.setLocalState(local);
	refresh();
}

/** Called by the workspace: who we are, and the awareness to publish on (null when offline-only). */
export function bindPresence(
	user: {
		user: string;
		role: Role;
		device: string;
		deviceName: string;
		clockOffsetMs: number | null;
	},
	next: Awareness | null
): void {
	unbind?.();
	local = {
		user: user.user,
		role: user.role,
		device: user.device,
		deviceName: user.deviceName,
		clockOffsetMs: user.clockOffsetMs,
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
