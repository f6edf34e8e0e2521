// The data directory holds the company's documents, the sessions and the token secret: only
// the relay's own user may read it (directory 700, files 600), whoever created it first.

import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';

const PRIVATE_FILES = [
	'stockflow.sqlite',
	'stockflow.sqlite-wal',
	'stockflow.sqlite-shm',
	'secret',
	'workspaces.json'
];

/**
 * Creates `dataDir` (700) and an empty `stockflow.sqlite` (600) when missing, and tightens the
 * modes of what already exists. SQLite gives its -wal and -shm files the database file's mode,
 * so creating the database file 600 before SQLite opens it keeps them private too.
 */
export function secureDataDir(dataDir: string): void {
	mkdirSync(dataDir, { recursive: true, mode: 0o700 });
	chmodSync(dataDir, 0o700);
	closeSync(openSync(join(dataDir, 'stockflow.sqlite'), 'a', 0o600));
	for (const name of PRIVATE_FILES) {
		try {
			chmodSync(join(dataDir, name), 0o600);
		} catch (error) {
			if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error;
		}
	}
}
