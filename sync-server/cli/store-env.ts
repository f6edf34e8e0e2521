// Which store the relay uses: `STOCKFLOW_DATABASE_URL=postgres://…` selects Postgres (several
// relays may then share it); unset, the relay keeps its embedded SQLite file in DATA_DIR.

import type { Logger } from 'pino';
import type { PersistencePort } from '../persistence/port';
import { isPostgresUrl, redactedUrl } from '../persistence/postgres-url';
import { UsageError } from './args';

/** The Postgres URL to use, or null for the embedded SQLite store. */
export function databaseUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string | null {
	const raw = env.STOCKFLOW_DATABASE_URL;
	if (raw === undefined || raw === '') return null;
	if (!isPostgresUrl(raw)) {
		throw new UsageError(
			`invalid STOCKFLOW_DATABASE_URL "${redactedUrl(raw)}": postgres://user:password@host:port/database`
		);
	}
	return raw;
}

export interface SelectedStore {
	/** The store to pass to startServer, or undefined for its default SQLite store. */
	readonly store: PersistencePort | undefined;
	/** Where the data lives, for the banner (no password). */
	readonly where: string;
}

export async function storeFromEnv(options: {
	dataDir: string;
	logger: Logger;
	env?: NodeJS.ProcessEnv;
}): Promise<SelectedStore> {
	const url = databaseUrlFromEnv(options.env);
	if (url === null) return { store: undefined, where: options.dataDir };
	// Loaded only when selected: a relay on SQLite never loads the `pg` driver.
	const { openPostgresStore } = await import('../persistence/postgres');
	const store = openPostgresStore({
		url,
		// An idle connection dropped (the database restarted): the next query reconnects, and
		// a write that fails meanwhile closes its connection with 1011 (the client resends).
		onError: (err) => options.logger.warn({ err }, 'Postgres connection lost')
	});
	return { store, where: redactedUrl(url) };
}
