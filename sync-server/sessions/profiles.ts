// The company behind a workspace as its people see it: a display name and whether its first
// admin finished the first-run setup. Kept by the relay next to the sessions (table
// `workspace_profiles`), because it belongs to the installation, not to any one document.

import type Database from 'better-sqlite3';

export const PROFILES_SCHEMA = `
CREATE TABLE IF NOT EXISTS workspace_profiles (
	workspace TEXT PRIMARY KEY,
	name TEXT,
	setup_done_at INTEGER
);
`;

export interface WorkspaceProfile {
	readonly workspace: string;
	/** The company name shown in the app; null until the first admin names it. */
	readonly name: string | null;
	/** When the first-run setup was finished (or skipped); null while it is to do. */
	readonly setupDoneAtMs: number | null;
}

export interface ProfileStore {
	profile(workspace: string): WorkspaceProfile;
	/** Sets the fields given; the others stay. */
	updateProfile(workspace: string, update: { name?: string; setupDoneAtMs?: number }): void;
}

interface ProfileRow {
	workspace: string;
	name: string | null;
	setup_done_at: number | null;
}

/** The profile statements on an open database whose schema includes PROFILES_SCHEMA. */
export function profileStore(db: Database.Database): ProfileStore {
	const select = db.prepare<[string], ProfileRow>(
		'SELECT * FROM workspace_profiles WHERE workspace = ?'
	);
	const upsert = db.prepare(
		`INSERT INTO workspace_profiles (workspace, name, setup_done_at) VALUES (?, ?, ?)
			ON CONFLICT (workspace) DO UPDATE SET name = COALESCE(excluded.name, name),
			setup_done_at = COALESCE(excluded.setup_done_at, setup_done_at)`
	);
	return {
		profile(workspace) {
			const row = select.get(workspace);
			return {
				workspace,
				name: row?.name ?? null,
				setupDoneAtMs: row?.setup_done_at ?? null
			};
		},
		updateProfile(workspace, update) {
			upsert.run(workspace, update.name ?? null, update.setupDoneAtMs ?? null);
		}
	};
}
