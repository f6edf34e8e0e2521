// One WebSocket connection in a room: queues its frames so they are handled in order,
// enforces binary frames, and closes only this connection on a protocol error.

import type { Logger } from 'pino';
import type { RawData, WebSocket } from 'ws';
import type { Claims } from './auth';
import { createRateLimiter, type RelayLimits } from './limits';
import {
	DocTooLargeError,
	PersistenceError,
	ProtocolError,
	handleMessage,
	type MessageContext
} from './messages';
import type { Metrics } from './metrics';
import type { PersistencePort, RoomKey } from './persistence/port';
import {
	CLOSE,
	encodeRefusal,
	encodeSyncStep1,
	encodeTimeAnswer,
	isTimeQuery,
	type CloseCode
} from '../src/lib/sync/protocol';
import { awarenessSnapshot, removePeer, type Peer, type Room } from './room';
import type { RoomRegistry } from './rooms';
import type { UpdateChecker } from './update-check';
import type { IntegrityChecker } from './integrity/relay-check';
import { appendWithRetry } from './store-retry';

export interface ConnectionOptions {
	socket: WebSocket;
	key: RoomKey;
	claims: Claims;
	canWrite: boolean;
	rooms: RoomRegistry;
	store: PersistencePort;
	updates: UpdateChecker;
	/** Integrity inside documents; null when the checks are off. */
	integrity: IntegrityChecker | null;
	metrics: Metrics;
	logger: Logger;
	limits: RelayLimits;
	/** How long an append keeps being retried while the store fails (store-retry.ts). */
	storeRetryMs: number;
	/** The relay's clock: the devices' time reference (message 101). */
	nowMs: () => number;
}

/** ws reports its own frame-level failures (oversize, bad opcode, unmasked) with WS_ERR_* codes. */
function isWsProtocolError(err: Error): boolean {
	return 'code' in err && typeof err.code === 'string' && err.code.startsWith('WS_ERR_');
}

