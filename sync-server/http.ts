// Plain HTTP on the relay's port: health, metrics, the token and session APIs and the PWA
// itself, every response with the security headers (security-headers.ts).

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { renderMetrics, type Gauges, type Metrics } from './metrics';
import { metricsRefusal, type MetricsAccess } from './metrics-access';
import { setSecurityHeaders } from './security-headers';
import type { AuthContext } from './sessions/authenticate';
import { SESSION_ROUTES } from './sessions/api';
import { WORKSPACE_ROUTES } from './sessions/workspace-api';
import { DEVICE_ROUTES } from './sessions/device-api';
import { PEOPLE_CHANGE_ROUTES } from './sessions/people-changes-api';
import { serveStatic } from './static';
import { handleTokenRequest, handleWhoami, sendJson } from './token-api';
import { handleTestClock, type AdjustableClock } from './test-clock';

export interface HttpContext {
	auth: AuthContext;
	staticDir: string | undefined;
	metrics: Metrics;
	gauges(): Gauges;
	logger: Logger;
	/** Who may read /metrics (metrics-access.ts); open when absent. */
	metricsAccess?: MetricsAccess;
	/** A shared store's reachability (resolves when it answers); absent for an embedded one. */
	storeHealth?: () => Promise<void>;
	/** A clock the browser tests may move (test-clock.ts); absent in production. */
	testClock?: AdjustableClock;
}

/** /healthz waits this long for the database before calling it unreachable. */
const HEALTH_TIMEOUT_MS = 2000;

/**
 * 200 `{"ok":true}`; with a shared store also `"database":"reachable"`, or 503 with
 * `"database":"unreachable"` when it does not answer: the relay keeps its clients, but no
 * write is confirmed until the database is back, so a load balancer should send new ones
 * elsewhere.
 */
async function health(res: ServerResponse, ctx: HttpContext): Promise<void> {
	if (!ctx.storeHealth) return sendJson(res, 200, { ok: true });
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error('no answer in time')), HEALTH_TIMEOUT_MS);
	});
	try {
		await Promise.race([ctx.storeHealth(), timeout]);
		sendJson(res, 200, { ok: true, database: 'reachable' });
	} catch (err) {
		const error = err instanceof Error ? err.message : String(err);
		sendJson(res, 503, { ok: false, database: 'unreachable', error });
	} finally {
		clearTimeout(timer);
	}
}

export function createRequestHandler(ctx: HttpContext) {
	return (req: IncomingMessage, res: ServerResponse): void => {
		setSecurityHeaders(req, res);
		route(req, res, ctx).catch((err: unknown) => {
			ctx.logger.error({ err, path: pathOf(req) }, 'request failed');
			if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
			else res.destroy();
		});
	};
}

function pathOf(req: IncomingMessage): string {
	return (req.url ?? '/').split('?')[0] ?? '/';
}

async function route(req: IncomingMessage, res: ServerResponse, ctx: HttpContext): Promise<void> {
	const path = pathOf(req);
	if (path === '/healthz') {
		if (req.method !== 'GET' && req.method !== 'HEAD')
			return sendJson(res, 405, { error: 'GET only' });
		return health(res, ctx);
	}
	if (path === '/metrics') {
		if (req.method !== 'GET') return sendJson(res, 405, { error: 'GET only' });
		const refusal = ctx.metricsAccess ? metricsRefusal(req, ctx.metricsAccess) : null;
		if (refusal === 'token') return sendJson(res, 401, { error: 'metrics token required' });
		if (refusal === 'loopback') return sendJson(res, 403, { error: 'metrics: loopback only' });
		res.statusCode = 200;
		res.setHeader('Content-Type', 'text/plain; version=0.0.4; charset=utf-8');
		res.setHeader('Cache-Control', 'no-store');
		res.end(renderMetrics(ctx.metrics, ctx.gauges()));
		return;
	}
	if (path === '/api/token') {
		if (req.method !== 'POST') return sendJson(res, 405, { error: 'POST only' });
		return handleTokenRequest(req, res, ctx.auth);
	}
	if (path === '/api/whoami') {
		if (req.method !== 'GET') return sendJson(res, 405, { error: 'GET only' });
		return handleWhoami(req, res, ctx.auth);
	}
	if (path === '/api/test/clock' && ctx.testClock) {
		if (req.method !== 'PUT') return sendJson(res, 405, { error: 'PUT only' });
		return handleTestClock(req, res, ctx.testClock);
	}
	const sessionRoute =
		SESSION_ROUTES[path] ??
		WORKSPACE_ROUTES[path] ??
		DEVICE_ROUTES[path] ??
		PEOPLE_CHANGE_ROUTES[path];
	if (sessionRoute) {
		const handler = sessionRoute[req.method ?? 'GET'];
		if (!handler) {
			return sendJson(res, 405, { error: `${Object.keys(sessionRoute).join(' or ')} only` });
		}
		return handler(req, res, ctx.auth);
	}
	if (path.startsWith('/api/')) return sendJson(res, 404, { error: 'not found' });
	if (path.startsWith('/sync/')) return sendJson(res, 426, { error: 'WebSocket upgrade required' });
	const handled = await serveStatic(req, res, ctx.staticDir);
	if (!handled) sendJson(res, 405, { error: 'method not allowed' });
}
