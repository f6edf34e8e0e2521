// `stockflow restore FILE [--force]`: puts a backup in place of `${DATA_DIR}/stockflow.sqlite`.
// Refuses while a relay answers on PORT (it holds the file open and would keep serving the old
// rooms from memory), checks the backup page by page first, and keeps the database it replaces
// as `stockflow.sqlite.bak-<timestamp>` (with its WAL, so nothing committed is dropped).

import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { sqliteFilePath } from '../persistence/sqlite';
import { relayIsUp } from './relay-probe';
import { UsageError, parseFlags } from './args';
import { summarizeDatabase } from './backup';
import { dataDirFromEnv, portFromEnv } from './env';

/** SQLite keeps a WAL database in up to three files; they move together. */
const COMPANIONS = ['', '-wal', '-shm'];

export async function restoreCommand(argv: string[]): Promise<void> {
	const { values, positionals } = parseFlags(argv, { force: { type: 'boolean' } });
	const [input, extra] = positionals;
	if (input === undefined) throw new UsageError('usage: stockflow restore FILE [--force]');
	if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
	const backup = resolve(input);
	if (!existsSync(backup)) throw new Error(`${backup} does not exist`);

	const port = portFromEnv();
	if (!values.force && (await relayIsUp(`http://127.0.0.1:${port}`))) {
		throw new Error(
			`a relay is running on port ${port}: stop it first (--force only if it uses another DATA_DIR)`
		);
	}

	// Throws a one-line StoreOpenError for anything that is not an intact Stockflow database.
	const summary = summarizeDatabase(backup);

	const target = sqliteFilePath(dataDirFromEnv());
	mkdirSync(dirname(target), { recursive: true });
	const staged = `${target}.restore-${process.pid}`;
	copyFileSync(backup, staged);
	let kept: string | null = null;
	if (existsSync(target)) {
		kept = `${target}.bak-${new Date().toISOString().replace(/[:.]/g, '-')}`;
		for (const suffix of COMPANIONS) {
			if (existsSync(target + suffix)) renameSync(target + suffix, kept + suffix);
		}
	}
	for (const suffix of COMPANIONS.slice(1)) rmSync(target + suffix, { force: true });
	renameSync(staged, target);
	console.log(
		`Restored ${summary.updates} stored updates of ${summary.rooms} docs from ${backup}` +
			(kept ? `; the previous database is kept as ${kept}` : '')
	);
}
