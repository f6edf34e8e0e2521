// Liveness of the relay's sockets: every interval each connection is pinged, and one that has
// neither answered the previous ping nor sent anything since is terminated (a tablet that lost
// its network without closing keeps no room loaded and no slot in the limits).

import type { Logger } from 'pino';
import type { WebSocket, WebSocketServer } from 'ws';

export interface Keepalive {
	/** Starts watching a new connection (alive until a ping goes unanswered). */
	watch(ws: WebSocket): void;
	stop(): void;
}

export function startKeepalive(
	wss: WebSocketServer,
	intervalMs: number,
	logger: Logger
): Keepalive {
	const alive = new WeakMap<WebSocket, boolean>();
	const timer = setInterval(() => {
		for (const ws of wss.clients) {
			if (alive.get(ws) === false) {
				logger.info('terminating unresponsive connection');
				ws.terminate();
				continue;
			}
			alive.set(ws, false);
			ws.ping();
		}
	}, intervalMs);
	timer.unref();
	return {
		watch(ws) {
			alive.set(ws, true);
			ws.on('pong', () => alive.set(ws, true));
			ws.on('message', () => alive.set(ws, true));
		},
		stop() {
			clearInterval(timer);
		}
	};
}
