// The session tables in the relay's own SQLite file (`${dataDir}/stockflow.sqlite`, beside the
// document updates; tables `sign_in_links`, `device_sessions`, `user_revocations`, `people_changes`), and the
// workspace profiles in `workspaces.json` (profiles.ts). better-sqlite3 is synchronous; the
// store's interface is async for Postgres (store-postgres.ts), so these calls resolve at once.

import Database from 'better-sqlite3';
import { openStockflowDatabase } from '../persistence/sqlite-open';
import { sqliteFilePath } from '../persistence/sqlite';
import { secureDataDir } from '../data-dir';
import { profileStore } from './profiles';
import { toPeopleChange, type PeopleChangeRow } from './people-changes';
import { revocationKey, type EndReason, type LinkUse, type SessionStore } from './store';
import {
	endReasonOf,
	toLink,
	toSession,
	toStoredSession,
	type LinkRow,
	type SessionRow
} from './store-rows';

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
CREATE TABLE IF NOT EXISTS people_changes (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	workspace TEXT NOT NULL,
	at INTEGER NOT NULL,
	by_user TEXT NOT NULL,
	user TEXT NOT NULL,
	action TEXT NOT NULL,
	old_role TEXT,
	new_role TEXT,
	device TEXT
);
CREATE INDEX IF NOT EXISTS people_changes_workspace ON people_changes (workspace, at);
CREATE TABLE IF NOT EXISTS user_revocations (
	workspace TEXT NOT NULL,
	user TEXT NOT NULL,
	revoked_at INTEGER NOT NULL,
	PRIMARY KEY (workspace, user)
);
`;

/** Opens (creating when needed) the session tables in `${dataDir}/stockflow.sqlite`. */
export function openSqliteSessionStore(options: { dataDir: string }): SessionStore {
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
	const selectWorkspaceRevocations = db.prepare<[string], { user: string; revoked_at: number }>(
		'SELECT user, revoked_at FROM user_revocations WHERE workspace = ?'
	);
	const selectEnd = db.prepare<[string], { end_reason: string | null }>(
		'SELECT end_reason FROM device_sessions WHERE id = ?'
	);
	const selectWorkspace = db.prepare<[string], SessionRow>(
		'SELECT * FROM device_sessions WHERE workspace = ? ORDER BY created_at DESC, id'
	);
	const selectActiveAdmin = db.prepare<[string], { one: number }>(
		`SELECT 1 AS one FROM device_sessions
			WHERE workspace = ? AND role = 'admin' AND ended_at IS NULL LIMIT 1`
	);

	const insertPeopleChange = db.prepare(
		`INSERT INTO people_changes (workspace, at, by_user, user, action, old_role, new_role, device)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const selectPeopleChanges = db.prepare<[string], PeopleChangeRow>(
		'SELECT * FROM people_changes WHERE workspace = ? ORDER BY at DESC, id DESC'
	);

	const useLink = db.transaction((id: string, nowMs: number): LinkUse => {
		const row = selectLink.get(id);
		if (!row) return 'unknown';
		if (row.used_at !== null) return 'used';
		if (Number(row.expires_at) <= nowMs) return 'expired';
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
		async recordLink(link) {
			insertLink.run(
				link.id,
				link.workspace,
				link.user,
				link.role,
				link.createdAtMs,
				link.expiresAtMs
			);
		},
		useLink: async (id, nowMs) => useLink(id, nowMs),
		async link(id) {
			const row = selectLink.get(id);
			return row ? toLink(row) : null;
		},
		async createSession(input) {
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
		async session(id) {
			const row = selectSession.get(id);
			return row ? toStoredSession(row) : null;
		},
		async touch(id, nowMs, update = {}) {
			touchSession.run(nowMs, update.appVersion ?? null, update.expiresAtMs ?? null, id);
		},
		renameSession: async (id, deviceName) => renameOne.run(deviceName, id).changes === 1,
		endSession: async (id, reason, nowMs) => endOne.run(nowMs, reason, id).changes === 1,
		revokeUser: async (workspace, user, reason, nowMs) =>
			revokeUser(workspace, user, reason, nowMs),
		userRevokedAtMs: async (workspace, user) =>
			selectRevocation.get(workspace, user)?.revoked_at ?? null,
		async sessionEnds(ids) {
			const ends = new Map<string, EndReason | null>();
			for (const id of ids) {
				const row = selectEnd.get(id);
				if (row) ends.set(id, endReasonOf(row.end_reason));
			}
			return ends;
		},
		async revocations(workspaces) {
			const all = new Map<string, number>();
			for (const workspace of workspaces) {
				for (const row of selectWorkspaceRevocations.all(workspace)) {
					all.set(revocationKey(workspace, row.user), row.revoked_at);
				}
			}
			return all;
		},
		list: async (workspace) => selectWorkspace.all(workspace).map(toSession),
		hasActiveAdmin: async (workspace) => selectActiveAdmin.get(workspace) !== undefined,
		recordPeopleChange: async (c) => {
			insertPeopleChange.run(
				c.workspace,
				c.atMs,
				c.by,
				c.user,
				c.action,
				c.oldRole,
				c.newRole,
				c.device
			);
		},
		peopleChanges: async (workspace) => selectPeopleChanges.all(workspace).map(toPeopleChange),
		close: async () => {
			db.close();
		}
	};
}
