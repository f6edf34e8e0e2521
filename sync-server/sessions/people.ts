// The people of a workspace as the admin sees them: each user with a role and the devices they
// signed in on, built from the device sessions (shared by GET /api/people and `stockflow users`).

import type { Role } from '../../src/lib/domain/auth/roles';
import type { DeviceSession, EndReason } from './store';

export type DeviceStatus = 'active' | EndReason;

export interface DeviceView {
	readonly id: string;
	readonly name: string;
	readonly role: Role;
	readonly status: DeviceStatus;
	readonly signedInAtMs: number;
	readonly lastSeenAtMs: number;
	readonly appVersion: string | null;
}

export interface PersonView {
	readonly user: string;
	/** The role of the newest active device, else of the newest device. */
	readonly role: Role;
	readonly activeDevices: number;
	readonly lastSeenAtMs: number;
	readonly devices: readonly DeviceView[];
}

/** Sessions (any order) → people sorted by name, devices newest first. */
export function peopleOf(sessions: readonly DeviceSession[]): PersonView[] {
	const byUser = new Map<string, DeviceSession[]>();
	for (const session of sessions) {
		const list = byUser.get(session.user) ?? [];
		list.push(session);
		byUser.set(session.user, list);
	}
	const people: PersonView[] = [];
	for (const [user, list] of byUser) {
		list.sort((a, b) => b.createdAtMs - a.createdAtMs || a.id.localeCompare(b.id));
		const active = list.filter((s) => s.endReason === null);
		const newest = active[0] ?? list[0];
		if (!newest) continue;
		people.push({
			user,
			role: newest.role,
			activeDevices: active.length,
			lastSeenAtMs: Math.max(...list.map((s) => s.lastSeenAtMs)),
			devices: list.map((s) => ({
				id: s.id,
				name: s.deviceName,
				role: s.role,
				status: s.endReason ?? 'active',
				signedInAtMs: s.createdAtMs,
				lastSeenAtMs: s.lastSeenAtMs,
				appVersion: s.appVersion
			}))
		});
	}
	return people.sort((a, b) => a.user.localeCompare(b.user));
}
