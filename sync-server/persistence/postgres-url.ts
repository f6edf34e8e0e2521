// What selects the Postgres store and how its URL is shown, without loading the `pg` driver: a
// relay on SQLite never loads it (about 5 MB of memory), see cli/store-env.ts. Also the awareness
// size limit the relay checks whatever its store.

/** True for `postgres://` and `postgresql://` URLs: what selects this store. */
export function isPostgresUrl(url: string): boolean {
	return /^postgres(ql)?:\/\//i.test(url);
}

/** The URL without its password, for logs and banners. */
export function redactedUrl(url: string): string {
	try {
		const parsed = new URL(url);
		if (parsed.password) parsed.password = '***';
		return parsed.toString();
	} catch {
		return 'postgres://…';
	}
}

/** NOTIFY payloads must stay under 8,000 bytes; room key and relay id take the rest. */
export const MAX_AWARENESS_BYTES = 5000;
