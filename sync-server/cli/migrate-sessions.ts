// The part of `stockflow migrate-store` that moves who may connect: sign-in links, device
// sessions, user revocations, the people trail (tables of the SQLite file) and workspace profiles
// (`workspaces.json`) into the shared Postgres tables, so devices stay signed in when a company
// moves onto Postgres. Run again, it brings over what changed, and never reopens what either
// side ended: an end, a use or a revocation on either side stays (the later revocation wins).

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { z } from 'zod';
import { openStockflowDatabase } from '../persistence/sqlite-open';
import { sqliteFilePath } from '../persistence/sqlite';
import { migratePostgres } from '../persistence/postgres-schema';
import { profileStore, PROFILES_FILE } from '../sessions/profiles';

export interface SessionsCopy {
	readonly links: number;
	readonly sessions: number;
	readonly revocations: number;
	readonly profiles: number;
	/** People-trail rows the target did not have (role changes and revocations). */
	readonly peopleChanges: number;
}

/** A row of the session tables: TEXT and INTEGER columns only (sessions/store-sqlite.ts). */
const Rows = z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()])));
type Row = z.infer<typeof Rows>[number];

interface SqliteRows {
	links: Row[];
	sessions: Row[];
	revocations: Row[];
	changes: Row[];
}

function sqliteRows(dataDir: string): SqliteRows {
	const db = openStockflowDatabase(sqliteFilePath(dataDir), { readonly: true });
	try {
		db.pragma('busy_timeout = 5000');
		const has = (table: string): boolean =>
			db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !==
			undefined;
		const all = (table: string): Row[] =>
			has(table) ? Rows.parse(db.prepare(`SELECT * FROM ${table}`).all()) : [];
		return {
			links: all('sign_in_links'),
			sessions: all('device_sessions'),
			revocations: all('user_revocations'),
			changes: all('people_changes')
		};
	} finally {
		db.close();
	}
}

function workspacesWithProfiles(dataDir: string): string[] {
	const file = join(dataDir, PROFILES_FILE);
	if (!existsSync(file)) return [];
	return Object.keys(
		z.record(z.string(), z.unknown()).parse(JSON.parse(readFileSync(file, 'utf8')))
	);
}

export async function copySessions(dataDir: string, url: string): Promise<SessionsCopy> {
	const { links, sessions, revocations, changes } = sqliteRows(dataDir);
	let peopleChanges = 0;
	const profiles = profileStore(dataDir);
	const workspaces = workspacesWithProfiles(dataDir);
	const client = new pg.Client({ connectionString: url, options: '-c synchronous_commit=on' });
	await client.connect();
	try {
		await migratePostgres(client);
		await client.query('BEGIN');
		for (const r of links) {
			await client.query(
				`INSERT INTO stockflow_sign_in_links (id, workspace, "user", role, created_at, expires_at, used_at)
				 VALUES ($1, $2, $3, $4, $5, $6, $7)
				 ON CONFLICT (id) DO UPDATE SET
				   used_at = COALESCE(stockflow_sign_in_links.used_at, excluded.used_at)`,
				[r.id, r.workspace, r.user, r.role, r.created_at, r.expires_at, r.used_at]
			);
		}
		for (const r of sessions) {
			await client.query(
				`INSERT INTO stockflow_device_sessions (id, workspace, "user", role, device_name,
				   secret_hash, created_at, last_seen_at, credential_expires_at, app_version, ended_at,
				   end_reason)
				 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
				 ON CONFLICT (id) DO UPDATE SET
				   device_name = excluded.device_name,
				   last_seen_at = GREATEST(stockflow_device_sessions.last_seen_at, excluded.last_seen_at),
				   credential_expires_at = GREATEST(stockflow_device_sessions.credential_expires_at,
				     excluded.credential_expires_at),
				   app_version = COALESCE(excluded.app_version, stockflow_device_sessions.app_version),
				   end_reason = COALESCE(stockflow_device_sessions.end_reason, excluded.end_reason),
				   ended_at = COALESCE(stockflow_device_sessions.ended_at, excluded.ended_at)`,
				[
					r.id,
					r.workspace,
					r.user,
					r.role,
					r.device_name,
					r.secret_hash,
					r.created_at,
					r.last_seen_at,
					r.credential_expires_at,
					r.app_version,
					r.ended_at,
					r.end_reason
				]
			);
		}
		for (const r of revocations) {
			await client.query(
				`INSERT INTO stockflow_user_revocations (workspace, "user", revoked_at) VALUES ($1, $2, $3)
				 ON CONFLICT (workspace, "user") DO UPDATE SET
				   revoked_at = GREATEST(stockflow_user_revocations.revoked_at, excluded.revoked_at)`,
				[r.workspace, r.user, r.revoked_at]
			);
		}
		// Append-only without a shared key: a row is new unless an identical one is there, so a
		// second run copies only what was recorded since.
		for (const r of changes) {
			const inserted = await client.query(
				`INSERT INTO stockflow_people_changes
				   (workspace, at, by_user, "user", action, old_role, new_role, device)
				 SELECT $1, $2, $3, $4, $5, $6::text, $7::text, $8::text
				 WHERE NOT EXISTS (SELECT 1 FROM stockflow_people_changes
				   WHERE workspace = $1 AND at = $2 AND by_user = $3 AND "user" = $4 AND action = $5
				     AND old_role IS NOT DISTINCT FROM $6::text AND new_role IS NOT DISTINCT FROM $7::text
				     AND device IS NOT DISTINCT FROM $8::text)`,
				[r.workspace, r.at, r.by_user, r.user, r.action, r.old_role, r.new_role, r.device]
			);
			peopleChanges += inserted.rowCount ?? 0;
		}
		for (const workspace of workspaces) {
			const profile = await profiles.profile(workspace);
			await client.query(
				`INSERT INTO stockflow_workspace_profiles (workspace, name, setup_done_at) VALUES ($1, $2, $3)
				 ON CONFLICT (workspace) DO UPDATE SET
				   name = COALESCE(excluded.name, stockflow_workspace_profiles.name),
				   setup_done_at = COALESCE(stockflow_workspace_profiles.setup_done_at,
				     excluded.setup_done_at)`,
				[workspace, profile.name, profile.setupDoneAtMs]
			);
		}
		await client.query('COMMIT');
	} catch (err) {
		await client.query('ROLLBACK').catch(() => undefined);
		throw err;
	} finally {
		await client.end();
	}
	return {
		links: links.length,
		sessions: sessions.length,
		revocations: revocations.length,
		profiles: workspaces.length,
		peopleChanges
	};
}
