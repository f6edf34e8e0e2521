// The relay: one HTTP server and one WebSocket endpoint on the same port, rooms loaded from
// persistence on demand, every update stored before it is applied and forwarded.

import { createServer, STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { resolveSecret } from './secret';
import { attachConnection, type AttachedConnection } from './connection';
import { startKeepalive } from './keepalive';
import { createRequestHandler } from './http';
import type { AdjustableClock } from './test-clock';
import { silentLogger } from './logger';
import { resolveLimits, type RelayLimits } from './limits';
import { createMetrics, type Metrics } from './metrics';
import type { MetricsAccess } from './metrics-access';
import type { PreviousSecret } from './secret-rotation';
import type { PersistencePort } from './persistence/port';
import { openSqliteStore } from './persistence/sqlite';
import type { SqliteSynchronous } from './persistence/sqlite-writer';
import { CLOSE } from '../src/lib/sync/protocol';
import { createUpdateChecker } from './update-check';
import { createIntegrityChecker } from './integrity/relay-check';
import { createFallbackReport } from './integrity/fallback-report';
import { createRoomRegistry } from './rooms';
import { decideUpgrade } from './upgrade';
import { secureDataDir } from './data-dir';
import type { AuthContext } from './sessions/authenticate';
import { createSessionGuard } from './sessions/guard';
import { withLastKnown } from './sessions/last-known';
import { openSessionStore, type SessionStore } from './sessions/store';

export interface StartServerOptions {
	port: number;
	host?: string;
	dataDir: string;
	/** Built PWA to serve (`build/`); missing is fine (API-only relay). */
	staticDir?: string;
	/** JWT secret; default STOCKFLOW_SECRET or `${dataDir}/secret`. */
	secret?: string;
	/** Keep a room loaded this long after its last connection. Default 30 s. */
	roomGraceMs?: number;
	/** Larger frames close the connection with 1009. Default 16 MiB. */
	maxMessageBytes?: number;
	/** Compact a room once it has more stored rows than this. Default 500. */
	compactAfterRows?: number;
	/** Ping interval; a connection that missed the previous pong is terminated. Default 30 s. */
	pingIntervalMs?: number;
	/** Slow-consumer, rate and document size limits; defaults in limits.ts. */
	limits?: Partial<RelayLimits>;
	/** Default SQLite store's fsync policy (see SqliteStoreOptions.synchronous). */
	sqliteSynchronous?: SqliteSynchronous;
	/** Storage; default SQLite in dataDir. The server closes it on close(). */
	store?: PersistencePort;
	/**
	 * Device sessions, sign-in links, revocations and workspace profiles; default the SQLite file
	 * in dataDir. Relays sharing a Postgres store share these too (sessions/store-postgres.ts).
	 * The server closes it on close().
	 */
	sessions?: SessionStore;
	logger?: Logger;
	/**
	 * Integrity inside documents (sync-server/integrity): refuse updates that delete from
	 * append-only lists, fail the domain schemas, forge authorship or pass the role's rights.
	 * Default on; off only for transport tests and benchmarks that write arbitrary data.
	 */
	integrityChecks?: boolean;
	/** The integrity check thread's script (tests: one that fails); default the relay's. */
	integrityThreadUrl?: URL;
	/** How often open connections are checked against revocations (sessions/guard.ts). Default 1 s. */
	sessionPollMs?: number;
	/** A device credential is accepted this long after its last renewal. Default 30 days. */
	credentialTtlMs?: number;
	/** The secret before a rotation and until when it is still accepted (secret-rotation.ts). */
	previousSecret?: PreviousSecret | null;
	/** Who may read GET /metrics (token, loopback only); default open. */
	metricsAccess?: MetricsAccess;
	/** Clock for sessions, sign-in links and the devices' time (message 101). Default Date.now. */
	nowMs?: () => number;
	/**
	 * A clock the browser tests move through `PUT /api/test/clock` (STOCKFLOW_TEST_CLOCK=1);
	 * when given it is the relay's clock and `nowMs` is ignored.
	 */
	testClock?: AdjustableClock;
	/**
	 * While the store fails (a database restarting), an append is tried again this long before
	 * the writer's connection is closed with 1011; meanwhile its changes stay unconfirmed.
	 * Default 30 s.
	 */
	storeRetryMs?: number;
}

export interface RunningServer {
	port: number;
	metrics: Metrics;
	/** Rooms loaded in memory now (the `stockflow_rooms` gauge). */
	rooms(): number;
	close(): Promise<void>;
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
	const logger = options.logger ?? silentLogger();
	const secret = options.secret ?? resolveSecret(options.dataDir);
	const metrics = createMetrics();
	const limits = resolveLimits(options.limits);
	secureDataDir(options.dataDir);
	const store =
		options.store ??
		openSqliteStore({
			dataDir: options.dataDir,
			synchronous: options.sqliteSynchronous,
			onCommit: () => {
				metrics.persistBatches += 1;
			},
			onSync: () => {
				metrics.walSyncs += 1;
			}
		});
	// Listen only once storage is up: otherwise the first writes wait for its threads to start.
	try {
		await store.ready();
	} catch (err) {
		await store.close().catch(() => undefined);
		throw err;
	}
	// Through a database restart, reconnecting devices are checked against what was last read.
	const sessions = withLastKnown(
		options.sessions ?? openSessionStore({ dataDir: options.dataDir }),
		{
			maxAgeMs: 120_000,
			onFallback: (err) => logger.warn({ err }, 'session store unreachable: last known answer used')
		}
	);
	const auth: AuthContext = {
		secret,
		sessions,
		nowMs: options.testClock?.nowMs ?? options.nowMs ?? Date.now,
		credentialTtlMs: options.credentialTtlMs ?? 30 * 86_400_000,
		previousSecret: options.previousSecret ?? null
	};
	const guard = createSessionGuard({
		sessions,
		pollMs: options.sessionPollMs ?? 1000,
		nowMs: auth.nowMs,
		logger
	});
	// Large updates are checked off the relay's thread (a catch-up of megabytes).
	const updates = createUpdateChecker();
	const onFallback = createFallbackReport({ logger, metrics });
	const integrity =
		options.integrityChecks === false
			? null
			: createIntegrityChecker({
					nowMs: auth.nowMs,
					onFallback,
					workerUrl: options.integrityThreadUrl
				});
	const rooms = createRoomRegistry({
		store,
		logger,
		graceMs: options.roomGraceMs ?? 30_000,
		compactAfterRows: options.compactAfterRows ?? 500,
		metrics
	});
	const wss = new WebSocketServer({
		noServer: true,
		maxPayload: options.maxMessageBytes ?? 16 * 1024 * 1024,
		perMessageDeflate: false
	});
	const keepalive = startKeepalive(wss, options.pingIntervalMs ?? 30_000, logger);
	const connections = new Set<AttachedConnection>();

	const http = createServer(
		createRequestHandler({
			auth,
			staticDir: options.staticDir,
			metrics,
			logger,
			...(options.metricsAccess ? { metricsAccess: options.metricsAccess } : {}),
			gauges: () => ({ rooms: rooms.size(), connections: wss.clients.size }),
			storeHealth: store.health?.bind(store),
			...(options.testClock ? { testClock: options.testClock } : {})
		})
	);

	http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
		socket.on('error', () => socket.destroy());
		decideUpgrade(req.url ?? '/', auth)
			.then((decision) => {
				if (!decision.ok && 'closeCode' in decision) {
					metrics.outdatedClients += 1;
					logger.info({ reason: decision.reason }, 'outdated client closed');
					wss.handleUpgrade(req, socket, head, (ws) =>
						ws.close(decision.closeCode, decision.reason)
					);
					return;
				}
				if (!decision.ok) {
					metrics.refusedConnections += 1;
					logger.info({ status: decision.status, reason: decision.reason }, 'connection refused');
					refuse(socket, decision.status, decision.reason);
					return;
				}
				wss.handleUpgrade(req, socket, head, (ws) => {
					keepalive.watch(ws);
					const connection = attachConnection({
						socket: ws,
						key: decision.key,
						claims: decision.claims,
						canWrite: decision.canWrite,
						rooms,
						store,
						updates,
						integrity,
						metrics,
						logger,
						limits,
						storeRetryMs: options.storeRetryMs ?? 30_000,
						nowMs: auth.nowMs
					});
					connections.add(connection);
					guard.track(ws, { claims: decision.claims, sessionId: decision.sessionId });
					// Forget it once its last frames are handled.
					ws.once('close', () => {
						void connection.idle().then(() => connections.delete(connection));
					});
				});
			})
			.catch((err: unknown) => {
				logger.error({ err }, 'upgrade failed');
				refuse(socket, 500, 'internal error');
			});
	});

	await new Promise<void>((resolve, reject) => {
		http.once('error', reject);
		http.listen(options.port, options.host ?? '0.0.0.0', () => {
			http.off('error', reject);
			resolve();
		});
	});
	const address = http.address();
	const port = typeof address === 'object' && address ? address.port : options.port;
	logger.info(
		{ port, host: options.host ?? '0.0.0.0', dataDir: options.dataDir },
		'relay listening'
	);

	let closing: Promise<void> | null = null;
	return {
		port,
		metrics,
		rooms: () => rooms.size(),
		close() {
			closing ??= (async () => {
				keepalive.stop();
				guard.stop();
				const closed = [...wss.clients].map(
					(ws) =>
						new Promise<void>((resolve) => {
							ws.once('close', () => resolve());
							ws.close(CLOSE.goingAway, 'server going away, try again shortly');
							// A peer that never answers the close handshake must not block shutdown.
							setTimeout(() => {
								ws.terminate();
								resolve();
							}, 2000).unref();
						})
				);
				await Promise.all(closed);
				await new Promise<void>((resolve) => {
					http.close(() => resolve());
					http.closeAllConnections();
				});
				wss.close();
				// Let queued frames finish their writes before the store closes.
				await Promise.all([...connections].map((connection) => connection.idle()));
				await rooms.close();
				await updates.close();
				await integrity?.close();
				await store.close();
				await sessions.close();
				logger.info('relay stopped');
			})();
			return closing;
		}
	};
}

function refuse(socket: Duplex, status: number, reason: string): void {
	const body = JSON.stringify({ error: reason });
	socket.end(
		`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n` +
			'Connection: close\r\n' +
			'Content-Type: application/json\r\n' +
			`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
	);
}
