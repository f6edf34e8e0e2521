// The session tables in the Postgres database the relays share (STOCKFLOW_DATABASE_URL): sign-in
// links, device sessions, user revocations, workspace profiles and the people trail, created by the same
// versioned migrations as the document store (persistence/postgres-schema.ts). A device signed
// in through one relay is known to every relay; a revocation written through one is read by the
// others' guards on their next poll (guard.ts), which closes the device there too. Its own small
// pool, so sign-ins and polls never wait behind the document store's group commit.

import type pg from 'pg';
import { migratePostgres } from '../persistence/postgres-schema';
import { revocationKey, type EndReason, type LinkUse, type SessionStore } from './store';
import { toPeopleChange, type PeopleChangeRow } from './people-changes';
import {
	endReasonOf,
	toLink,
	toSession,
	toStoredSession,
	type LinkRow,
	type SessionRow
} from './store-rows';

const LINKS = 'stockflow_sign_in_links';
const SESSIONS = 'stockflow_device_sessions';
const REVOCATIONS = 'stockflow_user_revocations';
const PROFILES = 'stockflow_workspace_profiles';
const PEOPLE_CHANGES = 'stockflow_people_changes';

export function openPostgresSessionStore(options: {
	url: string;
	onError?: (err: Error) => void;
}): SessionStore {
	let pool: pg.Pool | null = null;
	const started = (async () => {
		// Loaded here, not at the top: the sessions module is part of every relay, SQLite ones too.
		const { default: driver } = await import('pg');
		pool = new driver.Pool({
			connectionString: options.url,
			max: 2,
			connectionTimeoutMillis: 5000,
			// A revocation or a used link acknowledged to an admin must survive a database crash.
			options: '-c synchronous_commit=on'
		});
		pool.on('error', (err) => options.onError?.(err));
		const client = await pool.connect();
		try {
			await migratePostgres(client);
		} finally {
			client.release();
		}
	})();
	started.catch(() => undefined);

	let closed = false;
	async function query<R extends pg.QueryResultRow>(
		sql: string,
		params: unknown[]
	): Promise<pg.QueryResult<R>> {
		if (closed) throw new Error('session store is closed');
		await started;
		if (!pool) throw new Error('session store did not start');
		return pool.query<R>(sql, params);
	}

	return {
		async profile(workspace) {
			const result = await query<{ name: string | null; setup_done_at: string | null }>(
				`SELECT name, setup_done_at FROM ${PROFILES} WHERE workspace = $1`,
				[workspace]
			);
			const row = result.rows[0];
			return {
				workspace,
				name: row?.name ?? null,
				setupDoneAtMs: row?.setup_done_at == null ? null : Number(row.setup_done_at)
			};
		},
		async updateProfile(workspace, update) {
			await query(
				`INSERT INTO ${PROFILES} (workspace, name, setup_done_at) VALUES ($1, $2, $3)
				 ON CONFLICT (workspace) DO UPDATE SET
				   name = COALESCE(excluded.name, ${PROFILES}.name),
				   setup_done_at = COALESCE(excluded.setup_done_at, ${PROFILES}.setup_done_at)`,
				[workspace, update.name ?? null, update.setupDoneAtMs ?? null]
			);
		},
		async recordLink(link) {
			await query(
				`INSERT INTO ${LINKS} (id, workspace, "user", role, created_at, expires_at)
				 VALUES ($1, $2, $3, $4, $5, $6)`,
				[link.id, link.workspace, link.user, link.role, link.createdAtMs, link.expiresAtMs]
			);
		},
		async useLink(id, nowMs): Promise<LinkUse> {
			// One statement: two relays exchanging the same link at once cannot both win.
			const used = await query(
				`UPDATE ${LINKS} SET used_at = $2 WHERE id = $1 AND used_at IS NULL AND expires_at > $2`,
				[id, nowMs]
			);
			if (used.rowCount === 1) return 'ok';
			const row = (await query<LinkRow>(`SELECT * FROM ${LINKS} WHERE id = $1`, [id])).rows[0];
			if (!row) return 'unknown';
			return row.used_at !== null ? 'used' : 'expired';
		},
		async link(id) {
			const row = (await query<LinkRow>(`SELECT * FROM ${LINKS} WHERE id = $1`, [id])).rows[0];
			return row ? toLink(row) : null;
		},
		async createSession(input) {
			const result = await query<SessionRow>(
				`INSERT INTO ${SESSIONS} (id, workspace, "user", role, device_name, secret_hash,
				   created_at, last_seen_at, credential_expires_at, app_version)
				 VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, $9) RETURNING *`,
				[
					input.id,
					input.workspace,
					input.user,
					input.role,
					input.deviceName,
					input.secretHash,
					input.nowMs,
					input.credentialExpiresAtMs,
					input.appVersion
				]
			);
			const row = result.rows[0];
			if (!row) throw new Error(`device session ${input.id} vanished after insert`);
			return toSession(row);
		},
		async session(id) {
			const row = (await query<SessionRow>(`SELECT * FROM ${SESSIONS} WHERE id = $1`, [id]))
				.rows[0];
			return row ? toStoredSession(row) : null;
		},
		async touch(id, nowMs, update = {}) {
			await query(
				`UPDATE ${SESSIONS} SET last_seen_at = $2, app_version = COALESCE($3, app_version),
				   credential_expires_at = COALESCE($4, credential_expires_at) WHERE id = $1`,
				[id, nowMs, update.appVersion ?? null, update.expiresAtMs ?? null]
			);
		},
		async renameSession(id, deviceName) {
			const result = await query(`UPDATE ${SESSIONS} SET device_name = $2 WHERE id = $1`, [
				id,
				deviceName
			]);
			return result.rowCount === 1;
		},
		async endSession(id, reason, nowMs) {
			const result = await query(
				`UPDATE ${SESSIONS} SET ended_at = $3, end_reason = $2 WHERE id = $1 AND ended_at IS NULL`,
				[id, reason, nowMs]
			);
			return result.rowCount === 1;
		},
		async revokeUser(workspace, user, reason, nowMs) {
			// One statement, so one transaction: the revocation and the ended sessions together.
			const result = await query(
				`WITH revoked AS (
				   INSERT INTO ${REVOCATIONS} (workspace, "user", revoked_at) VALUES ($1, $2, $4)
				   ON CONFLICT (workspace, "user") DO UPDATE SET revoked_at = excluded.revoked_at)
				 UPDATE ${SESSIONS} SET ended_at = $4, end_reason = $3
				 WHERE workspace = $1 AND "user" = $2 AND ended_at IS NULL`,
				[workspace, user, reason, nowMs]
			);
			return result.rowCount ?? 0;
		},
		async userRevokedAtMs(workspace, user) {
			const result = await query<{ revoked_at: string }>(
				`SELECT revoked_at FROM ${REVOCATIONS} WHERE workspace = $1 AND "user" = $2`,
				[workspace, user]
			);
			const row = result.rows[0];
			return row ? Number(row.revoked_at) : null;
		},
		async sessionEnds(ids) {
			const ends = new Map<string, EndReason | null>();
			if (ids.length === 0) return ends;
			const result = await query<{ id: string; end_reason: string | null }>(
				`SELECT id, end_reason FROM ${SESSIONS} WHERE id = ANY($1::text[])`,
				[ids]
			);
			for (const row of result.rows) ends.set(row.id, endReasonOf(row.end_reason));
			return ends;
		},
		async revocations(workspaces) {
			const all = new Map<string, number>();
			if (workspaces.length === 0) return all;
			const result = await query<{ workspace: string; user: string; revoked_at: string }>(
				`SELECT workspace, "user", revoked_at FROM ${REVOCATIONS} WHERE workspace = ANY($1::text[])`,
				[workspaces]
			);
			for (const row of result.rows) {
				all.set(revocationKey(row.workspace, row.user), Number(row.revoked_at));
			}
			return all;
		},
		async list(workspace) {
			const result = await query<SessionRow>(
				`SELECT * FROM ${SESSIONS} WHERE workspace = $1 ORDER BY created_at DESC, id COLLATE "C"`,
				[workspace]
			);
			return result.rows.map(toSession);
		},
		async hasActiveAdmin(workspace) {
			const result = await query(
				`SELECT 1 FROM ${SESSIONS} WHERE workspace = $1 AND role = 'admin' AND ended_at IS NULL LIMIT 1`,
				[workspace]
			);
			return result.rows.length > 0;
		},
		async recordPeopleChange(c) {
			await query(
				`INSERT INTO ${PEOPLE_CHANGES}
				   (workspace, at, by_user, "user", action, old_role, new_role, device)
				 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
				[c.workspace, c.atMs, c.by, c.user, c.action, c.oldRole, c.newRole, c.device]
			);
		},
		async peopleChanges(workspace) {
			const result = await query<PeopleChangeRow>(
				`SELECT * FROM ${PEOPLE_CHANGES} WHERE workspace = $1 ORDER BY at DESC, id DESC`,
				[workspace]
			);
			return result.rows.map(toPeopleChange);
		},
		async close() {
			if (closed) return;
			closed = true;
			await started.catch(() => undefined);
			await pool?.end();
		}
	};
}
