// Postgres persistence (`STOCKFLOW_DATABASE_URL=postgres://…`): the same log of Yjs updates as
// the SQLite store, in a database several relays can share. Appends are group-committed (up to
// two batches in flight, one multi-row INSERT each, see postgres-writer.ts) with
// `synchronous_commit = on`, so an append resolves only after its commit reached Postgres' WAL
// on disk: it survives a crash of the relay and of the database, and `durable()` has nothing
// left to wait for.

import pg from 'pg';
import type { AppendResult, CompactResult, PersistencePort, RoomKey, StoredUpdates } from './port';
import { roomId } from './port';
import { startPostgresCompactor } from './postgres-compactor';
import { FANOUT_CHANNEL, MAX_INLINE_UPDATE_BYTES, startPostgresFanout } from './postgres-fanout';
import { UPDATES_TABLE, migratePostgres } from './postgres-schema';
import { startPostgresWriter, type BatchRow } from './postgres-writer';

export interface PostgresStoreOptions {
	/** `postgres://user:password@host:port/database` */
	url: string;
	/** Connections kept open for appends, loads and compaction swaps. Default 4. */
	maxConnections?: number;
	/** Called after each group commit with the number of updates it stored (metrics). */
	onCommit?: (updates: number) => void;
	/** An idle connection failed (the database restarted); the next query reconnects. */
	onError?: (err: Error) => void;
}

const T = UPDATES_TABLE;
/**
 * Batches of up to this many rows (nearly all: a batch is what arrived during the previous
 * commit) run as named statements, parsed and planned once per connection instead of at every
 * commit — half the round trip of a one-row batch (0.40 → 0.19 ms measured).
 */
const PREPARED_MAX_ROWS = 16;

export { isPostgresUrl, redactedUrl } from './postgres-url';

