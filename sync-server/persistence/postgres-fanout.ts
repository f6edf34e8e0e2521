// Fan-out between relays sharing one Postgres: each batch insert notifies
// `stockflow_updates` with `<relay> <seq> <workspace>/<doc>`, plus the update in base64 when
// it is at most MAX_INLINE_UPDATE_BYTES (NOTIFY payloads stop at 8,000 bytes): a relay holding
// that room applies an inline update at once, and reads a larger one from the table. Seqs are drawn before commit, so a notified seq may be
// below one already read: notified seqs are fetched by value as well as everything after the
// last seq read. After the listening connection is lost, every watched room catches up from its
// last seq once it is back. The relay field is `<relay>@<ms>`: when that relay started the batch
// (fan-out lag; older relays' `<relay>` alone still parses). Presence goes over its own
// channel, `stockflow_awareness`, carrying the awareness update itself: it is small and
// ephemeral (clients renew it every 15 s), so nothing is stored and a lost one heals.

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { RoomKey, RoomWatch } from './port';
import { roomId } from './port';
import { MAX_AWARENESS_BYTES } from './postgres-url';

export { MAX_AWARENESS_BYTES };
export const FANOUT_CHANNEL = 'stockflow_updates';
export const AWARENESS_CHANNEL = 'stockflow_awareness';
/** Updates up to this size travel in the notification itself (base64 is 4/3 of it). */
export const MAX_INLINE_UPDATE_BYTES = 5000;

export interface PostgresFanout {
	/** This relay's id in notifications (its own are ignored). */
	readonly instance: string;
	watch(room: RoomKey, afterSeq: number, handlers: RoomWatch): () => void;
	/** Sends an awareness update to the relays holding the room (larger ones are dropped). */
	publishAwareness(room: RoomKey, update: Uint8Array): void;
	close(): Promise<void>;
}

interface Watcher {
	readonly room: RoomKey;
	lastSeq: number;
	/** Notified seqs not read yet (possibly below lastSeq: committed out of seq order). */
	readonly notified: Set<number>;
	/** When the notifying relay started each notified seq's batch (epoch ms). */
	readonly startedAtMs: Map<number, number>;
	reading: boolean;
	again: boolean;
	readonly handlers: RoomWatch;
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
					const started: number[] = [];
					for (const row of result.rows) {
						const seq = Number(row.seq);
						w.lastSeq = Math.max(w.lastSeq, seq);
						const at = w.startedAtMs.get(seq);
						if (at !== undefined) started.push(at);
						w.startedAtMs.delete(seq);
					}
					// Stamps of rows this read did not return (compacted meanwhile) go too.
					for (const seq of w.startedAtMs.keys()) if (seq <= w.lastSeq) w.startedAtMs.delete(seq);
					if (watchers.get(roomId(w.room)) === w && result.rows.length > 0) {
						w.handlers.updates(
							result.rows.map((row) => new Uint8Array(row.data)),
							started
						);
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
		const match = /^([^\s@]+)(?:@(\d+))? (\d+) ([^/\s]+)\/(\S+)(?: (\S+))?$/.exec(payload ?? '');
		if (!match || match[1] === instance) return;
		const w = watchers.get(`${match[4]}/${match[5]}`);
		if (!w) return;
		const seq = Number(match[3]);
		const inline = match[6];
		if (inline !== undefined) {
			// The update itself: applied now, no read. A read in flight may return it again;
			// Yjs applies an update once.
			w.lastSeq = Math.max(w.lastSeq, seq);
			w.handlers.updates(
				[new Uint8Array(Buffer.from(inline, 'base64'))],
				match[2] ? [Number(match[2])] : []
			);
			return;
		}
		w.notified.add(seq);
		if (match[2]) w.startedAtMs.set(seq, Number(match[2]));
		catchUp(w);
	}

	function onAwareness(payload: string | undefined): void {
		const match = /^(\S+) (\S+) ([^/]+)\/(.+)$/.exec(payload ?? '');
		if (!match || match[1] === instance) return;
		const w = watchers.get(`${match[3]}/${match[4]}`);
		if (!w?.handlers.awareness) return;
		w.handlers.awareness(new Uint8Array(Buffer.from(match[2] ?? '', 'base64')));
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
		client.on('notification', (msg) => {
			if (msg.channel === AWARENESS_CHANNEL) onAwareness(msg.payload);
			else onNotification(msg.payload);
		});
		client
			.connect()
			.then(() => client.query(`LISTEN ${FANOUT_CHANNEL}; LISTEN ${AWARENESS_CHANNEL}`))
			.then(() => {
				// Whatever was stored while nobody listened.
				for (const w of watchers.values()) catchUp(w);
			})
			.catch((err: unknown) => lost(err instanceof Error ? err : new Error(String(err))));
	}
	listen();

	return {
		instance,
		watch(room, afterSeq, handlers) {
			const w: Watcher = {
				room,
				lastSeq: afterSeq,
				notified: new Set(),
				startedAtMs: new Map(),
				reading: false,
				again: false,
				handlers
			};
			watchers.set(roomId(room), w);
			// Rows stored between the room's load and now.
			catchUp(w);
			return () => {
				if (watchers.get(roomId(room)) === w) watchers.delete(roomId(room));
			};
		},
		publishAwareness(room, update) {
			if (closed || update.byteLength > MAX_AWARENESS_BYTES) return;
			const payload = `${instance} ${Buffer.from(update).toString('base64')} ${roomId(room)}`;
			options.pool
				.query('SELECT pg_notify($1, $2)', [AWARENESS_CHANNEL, payload])
				.catch((err: unknown) =>
					options.onError?.(err instanceof Error ? err : new Error(String(err)))
				);
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
