// The Postgres store's tables, created and migrated when a relay starts. The version lives in
// `stockflow_schema`; each migration runs once, in order, inside one transaction that holds an
// advisory lock, so several relays starting together migrate the database exactly once.

import type pg from 'pg';

/** Rows are raw Yjs updates; compaction replaces a room's rows with one snapshot row. */
export const UPDATES_TABLE = 'stockflow_updates';

/** Migration `i` brings the schema from version `i` to `i + 1`. Never edit a shipped one. */
const MIGRATIONS: readonly string[] = [
	`CREATE TABLE ${UPDATES_TABLE} (
		seq BIGSERIAL PRIMARY KEY,
		workspace TEXT NOT NULL,
		doc TEXT NOT NULL,
		snapshot BOOLEAN NOT NULL DEFAULT FALSE,
		data BYTEA NOT NULL
	);
	CREATE INDEX ${UPDATES_TABLE}_room ON ${UPDATES_TABLE} (workspace, doc, seq);`,
	// Who may connect (sessions/store-postgres.ts): the tables of the SQLite store, shared by
	// every relay on the database. Times are epoch milliseconds.
	`CREATE TABLE stockflow_sign_in_links (
		id TEXT PRIMARY KEY,
		workspace TEXT NOT NULL,
		"user" TEXT NOT NULL,
		role TEXT NOT NULL,
		created_at BIGINT NOT NULL,
		expires_at BIGINT NOT NULL,
		used_at BIGINT
	);
	CREATE TABLE stockflow_device_sessions (
		id TEXT PRIMARY KEY,
		workspace TEXT NOT NULL,
		"user" TEXT NOT NULL,
		role TEXT NOT NULL,
		device_name TEXT NOT NULL,
		secret_hash TEXT NOT NULL,
		created_at BIGINT NOT NULL,
		last_seen_at BIGINT NOT NULL,
		credential_expires_at BIGINT NOT NULL,
		app_version TEXT,
		ended_at BIGINT,
		end_reason TEXT
	);
	CREATE INDEX stockflow_device_sessions_user ON stockflow_device_sessions (workspace, "user");
	CREATE TABLE stockflow_user_revocations (
		workspace TEXT NOT NULL,
		"user" TEXT NOT NULL,
		revoked_at BIGINT NOT NULL,
		PRIMARY KEY (workspace, "user")
	);
	CREATE TABLE stockflow_workspace_profiles (
		workspace TEXT PRIMARY KEY,
		name TEXT,
		setup_done_at BIGINT
	);`,
	// Who changed whose role or revoked whose access (sessions/people-changes.ts): append-only.
	`CREATE TABLE stockflow_people_changes (
		id BIGSERIAL PRIMARY KEY,
		workspace TEXT NOT NULL,
		at BIGINT NOT NULL,
		by_user TEXT NOT NULL,
		"user" TEXT NOT NULL,
		action TEXT NOT NULL,
		old_role TEXT,
		new_role TEXT,
		device TEXT
	);
	CREATE INDEX stockflow_people_changes_workspace ON stockflow_people_changes (workspace, at);`
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** An arbitrary constant shared by every Stockflow relay: the migration lock's key. */
const MIGRATION_LOCK = 0x5f0c_f10e;

/** The database holds a schema this relay does not know (written by a newer release). */
export class PostgresSchemaError extends Error {
	readonly code = 'schema-too-new';
	constructor(readonly found: number) {
		super(
			`the database's Stockflow schema is version ${found}, newer than this relay's ` +
				`${SCHEMA_VERSION}: upgrade the relay (a downgrade would misread the data)`
		);
		this.name = 'PostgresSchemaError';
	}
}

/** Brings the schema to SCHEMA_VERSION; returns the version found before. */
export async function migratePostgres(client: pg.ClientBase): Promise<number> {
	await client.query('BEGIN');
	try {
		await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
		await client.query('CREATE TABLE IF NOT EXISTS stockflow_schema (version INTEGER NOT NULL)');
		const found = await client.query<{ version: number }>('SELECT version FROM stockflow_schema');
		const before = found.rows[0]?.version ?? 0;
		if (found.rows.length === 0) await client.query('INSERT INTO stockflow_schema VALUES (0)');
		if (before > SCHEMA_VERSION) throw new PostgresSchemaError(before);
		for (const sql of MIGRATIONS.slice(before)) await client.query(sql);
		await client.query('UPDATE stockflow_schema SET version = $1', [SCHEMA_VERSION]);
		await client.query('COMMIT');
		return before;
	} catch (err) {
		await client.query('ROLLBACK').catch(() => undefined);
		throw err;
	}
}
