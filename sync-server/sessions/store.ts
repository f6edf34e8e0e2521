// Sign-in links and device sessions, kept in the relay's own SQLite file next to the document
// updates (tables `sign_in_links`, `device_sessions`, `user_revocations`; the workspace
// profiles of profiles.ts live beside it). The relay, the CLI (`stockflow users`, `stockflow
// revoke`) and backups all see the same rows; the relay notices a revocation written by
// another process on its next poll (see guard.ts).

import Database from 'better-sqlite3';
import { ROLES, isRole, type Role } from '../../src/lib/domain/auth/roles';
import { openStockflowDatabase } from '../persistence/sqlite-open';
import { sqliteFilePath } from '../persistence/sqlite';
import { secureDataDir } from '../data-dir';
import { profileStore, type ProfileStore } from './profiles';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sign_in_links (
	id TEXT PRIMARY KEY,
	workspace TEXT NOT NULL,
	user TEXT NOT NULL,
	role TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	expires_at INTEGER NOT NULL,
	used_at INTEGER
);
CREATE TABLE IF NOT EXISTS device_sessions (
	id TEXT PRIMARY KEY,
	workspace TEXT NOT NULL,
	user TEXT NOT NULL,
	role TEXT NOT NULL,
	device_name TEXT NOT NULL,
	secret_hash TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	last_seen_at INTEGER NOT NULL,
	credential_expires_at INTEGER NOT NULL,
	app_version TEXT,
	ended_at INTEGER,
	end_reason TEXT
);
CREATE INDEX IF NOT EXISTS device_sessions_user ON device_sessions (workspace, user);
CREATE TABLE IF NOT EXISTS user_revocations (
	workspace TEXT NOT NULL,
	user TEXT NOT NULL,
	revoked_at INTEGER NOT NULL,
	PRIMARY KEY (workspace, user)
);
`;

export const END_REASONS = ['signed-out', 'revoked', 'role-changed'] as const;
export type EndReason = (typeof END_REASONS)[number];

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
	recordLink(link: SignInLinkRecord): void;
	/** Marks the link used (once); anything but `ok` means it must not sign anyone in. */
	useLink(id: string, nowMs: number): LinkUse;
	/** The link as recorded, used or not. */
	link(id: string): (SignInLinkRecord & { usedAtMs: number | null }) | null;
	createSession(input: NewDeviceSession): DeviceSession;
	session(id: string): StoredDeviceSession | null;
	/** Records a successful use: last seen, app version, and (renewal) a new credential expiry. */
	touch(id: string, nowMs: number, update?: { appVersion?: string; expiresAtMs?: number }): void;
	/** Renames a device (the name others see); false when the session is unknown. */
	renameSession(id: string, deviceName: string): boolean;
	/** Ends one session; false when it was unknown or already ended. */
	endSession(id: string, reason: EndReason, nowMs: number): boolean;
	/**
	 * Ends every open session of a user and refuses the user's plain JWTs issued up to now.
	 * Returns the number of sessions ended.
	 */
	revokeUser(workspace: string, user: string, reason: EndReason, nowMs: number): number;
	/** When the user's access was last revoked (ms), or null. */
	userRevokedAtMs(workspace: string, user: string): number | null;
	/** Every device session of a workspace, newest first. */
	list(workspace: string): DeviceSession[];
	/** Whether some admin is signed in on a device of the workspace (session not ended). */
	hasActiveAdmin(workspace: string): boolean;
	close(): void;
}

interface SessionRow {
	id: string;
	workspace: string;
	user: string;
	role: string;
	device_name: string;
	secret_hash: string;
	created_at: number;
	last_seen_at: number;
	credential_expires_at: number;
	app_version: string | null;
	ended_at: number | null;
	end_reason: string | null;
}

interface LinkRow {
	id: string;
	workspace: string;
	user: string;
	role: string;
	created_at: number;
	expires_at: number;
	used_at: number | null;
}

/** Opens (creating when needed) the session tables in `${dataDir}/stockflow.sqlite`. */
export function openSessionStore(options: { dataDir: string }): SessionStore {
	secureDataDir(options.dataDir);
	const db: Database.Database = openStockflowDatabase(sqliteFilePath(options.dataDir));
	db.pragma('busy_timeout = 5000');
	db.exec(SCHEMA);
	secureDataDir(options.dataDir);

	const insertLink = db.prepare(
		'INSERT INTO sign_in_links (id, workspace, user, role, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)'
	);
	const selectLink = db.prepare<[string], LinkRow>('SELECT * FROM sign_in_links WHERE id = ?');
	const markLinkUsed = db.prepare(
		'UPDATE sign_in_links SET used_at = ? WHERE id = ? AND used_at IS NULL'
	);
	const insertSession = db.prepare(
		`INSERT INTO device_sessions (id, workspace, user, role, device_name, secret_hash, created_at,
			last_seen_at, credential_expires_at, app_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const selectSession = db.prepare<[string], SessionRow>(
		'SELECT * FROM device_sessions WHERE id = ?'
	);
	const touchSession = db.prepare(
		`UPDATE device_sessions SET last_seen_at = ?, app_version = COALESCE(?, app_version),
			credential_expires_at = COALESCE(?, credential_expires_at) WHERE id = ?`
	);
	const renameOne = db.prepare('UPDATE device_sessions SET device_name = ? WHERE id = ?');
	const endOne = db.prepare(
		'UPDATE device_sessions SET ended_at = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL'
	);
	const endUser = db.prepare(
		`UPDATE device_sessions SET ended_at = ?, end_reason = ?
			WHERE workspace = ? AND user = ? AND ended_at IS NULL`
	);
	const upsertRevocation = db.prepare(
		`INSERT INTO user_revocations (workspace, user, revoked_at) VALUES (?, ?, ?)
			ON CONFLICT (workspace, user) DO UPDATE SET revoked_at = excluded.revoked_at`
	);
	const selectRevocation = db.prepare<[string, string], { revoked_at: number }>(
		'SELECT revoked_at FROM user_revocations WHERE workspace = ? AND user = ?'
	);
	const selectWorkspace = db.prepare<[string], SessionRow>(
		'SELECT * FROM device_sessions WHERE workspace = ? ORDER BY created_at DESC, id'
	);

	const selectActiveAdmin = db.prepare<[string], { one: number }>(
		`SELECT 1 AS one FROM device_sessions
			WHERE workspace = ? AND role = 'admin' AND ended_at IS NULL LIMIT 1`
	);

	const useLink = db.transaction((id: string, nowMs: number): LinkUse => {
		const row = selectLink.get(id);
		if (!row) return 'unknown';
		if (row.used_at !== null) return 'used';
		if (row.expires_at <= nowMs) return 'expired';
		return markLinkUsed.run(nowMs, id).changes === 1 ? 'ok' : 'used';
	});
	const revokeUser = db.transaction(
		(workspace: string, user: string, reason: EndReason, nowMs: number): number => {
			upsertRevocation.run(workspace, user, nowMs);
			return endUser.run(nowMs, reason, workspace, user).changes;
		}
	);

	return {
		...profileStore(options.dataDir),
		recordLink(link) {
			insertLink.run(
				link.id,
				link.workspace,
				link.user,
				link.role,
				link.createdAtMs,
				link.expiresAtMs
			);
		},
		useLink: (id, nowMs) => useLink(id, nowMs),
		link(id) {
			const row = selectLink.get(id);
			if (!row) return null;
			return {
				id: row.id,
				workspace: row.workspace,
				user: row.user,
				role: roleOf(row.role),
				createdAtMs: row.created_at,
				expiresAtMs: row.expires_at,
				usedAtMs: row.used_at
			};
		},
		createSession(input) {
			insertSession.run(
				input.id,
				input.workspace,
				input.user,
				input.role,
				input.deviceName,
				input.secretHash,
				input.nowMs,
				input.nowMs,
				input.credentialExpiresAtMs,
				input.appVersion
			);
			const row = selectSession.get(input.id);
			if (!row) throw new Error(`device session ${input.id} vanished after insert`);
			return toSession(row);
		},
		session(id) {
			const row = selectSession.get(id);
			return row ? { ...toSession(row), secretHash: row.secret_hash } : null;
		},
		touch(id, nowMs, update = {}) {
			touchSession.run(nowMs, update.appVersion ?? null, update.expiresAtMs ?? null, id);
		},
		renameSession: (id, deviceName) => renameOne.run(deviceName, id).changes === 1,
		endSession: (id, reason, nowMs) => endOne.run(nowMs, reason, id).changes === 1,
		revokeUser: (workspace, user, reason, nowMs) => revokeUser(workspace, user, reason, nowMs),
		userRevokedAtMs: (workspace, user) => selectRevocation.get(workspace, user)?.revoked_at ?? null,
		list: (workspace) => selectWorkspace.all(workspace).map(toSession),
		hasActiveAdmin: (workspace) => selectActiveAdmin.get(workspace) !== undefined,
		close: () => db.close()
	};
}

function roleOf(raw: string): Role {
	if (isRole(raw)) return raw;
	throw new Error(`stored role "${raw}" is not one of ${ROLES.join(', ')}`);
}

function endReasonOf(raw: string | null): EndReason | null {
	if (raw === null) return null;
	const reason = END_REASONS.find((r) => r === raw);
	if (!reason) throw new Error(`stored end reason "${raw}" is unknown`);
	return reason;
}

function toSession(row: SessionRow): DeviceSession {
	return {
		id: row.id,
		workspace: row.workspace,
		user: row.user,
		role: roleOf(row.role),
		deviceName: row.device_name,
		createdAtMs: row.created_at,
		lastSeenAtMs: row.last_seen_at,
		credentialExpiresAtMs: row.credential_expires_at,
		appVersion: row.app_version,
		endedAtMs: row.ended_at,
		endReason: endReasonOf(row.end_reason)
	};
}
