// `stockflow migrate-store --from sqlite:PATH --to postgres://…`: copies every document of an
// embedded SQLite store into Postgres. The SQLite file is only read (WAL: a relay may keep
// serving it meanwhile). A room new to Postgres gets the stored rows as they are, so its
// documents are the same byte for byte; a room Postgres already has gets only what it lacks,
// so running the command again after more writes copies just those. Every room is then loaded
// back from Postgres and its state vector compared with the source's. Device sessions, sign-in
// links, revocations, the people trail and company profiles follow (migrate-sessions.ts).

import { existsSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import * as Y from 'yjs';
import { docFromUpdates } from '../persistence/merge';
import type { PersistencePort, RoomKey } from '../persistence/port';
import { openPostgresStore } from '../persistence/postgres';
import { isPostgresUrl, redactedUrl } from '../persistence/postgres-url';
import { SQLITE_FILE, openSqliteStore, sqliteFilePath } from '../persistence/sqlite';
import { openStockflowDatabase } from '../persistence/sqlite-open';
import { UsageError, noPositionals, parseFlags } from './args';
import { copySessions } from './migrate-sessions';

export interface RoomCopy {
	readonly room: RoomKey;
	/** Rows appended to the target (0 when it already had everything). */
	readonly rowsCopied: number;
	/** Source rows Yjs cannot read: copied as they are into a new room, never into an old one. */
	readonly unreadableRows: number;
}

/** `sqlite:PATH`, PATH a data directory or its stockflow.sqlite file; returns the directory. */
export function sqliteDirOf(from: string): string {
	if (!from.startsWith('sqlite:') || from.length === 'sqlite:'.length) {
		throw new UsageError(
			`invalid --from "${from}": sqlite:PATH (a DATA_DIR or its ${SQLITE_FILE})`
		);
	}
	const path = resolve(from.slice('sqlite:'.length));
	const dir = existsSync(path) && statSync(path).isFile() ? dirname(path) : path;
	if (existsSync(path) && statSync(path).isFile() && basename(path) !== SQLITE_FILE) {
		throw new UsageError(`--from must name a DATA_DIR or a file called ${SQLITE_FILE}`);
	}
	if (!existsSync(sqliteFilePath(dir))) throw new Error(`no database at ${sqliteFilePath(dir)}`);
	return dir;
}

function roomsOf(file: string): RoomKey[] {
	const db = openStockflowDatabase(file, { readonly: true });
	try {
		db.pragma('busy_timeout = 5000');
		return db
			.prepare<[], { workspace: string; doc: string }>(
				'SELECT DISTINCT workspace, doc FROM updates ORDER BY workspace, doc'
			)
			.all();
	} finally {
		db.close();
	}
}

/** Copies every room of `source` into `target`; verifies each by state vector. */
export async function copyStore(
	source: PersistencePort,
	target: PersistencePort,
	rooms: readonly RoomKey[]
): Promise<RoomCopy[]> {
	const copies: RoomCopy[] = [];
	for (const room of rooms) {
		const rows = (await source.load(room)).updates;
		const { doc: sourceDoc, skipped } = docFromUpdates(rows);
		const existing = (await target.load(room)).updates;
		let rowsCopied = 0;
		if (existing.length === 0) {
			// Issued together: the store group-commits them.
			await Promise.all(rows.map((row) => target.append(room, row)));
			rowsCopied = rows.length;
		} else {
			const { doc: targetDoc } = docFromUpdates(existing);
			const missing = Y.encodeStateAsUpdate(sourceDoc, Y.encodeStateVector(targetDoc));
			const union = docFromUpdates([...existing, missing]).doc;
			if (!Y.equalSnapshots(Y.snapshot(union), Y.snapshot(targetDoc))) {
				await target.append(room, missing);
				rowsCopied = 1;
			}
		}
		const copied = docFromUpdates((await target.load(room)).updates).doc;
		const want = Y.decodeStateVector(Y.encodeStateVector(sourceDoc));
		const got = Y.decodeStateVector(Y.encodeStateVector(copied));
		for (const [client, clock] of want) {
			if ((got.get(client) ?? 0) < clock) {
				throw new Error(
					`${room.workspace}/${room.doc}: copy is missing client ${client}'s changes`
				);
			}
		}
		copies.push({ room, rowsCopied, unreadableRows: skipped });
	}
	return copies;
}

export async function migrateStoreCommand(argv: string[]): Promise<void> {
	const { values, positionals } = parseFlags(argv, {
		from: { type: 'string' },
		to: { type: 'string' }
	});
	noPositionals(positionals);
	if (typeof values.from !== 'string') throw new UsageError('--from sqlite:PATH is required');
	if (typeof values.to !== 'string' || !isPostgresUrl(values.to)) {
		throw new UsageError('--to postgres://user:password@host:port/database is required');
	}
	const dir = sqliteDirOf(values.from);
	const source = openSqliteStore({ dataDir: dir, readonly: true });
	const target = openPostgresStore({ url: values.to });
	try {
		await target.ready();
		const copies = await copyStore(source, target, roomsOf(sqliteFilePath(dir)));
		for (const copy of copies) {
			const note = copy.unreadableRows > 0 ? ` (${copy.unreadableRows} unreadable rows)` : '';
			console.log(`${copy.room.workspace}/${copy.room.doc}: ${copy.rowsCopied} rows copied${note}`);
		}
		const rows = copies.reduce((sum, c) => sum + c.rowsCopied, 0);
		console.log(
			`Copied ${copies.length} docs (${rows} rows) from ${sqliteFilePath(dir)} to ${redactedUrl(values.to)}; state vectors verified`
		);
		// Devices stay signed in: sessions, links, revocations and company profiles go along.
		const who = await copySessions(dir, values.to);
		console.log(
			`Copied ${who.sessions} device sessions, ${who.links} sign-in links, ${who.revocations} revocations and ${who.profiles} company profiles`
		);
		console.log(`Copied ${who.peopleChanges} people changes (role changes and revocations)`);
	} finally {
		await source.close();
		await target.close();
	}
}