function toBytes(data: RawData): Uint8Array {
	if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
	if (data instanceof ArrayBuffer) return new Uint8Array(data);
	return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

export interface AttachedConnection {
	/** Resolves once every frame received so far has been handled (stored, applied). */
	idle(): Promise<void>;
}

export function attachConnection(options: ConnectionOptions): AttachedConnection {
	const { socket, key, metrics, rooms, store, limits } = options;
	const logger = options.logger.child({
		room: `${key.workspace}/${key.doc}`,
		user: options.claims.sub
	});
	let closed = false;
	const rate = createRateLimiter(limits.messagesPerSecond, limits.messageBurst);
	// One callback for every send of this connection, not a closure per forwarded message.
	const onSent = (err?: Error): void => {
		if (err) logger.debug({ err }, 'send failed');
	};

	const peer: Peer = {
		awarenessClients: new Set(),
		send(message) {
			if (closed || socket.readyState !== socket.OPEN) return;
			metrics.bytesOut += message.byteLength;
			socket.send(message, onSent);
		},
		forward(message) {
			if (closed) return;
			// The kernel's socket buffer is full and ws is queueing in our heap: this client
			// does not read as fast as the room writes. Dropping it bounds memory; on reconnect
			// it catches up with one sync step instead of the whole backlog.
			if (socket.bufferedAmount + message.byteLength > limits.maxBufferedBytes) {
				metrics.slowConsumersDropped += 1;
				fail(CLOSE.slowConsumer, 'slow consumer: send buffer full, reconnect to catch up', false);
				// close() waits for the buffer to drain: a stalled peer would hold it forever.
				const stalled = setTimeout(() => socket.terminate(), 5000);
				stalled.unref();
				socket.once('close', () => clearTimeout(stalled));
				return;
			}
			peer.send(message);
		}
	};

	function fail(code: CloseCode, reason: string, countAsProtocolError: boolean): void {
		if (closed) return;
		if (countAsProtocolError) metrics.protocolErrors += 1;
		logger.warn({ code, reason }, 'closing connection');
		closed = true;
		socket.close(code, reason.slice(0, 120));
	}

	// Answers to message 100, each sent once the store says it is durable, in order.
	let confirmations: Promise<void> = Promise.resolve();
	function sendWhenDurable(message: Uint8Array): void {
		const durable = store.durable();
		confirmations = Promise.all([confirmations, durable]).then(
			() => peer.send(message),
			(err: unknown) => {
				logger.error({ err }, 'storage cannot promise durability');
				fail(CLOSE.internalError, 'storage failed', false);
			}
		);
	}

	/** What every message handler of this connection gets; set once the room is loaded. */
	let ctx: MessageContext | null = null;
	function contextFor(room: Room): MessageContext {
		return {
			room,
			peer,
			canWrite: options.canWrite,
			maxDocBytes: limits.maxDocBytes,
			// The integrity check decodes a large update on its own thread: decoding it twice
			// would only cost a CPU.
			checkUpdate: (update) =>
				options.canWrite && options.integrity?.decodes(update, key.doc)
					? Promise.resolve(null)
					: options.updates.check(update),
			checkIntegrity: async (update, decoded) =>
				options.integrity
					? options.integrity.check({ room, key, claims: options.claims, update, decoded })
					: null,
			refuseUpdate(refusal, decoded) {
				metrics.refusedUpdates[refusal.reason] += 1;
				const clients =
					refusal.clients ?? (decoded ? [...new Set(decoded.structs.map((s) => s.id.client))] : []);
				logger.warn(
					{
						workspace: key.workspace,
						doc: key.doc,
						user: options.claims.sub,
						role: options.claims.role,
						// The Yjs client ids of the update: one per device (per tab) and session.
						device: clients,
						reason: refusal.reason,
						detail: refusal.detail
					},
					'update refused'
				);
				peer.send(encodeRefusal(refusal.reason, refusal.detail));
			},
			async persist(update) {
				const startedMs = performance.now();
				const result = await appendWithRetry(store, key, update, {
					giveUpMs: options.storeRetryMs,
					abandoned: () => closed,
					onRetry: (err) => {
						metrics.storeRetries += 1;
						logger.warn({ err }, 'store failed; trying the append again');
					}
				});
				metrics.storeAppend.observe(performance.now() - startedMs);
				metrics.updatesPersisted += 1;
				rooms.stored(key, result.storedRows);
			},
			sendWhenDurable,
			rejectWrite() {
				metrics.rejectedWrites += 1;
				logger.warn({ role: options.claims.role }, 'write from read-only connection dropped');
			}
		};
	}

	/** Closes this connection with the code a failed frame calls for. */
	function failOn(err: unknown): void {
		if (err instanceof ProtocolError) fail(CLOSE.protocolError, err.message, true);
		else if (err instanceof DocTooLargeError) {
			metrics.docTooLarge += 1;
			fail(CLOSE.docTooLarge, `document too large: limit ${err.limitBytes} bytes`, false);
		} else if (err instanceof PersistenceError) {
			logger.error({ err: err.cause }, 'persistence failed');
			fail(CLOSE.internalError, 'storage failed', false);
		} else {
			logger.error({ err }, 'unexpected error handling message');
			fail(CLOSE.internalError, 'internal error', false);
		}
	}

	/** One queued frame. The queue's first step loaded the room (or closed the connection). */
	function handleFrame(bytes: Uint8Array): Promise<void> | undefined {
		if (closed || !ctx) return;
		return handleMessage(bytes, ctx).catch(failOn);
	}

	const roomReady = rooms.acquire(key);
	// The queue never rejects: every step handles its own failure by closing this socket.
	let queue: Promise<void> = roomReady.then(
		(room) => {
			if (closed) return;
			ctx = contextFor(room);
			room.peers.add(peer);
			peer.send(encodeSyncStep1(room.doc));
			const awareness = awarenessSnapshot(room);
			if (awareness) peer.send(awareness);
		},
		(err: unknown) => {
			logger.error({ err }, 'room failed to load');
			fail(CLOSE.internalError, 'room unavailable', false);
		}
	);

	socket.on('message', (data, isBinary) => {
		const bytes = toBytes(data);
		metrics.bytesIn += bytes.byteLength;
		if (closed) return;
		if (!isBinary) {
			fail(CLOSE.unsupportedData, 'text frames are not supported', true);
			return;
		}
		if (!rate.take()) {
			metrics.rateLimited += 1;
			fail(CLOSE.rateLimited, 'rate limit: too many messages, try again later', false);
			return;
		}
		// The time is answered at once, not behind this connection's queue (a catch-up being
		// stored): the client halves the round trip, which only works if the relay did not wait.
		if (isTimeQuery(bytes)) {
			peer.send(encodeTimeAnswer(options.nowMs()));
			return;
		}
		queue = queue.then(() => handleFrame(bytes));
	});

	socket.on('error', (err) => {
		// ws has already started closing (1002/1009) for frame-level errors.
		if (isWsProtocolError(err)) {
			if (!closed) metrics.protocolErrors += 1;
			closed = true;
		}
		logger.debug({ err }, 'socket error');
	});

	socket.on('close', () => {
		closed = true;
		void queue
			.then(() => roomReady)
			.then(
				(room) => {
					removePeer(room, peer);
					rooms.release(key);
				},
				() => undefined
			);
	});

	return { idle: () => queue };
}
