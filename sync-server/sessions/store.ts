// Sign-in links, device sessions, user revocations and workspace profiles: who may connect.
// Two backends behind one async interface: the relay's own SQLite file next to the document
// updates (store-sqlite.ts, the default), or the Postgres database the relays share when
// STOCKFLOW_DATABASE_URL is set (store-postgres.ts), so a device signed in through one relay is
// known to all of them and a revocation on one closes the device on the others within a poll
// (see guard.ts). The relay, the CLI (`stockflow users`, `stockflow revoke`) and backups all see
// the same rows.

import type { Role } from '../../src/lib/domain/auth/roles';
import type { ProfileStore } from './profiles';
import { openSqliteSessionStore } from './store-sqlite';
import { openPostgresSessionStore } from './store-postgres';
import type { EndReason } from './store-rows';
import type { PeopleChange } from './people-changes';

export { END_REASONS, type EndReason } from './store-rows';

export interface DeviceSession {
	readonly id: string;
	readonly workspace: string;
	readonly user: string;
	readonly role: Role;
	readonly deviceName: string;
	readonly createdAtMs: number;
	readonly lastSeenAtMs: number;
	readonly credentialExpiresAtMs: number;
	readonly appVersion: string | null;
	readonly endedAtMs: number | null;
	readonly endReason: EndReason | null;
}

export interface StoredDeviceSession extends DeviceSession {
	readonly secretHash: string;
}

export interface SignInLinkRecord {
	readonly id: string;
	readonly workspace: string;
	readonly user: string;
	readonly role: Role;
	readonly createdAtMs: number;
	readonly expiresAtMs: number;
}

export type LinkUse = 'ok' | 'unknown' | 'used' | 'expired';

export interface NewDeviceSession {
	readonly id: string;
	readonly workspace: string;
	readonly user: string;
	readonly role: Role;
	readonly deviceName: string;
	readonly secretHash: string;
	readonly appVersion: string | null;
	readonly nowMs: number;
	readonly credentialExpiresAtMs: number;
}

export interface SessionStore extends ProfileStore {
	recordLink(link: SignInLinkRecord): Promise<void>;
	/** Marks the link used (once); anything but `ok` means it must not sign anyone in. */
	useLink(id: string, nowMs: number): Promise<LinkUse>;
	/** The link as recorded, used or not. */
	link(id: string): Promise<(SignInLinkRecord & { usedAtMs: number | null }) | null>;
	createSession(input: NewDeviceSession): Promise<DeviceSession>;
	session(id: string): Promise<StoredDeviceSession | null>;
	/** Records a successful use: last seen, app version, and (renewal) a new credential expiry. */
	touch(
		id: string,
		nowMs: number,
		update?: { appVersion?: string; expiresAtMs?: number }
	): Promise<void>;
	/** Renames a device (the name others see); false when the session is unknown. */
	renameSession(id: string, deviceName: string): Promise<boolean>;
	/** Ends one session; false when it was unknown or already ended. */
	endSession(id: string, reason: EndReason, nowMs: number): Promise<boolean>;
	/**
	 * Ends every open session of a user and refuses the user's plain JWTs issued up to now.
	 * Returns the number of sessions ended.
	 */
	revokeUser(workspace: string, user: string, reason: EndReason, nowMs: number): Promise<number>;
	/** When the user's access was last revoked (ms), or null. */
	userRevokedAtMs(workspace: string, user: string): Promise<number | null>;
	/**
	 * For the guard's poll, one read for all open connections: the end reason (null = open) of
	 * each known session among `ids`; unknown ids are left out.
	 */
	sessionEnds(ids: readonly string[]): Promise<Map<string, EndReason | null>>;
	/** Every revocation in these workspaces, by `revocationKey(workspace, user)`, in ms. */
	revocations(workspaces: readonly string[]): Promise<Map<string, number>>;
	/** Every device session of a workspace, newest first. */
	list(workspace: string): Promise<DeviceSession[]>;
	/** Whether some admin is signed in on a device of the workspace (session not ended). */
	hasActiveAdmin(workspace: string): Promise<boolean>;
	/** Appends a role change or revocation to the workspace's people trail. */
	recordPeopleChange(change: PeopleChange): Promise<void>;
	/** The workspace's people trail, newest first. */
	peopleChanges(workspace: string): Promise<PeopleChange[]>;
	close(): Promise<void>;
}

export function revocationKey(workspace: string, user: string): string {
	return `${workspace}\u0000${user}`;
}

/**
 * The sessions of `dataDir`'s SQLite file, or of the shared Postgres database when a URL is
 * given (what STOCKFLOW_DATABASE_URL selects for the document store too).
 */
export function openSessionStore(options: {
	dataDir: string;
	databaseUrl?: string | null;
	onError?: (err: Error) => void;
}): SessionStore {
	return options.databaseUrl
		? openPostgresSessionStore({ url: options.databaseUrl, onError: options.onError })
		: openSqliteSessionStore({ dataDir: options.dataDir });
}