export function openPostgresStore(options: PostgresStoreOptions): PersistencePort {
	const pool = new pg.Pool({
		connectionString: options.url,
		max: options.maxConnections ?? 4,
		// A database that accepts TCP but does not answer must not hold appends forever.
		connectionTimeoutMillis: 5000,
		// Connections stay open once made (pg's default closes them after 10 s idle): a new one
		// costs ~9 ms (TCP, authentication, a server process), which the second batch in flight
		// of a quiet relay would otherwise pay at the moment it was meant to save a wait.
		idleTimeoutMillis: 0,
		// Promise 1 of SCALING.md: a commit returns only once it is in the WAL on disk, whatever
		// the server's default. `off` would forward updates a database crash can still lose.
		options: '-c synchronous_commit=on'
	});
	pool.on('error', (err) => options.onError?.(err));

	const fanout = startPostgresFanout({
		url: options.url,
		pool,
		table: T,
		onError: options.onError
	});

	const started = (async () => {
		const client = await pool.connect();
		try {
			await migratePostgres(client);
		} finally {
			client.release();
		}
	})();
	// Every call awaits `started`; an unobserved failure must not crash the process first.
	started.catch(() => undefined);

	let closed = false;
	async function open(): Promise<void> {
		if (closed) throw new Error('Postgres store is closed');
		await started;
	}

	// Row counts per room: the compaction trigger. Read once in the batch that first writes a
	// room, then kept here; with several relays appending to one room they are a hint only.
	const counts = new Map<string, number>();

	async function countRooms(rows: readonly BatchRow[]): Promise<void> {
		const missing = new Map<string, RoomKey>();
		for (const row of rows) if (!counts.has(roomId(row))) missing.set(roomId(row), row);
		if (missing.size === 0) return;
		const keys = [...missing.values()];
		const result = await pool.query<{ workspace: string; doc: string; n: string }>(
			`SELECT workspace, doc, count(*)::text AS n FROM ${T}
			 WHERE (workspace, doc) IN (SELECT * FROM unnest($1::text[], $2::text[]))
			 GROUP BY workspace, doc`,
			[keys.map((k) => k.workspace), keys.map((k) => k.doc)]
		);
		for (const key of keys) counts.set(roomId(key), 0);
		for (const row of result.rows) counts.set(roomId(row), Number(row.n));
	}

	const writer = startPostgresWriter(async (rows) => {
		await countRooms(rows);
		const values = rows.map((_, i) => `($${3 * i + 1}, $${3 * i + 2}, $${3 * i + 3})`);
		const me = `$${3 * rows.length + 1}`;
		// Other relays holding the room are told at commit: room key and seq, and the update
		// itself when it is small (most are), which spares them a read.
		const result = await pool.query<{ seq: string }>({
			...(rows.length <= PREPARED_MAX_ROWS ? { name: `stockflow_append_${rows.length}` } : {}),
			text: `WITH ins AS (INSERT INTO ${T} (workspace, doc, data) VALUES ${values.join(', ')}
			   RETURNING seq, workspace, doc, data)
			 SELECT seq::text AS seq,
			   pg_notify('${FANOUT_CHANNEL}', ${me} || ' ' || seq || ' ' || workspace || '/' || doc ||
			     CASE WHEN octet_length(data) <= ${MAX_INLINE_UPDATE_BYTES}
			       THEN ' ' || translate(encode(data, 'base64'), E'\n', '') ELSE '' END)
			 FROM ins`,
			values: [
				...rows.flatMap((row) => [row.workspace, row.doc, row.data]),
				// `<relay>@<ms>`: the batch's start, for the other relays' fan-out lag.
				`${fanout.instance}@${Date.now()}`
			]
		});
		options.onCommit?.(rows.length);
		// Seqs are drawn row by row in VALUES order: sorted, they are in issue order.
		return result.rows.map((row) => Number(row.seq)).sort((a, b) => a - b);
	});

	const compactor = startPostgresCompactor(options.url, T);

	return {
		async ready(): Promise<void> {
			await open();
		},
		async load(room: RoomKey): Promise<StoredUpdates> {
			await open();
			await writer.drain();
			const result = await pool.query<{ seq: string; data: Buffer }>(
				`SELECT seq::text AS seq, data FROM ${T} WHERE workspace = $1 AND doc = $2
				 ORDER BY snapshot DESC, seq ASC`,
				[room.workspace, room.doc]
			);
			let lastSeq = 0;
			const updates = result.rows.map((row) => {
				lastSeq = Math.max(lastSeq, Number(row.seq));
				return new Uint8Array(row.data);
			});
			return { updates, lastSeq };
		},
		async append(room: RoomKey, update: Uint8Array): Promise<AppendResult> {
			await open();
			// A copy: the bytes stored are those of the call, whatever the caller does later.
			const data = Buffer.from(update);
			const seq = await writer.append({ workspace: room.workspace, doc: room.doc, data });
			// The batch counted the room before inserting; a room is in one batch in flight at a time.
			const storedRows = (counts.get(roomId(room)) ?? 0) + 1;
			counts.set(roomId(room), storedRows);
			return { seq, storedRows };
		},
		async durable(): Promise<void> {
			// synchronous_commit = on: a resolved append is already on the database's disk.
			await open();
		},
		async compact(room: RoomKey): Promise<CompactResult> {
			await open();
			// What was appended so far is committed, so the thread reads it.
			await writer.drain();
			const plan = await compactor.plan(room);
			if (!plan) return { merged: 0, snapshotBytes: 0 };
			return writer.exclusive(async () => {
				const client = await pool.connect();
				try {
					await client.query('BEGIN');
					// Two relays never swap one room at once.
					await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [roomId(room)]);
					// Rows up to the bound change only by compaction (appends get higher seqs): if
					// another relay compacted them meanwhile, this plan is stale and the next will do.
					const now = await client.query<{ n: string }>(
						`SELECT count(*)::text AS n FROM ${T} WHERE workspace = $1 AND doc = $2 AND seq <= $3`,
						[room.workspace, room.doc, plan.bound]
					);
					if (Number(now.rows[0]?.n) !== plan.rowsRead) {
						await client.query('ROLLBACK');
						return { merged: 0, snapshotBytes: 0 };
					}
					const top = plan.seqs.reduce((max, seq) => Math.max(max, seq), 0);
					await client.query(`DELETE FROM ${T} WHERE seq = ANY($1::bigint[])`, [plan.seqs]);
					await client.query(
						`INSERT INTO ${T} (seq, workspace, doc, snapshot, data) VALUES ($1, $2, $3, TRUE, $4)`,
						[top, room.workspace, room.doc, Buffer.from(plan.snapshot)]
					);
					await client.query('COMMIT');
					counts.delete(roomId(room));
					return { merged: plan.seqs.length, snapshotBytes: plan.snapshot.byteLength };
				} catch (err) {
					await client.query('ROLLBACK').catch(() => undefined);
					throw err;
				} finally {
					client.release();
				}
			});
		},
		async count(room: RoomKey): Promise<number> {
			await open();
			await writer.drain();
			const result = await pool.query<{ n: string }>(
				`SELECT count(*)::text AS n FROM ${T} WHERE workspace = $1 AND doc = $2`,
				[room.workspace, room.doc]
			);
			return Number(result.rows[0]?.n ?? 0);
		},
		async listDocs(workspace: string): Promise<string[]> {
			await open();
			await writer.drain();
			// COLLATE "C": byte order, the same as SQLite's and JavaScript's sort.
			const result = await pool.query<{ doc: string }>(
				`SELECT DISTINCT doc COLLATE "C" AS doc FROM ${T} WHERE workspace = $1 ORDER BY 1`,
				[workspace]
			);
			return result.rows.map((row) => row.doc);
		},
		async health(): Promise<void> {
			await open();
			await pool.query('SELECT 1');
		},
		watch(room, afterSeq, handlers) {
			return fanout.watch(room, afterSeq, handlers);
		},
		publishAwareness(room, update) {
			fanout.publishAwareness(room, update);
		},
		async close(): Promise<void> {
			if (closed) return;
			closed = true;
			await started.catch(() => undefined);
			await writer.drain();
			await fanout.close();
			await compactor.close();
			await pool.end();
		}
	};
}
