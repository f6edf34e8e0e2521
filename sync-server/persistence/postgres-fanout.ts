// Fan-out between relays sharing one Postgres: each batch insert notifies
// `stockflow_updates` with `<relay> <seq> <workspace>/<doc>` (payloads stay tiny: NOTIFY is
// limited to 8,000 bytes, an update is not), and every other relay holding that room reads the
// rows from the table and applies them. Seqs are drawn before commit, so a notified seq may be
// below one already read: notified seqs are fetched by value as well as everything after the
// last seq read. After the listening connection is lost, every watched room catches up from its
// last seq once it is back.

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { RoomKey } from './port';
import { roomId } from './port';

export const FANOUT_CHANNEL = 'stockflow_updates';

export interface PostgresFanout {
	/** This relay's id in notifications (its own are ignored). */
	readonly instance: string;
	watch(room: RoomKey, afterSeq: number, onUpdates: (updates: Uint8Array[]) => void): () => void;
	close(): Promise<void>;
}

interface Watcher {
	readonly room: RoomKey;
	lastSeq: number;
	/** Notified seqs not read yet (possibly below lastSeq: committed out of seq order). */
	readonly notified: Set<number>;
	reading: boolean;
	again: boolean;
	readonly onUpdates: (updates: Uint8Array[]) => void;
}

export function startPostgresFanout(options: {
	url: string;
	pool: pg.Pool;
	table: string;
	onError?: (err: Error) => void;
}): PostgresFanout {
	const instance = randomBytes(6).toString('hex');
	const watchers = new Map<string, Watcher>();
	let listener: pg.Client | null = null;
	let closed = false;
	let retry: NodeJS.Timeout | null = null;

	function catchUp(w: Watcher): void {
		if (w.reading) {
			w.again = true;
			return;
		}
		w.reading = true;
		const notified = [...w.notified];
		w.notified.clear();
		options.pool
			.query<{ seq: string; data: Buffer }>(
				`SELECT seq::text AS seq, data FROM ${options.table}
				 WHERE workspace = $1 AND doc = $2 AND (seq > $3 OR seq = ANY($4::bigint[]))
				 ORDER BY seq`,
				[w.room.workspace, w.room.doc, w.lastSeq, notified]
			)
			.then(
				(result) => {
					for (const row of result.rows) w.lastSeq = Math.max(w.lastSeq, Number(row.seq));
					if (watchers.get(roomId(w.room)) === w && result.rows.length > 0) {
						w.onUpdates(result.rows.map((row) => new Uint8Array(row.data)));
					}
				},
				(err: unknown) => {
					// Read again with the next notification or reconnect.
					for (const seq of notified) w.notified.add(seq);
					options.onError?.(err instanceof Error ? err : new Error(String(err)));
				}
			)
			.finally(() => {
				w.reading = false;
				if (w.again && !closed) {
					w.again = false;
					catchUp(w);
				}
			});
	}

	function onNotification(payload: string | undefined): void {
		const match = /^(\S+) (\d+) ([^/]+)\/(.+)$/.exec(payload ?? '');
		if (!match || match[1] === instance) return;
		const w = watchers.get(`${match[3]}/${match[4]}`);
		if (!w) return;
		w.notified.add(Number(match[2]));
		catchUp(w);
	}

	function listen(): void {
		retry = null;
		if (closed) return;
		const client = new pg.Client({ connectionString: options.url });
		const lost = (err?: Error): void => {
			if (listener !== client) return;
			listener = null;
			if (err) options.onError?.(err);
			void client.end().catch(() => undefined);
			if (!closed) retry = setTimeout(listen, 500);
		};
		listener = client;
		client.on('error', lost);
		client.on('end', () => lost());
		client.on('notification', (msg) => onNotification(msg.payload));
		client
			.connect()
			.then(() => client.query(`LISTEN ${FANOUT_CHANNEL}`))
			.then(() => {
				// Whatever was stored while nobody listened.
				for (const w of watchers.values()) catchUp(w);
			})
			.catch((err: unknown) => lost(err instanceof Error ? err : new Error(String(err))));
	}
	listen();

	return {
		instance,
		watch(room, afterSeq, onUpdates) {
			const w: Watcher = {
				room,
				lastSeq: afterSeq,
				notified: new Set(),
				reading: false,
				again: false,
				onUpdates
			};
			watchers.set(roomId(room), w);
			// Rows stored between the room's load and now.
			catchUp(w);
			return () => {
				if (watchers.get(roomId(room)) === w) watchers.delete(roomId(room));
			};
		},
		async close() {
			closed = true;
			if (retry) clearTimeout(retry);
			watchers.clear();
			const client = listener;
			listener = null;
			await client?.end().catch(() => undefined);
		}
	};
}
