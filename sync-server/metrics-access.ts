// Who may read GET /metrics. Open by default (as before); an operator can require a bearer
// token (`STOCKFLOW_METRICS_TOKEN`) or answer only requests from the machine itself
// (`STOCKFLOW_METRICS=loopback`), for relays whose port faces the internet.

import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface MetricsAccess {
	/** When set, a request must carry `Authorization: Bearer <token>`. */
	readonly token?: string;
	/** Only requests from 127.0.0.0/8 or ::1 (a token, when also set, is still required). */
	readonly loopbackOnly?: boolean;
}

export type MetricsRefusal = 'token' | 'loopback';

/** Null when the request may read the metrics; else why not (401 for a token, 403 otherwise). */
export function metricsRefusal(req: IncomingMessage, access: MetricsAccess): MetricsRefusal | null {
	if (access.loopbackOnly && !isLoopback(req.socket.remoteAddress)) return 'loopback';
	if (access.token !== undefined) {
		const given = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
		if (!sameSecret(given, access.token)) return 'token';
	}
	return null;
}

export function isLoopback(address: string | undefined): boolean {
	if (!address) return false;
	const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
	return v4 === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

function sameSecret(given: string, expected: string): boolean {
	const a = Buffer.from(given);
	const b = Buffer.from(expected);
	return a.length === b.length && timingSafeEqual(a, b);
}

/** `STOCKFLOW_METRICS_TOKEN` and `STOCKFLOW_METRICS` (`open` | `loopback`); bad values throw. */
export function metricsAccessFromEnv(env: NodeJS.ProcessEnv): MetricsAccess {
	const mode = env.STOCKFLOW_METRICS ?? 'open';
	if (mode !== 'open' && mode !== 'loopback') {
		throw new Error(`STOCKFLOW_METRICS must be "open" or "loopback", not "${mode}"`);
	}
	const token = env.STOCKFLOW_METRICS_TOKEN;
	if (token !== undefined && token.length < 16) {
		throw new Error('STOCKFLOW_METRICS_TOKEN must be at least 16 characters');
	}
	return { ...(token ? { token } : {}), loopbackOnly: mode === 'loopback' };
}
