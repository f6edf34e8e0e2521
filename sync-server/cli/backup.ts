// `stockflow backup --out FILE`: a consistent copy of the database while the relay keeps
// running. `VACUUM INTO` reads inside one read transaction (WAL: writers go on, the copy is
// the database as of that instant) and writes a compact, self-contained file with no WAL.

import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { sqliteFilePath } from '../persistence/sqlite';
import { openStockflowDatabase } from '../persistence/sqlite-open';
import { UsageError, noPositionals, parseFlags } from './args';
import { dataDirFromEnv } from './env';

export interface DatabaseSummary {
	updates: number;
	rooms: number;
	bytes: number;
}

/** Opens, checks every page, and counts what a Stockflow database file holds. */
export function summarizeDatabase(file: string): DatabaseSummary {
	const db = openStockflowDatabase(file, { readonly: true, check: true });
	try {
		const row = db
			.prepare<[], { updates: number; rooms: number }>(
				'SELECT COUNT(*) AS updates, COUNT(DISTINCT workspace || char(0) || doc) AS rooms FROM updates'
			)
			.get();
		return { updates: row?.updates ?? 0, rooms: row?.rooms ?? 0, bytes: statSync(file).size };
	} finally {
		db.close();
	}
}

export async function backupCommand(argv: string[]): Promise<void> {
	const { values, positionals } = parseFlags(argv, { out: { type: 'string', short: 'o' } });
	noPositionals(positionals);
	if (typeof values.out !== 'string' || values.out === '')
		throw new UsageError('--out is required');
	const out = resolve(values.out);
	if (existsSync(out)) throw new Error(`${out} already exists; choose a new file`);
	const source = sqliteFilePath(dataDirFromEnv());
	if (!existsSync(source)) throw new Error(`no database at ${source} (check DATA_DIR)`);

	// Written under a temporary name and renamed last: a half-written copy never looks like a
	// finished backup.
	const partial = `${out}.partial-${process.pid}`;
	const db = openStockflowDatabase(source, { readonly: true });
	try {
		db.pragma('busy_timeout = 5000');
		db.prepare('VACUUM INTO ?').run(partial);
	} catch (err) {
		rmSync(partial, { force: true });
		throw err;
	} finally {
		db.close();
	}
	const summary = summarizeDatabase(partial);
	renameSync(partial, out);
	console.log(
		`Backed up ${summary.updates} stored updates of ${summary.rooms} docs to ${out} (${summary.bytes} bytes)`
	);
}
