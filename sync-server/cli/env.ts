// Settings the CLI reads from the environment, with the documented defaults.

import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SQLITE_SYNCHRONOUS_MODES, type SqliteSynchronous } from '../persistence/sqlite-writer';
import { UsageError } from './args';

/**
 * The package root (where `build/`, `src/` and `node_modules/` live): the nearest folder up
 * with a package.json, from the sources (`sync-server/cli/`) or the compiled copy
 * (`dist/relay/<build>/`, see bin/relay-dist.js) alike.
 */
export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

function findPackageRoot(from: string): string {
	for (let dir = from; ; dir = dirname(dir)) {
		if (existsSync(join(dir, 'package.json'))) return dir;
		if (dirname(dir) === dir) return resolve(from, '..', '..');
	}
}

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

/**
 * STOCKFLOW_SQLITE_SYNC: `split` (default: commit before forward, fsync before confirm),
 * `full` (fsync before forward) or `normal` (no fsync per commit).
 */
export function sqliteSyncFromEnv(env: NodeJS.ProcessEnv = process.env): SqliteSynchronous {
	const raw = env.STOCKFLOW_SQLITE_SYNC;
	if (raw === undefined || raw === '') return 'split';
	const mode = SQLITE_SYNCHRONOUS_MODES.find((m) => m === raw);
	if (mode) return mode;
	throw new UsageError(
		`invalid STOCKFLOW_SQLITE_SYNC "${raw}": ${SQLITE_SYNCHRONOUS_MODES.join(', ')}`
	);
}

/**
 * `STOCKFLOW_INTEGRITY_CHECKS`: `on` (default) or `off`. Off only for transport tests and
 * benchmarks that write arbitrary data; a relay serving people keeps them on.
 */
export function integrityChecksFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
	const raw = env.STOCKFLOW_INTEGRITY_CHECKS;
	if (raw === undefined || raw === '' || raw === 'on') return true;
	if (raw === 'off') return false;
	throw new UsageError(`invalid STOCKFLOW_INTEGRITY_CHECKS "${raw}": on, off`);
}

export function hostFromEnv(env: NodeJS.ProcessEnv = process.env): string {
	return env.HOST && env.HOST !== '' ? env.HOST : '0.0.0.0';
}
