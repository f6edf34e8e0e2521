// Where the token secret comes from: STOCKFLOW_SECRET, else `${DATA_DIR}/secret`, else a new
// random one written there once (mode 0600) so tokens survive restarts.

import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function resolveSecret(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
	const fromEnv = env.STOCKFLOW_SECRET?.trim();
	if (fromEnv) return fromEnv;
	const file = join(dataDir, 'secret');
	try {
		const stored = readFileSync(file, 'utf8').trim();
		if (stored) return stored;
	} catch (error) {
		if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error;
	}
	mkdirSync(dataDir, { recursive: true, mode: 0o700 });
	const secret = randomBytes(32).toString('base64url');
	try {
		// 'wx': if another process created it meanwhile, use theirs instead of overwriting.
		writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
		return secret;
	} catch (error) {
		if (error instanceof Error && 'code' in error && error.code === 'EEXIST') {
			return readFileSync(file, 'utf8').trim();
		}
		throw error;
	}
}
