// Opening `stockflow.sqlite` safely: a file that is not a Stockflow database (garbage, a
// damaged page, someone else's SQLite file) is refused with one clear line and left exactly
// as it was. The relay never replaces or "repairs" a file it cannot read: that file may be the
// only copy of a company's stock, and a human decides (move it away, or `stockflow restore`).

import Database from 'better-sqlite3';

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS updates (
	seq INTEGER PRIMARY KEY AUTOINCREMENT,
	workspace TEXT NOT NULL,
	doc TEXT NOT NULL,
	snapshot INTEGER NOT NULL DEFAULT 0,
	data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_room ON updates (workspace, doc, seq);
`;

const UPDATE_COLUMNS = ['seq', 'workspace', 'doc', 'snapshot', 'data'];
/**
 * Tables SQLite itself adds next to ours (AUTOINCREMENT keeps its counter there), and the
 * relay's sign-in links and device sessions (created by sync-server/sessions/store.ts) and
 * company profiles (sync-server/sessions/profiles.ts).
 */
const ALLOWED_TABLES = new Set([
	'updates',
	'sqlite_sequence',
	'sign_in_links',
	'device_sessions',
	'user_revocations',
	'people_changes',
	'workspace_profiles'
]);

/** The file is not a usable Stockflow database; the message is one line for the CLI. */
export class StoreOpenError extends Error {
	constructor(
		readonly file: string,
		readonly detail: string
	) {
		super(
			`${file} is not a usable Stockflow database (${detail}); it was left untouched: ` +
				'move it away to start empty, or restore a backup with `stockflow restore FILE`'
		);
		this.name = 'StoreOpenError';
	}
}

export interface OpenOptions {
	readonly?: boolean;
	/** Run `PRAGMA quick_check` (reads every page): at relay start and on restore. */
	check?: boolean;
}

/**
 * Opens and validates the database. A new or empty file gets the schema (unless read-only);
 * anything else must already look like ours.
 */
export function openStockflowDatabase(file: string, options: OpenOptions = {}): Database.Database {
	let db: Database.Database;
	try {
		db = new Database(file, {
			readonly: options.readonly ?? false,
			fileMustExist: options.readonly ?? false
		});
	} catch (err) {
		throw new StoreOpenError(file, reasonOf(err));
	}
	try {
		validate(db, options);
	} catch (err) {
		db.close();
		if (err instanceof StoreOpenError) throw err;
		throw new StoreOpenError(file, reasonOf(err));
	}
	return db;

	function validate(db: Database.Database, options: OpenOptions): void {
		// Reading the schema is the first access to the file: garbage fails here
		// ("file is not a database") without a byte written.
		const tables = db
			.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
			.all()
			.map((row) => row.name);
		if (tables.length === 0) {
			if (options.readonly) throw new StoreOpenError(file, 'it holds no Stockflow data');
			db.exec(SCHEMA);
			return;
		}
		const foreign = tables.filter((name) => !ALLOWED_TABLES.has(name));
		if (!tables.includes('updates') || foreign.length > 0) {
			throw new StoreOpenError(file, `unexpected tables: ${tables.join(', ')}`);
		}
		const columns = db
			.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('updates')")
			.all()
			.map((row) => row.name);
		if (UPDATE_COLUMNS.some((column) => !columns.includes(column))) {
			throw new StoreOpenError(file, `table "updates" has columns ${columns.join(', ')}`);
		}
		if (options.check) {
			const result = db.prepare<[], { quick_check: string }>('PRAGMA quick_check').all();
			const problems = result.map((row) => row.quick_check).filter((line) => line !== 'ok');
			if (problems.length > 0) throw new StoreOpenError(file, `damaged: ${problems[0]}`);
		}
		if (!options.readonly) db.exec(SCHEMA);
	}
}

function reasonOf(err: unknown): string {
	const message = err instanceof Error ? err.message : String(err);
	return message.split('\n')[0] ?? message;
}
