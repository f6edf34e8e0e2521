// Settings the CLI reads from the environment, with the documented defaults.

import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from './args';

/** The package root (where `build/`, `src/` and `node_modules/` live). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function dataDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
	return resolve(env.DATA_DIR && env.DATA_DIR !== '' ? env.DATA_DIR : './data');
}

export function portFromEnv(env: NodeJS.ProcessEnv = process.env): number {
	const raw = env.PORT;
	if (raw === undefined || raw === '') return 8080;
	const port = /^\d{1,5}$/.test(raw) ? Number(raw) : NaN;
	if (!Number.isInteger(port) || port > 65535) throw new UsageError(`invalid PORT "${raw}"`);
	return port;
}

/** STOCKFLOW_SQLITE_SYNC: `full` (default, fsync per commit) or `normal`. */
export function sqliteSyncFromEnv(env: NodeJS.ProcessEnv = process.env): 'full' | 'normal' {
	const raw = env.STOCKFLOW_SQLITE_SYNC;
	if (raw === undefined || raw === '' || raw === 'full') return 'full';
	if (raw === 'normal') return 'normal';
	throw new UsageError(`invalid STOCKFLOW_SQLITE_SYNC "${raw}": full or normal`);
}

export function hostFromEnv(env: NodeJS.ProcessEnv = process.env): string {
	return env.HOST && env.HOST !== '' ? env.HOST : '0.0.0.0';
}
