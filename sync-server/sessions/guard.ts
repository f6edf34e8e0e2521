// Keeps revocations effective on open connections: every poll, the relay re-reads the state of
// the sessions and users behind its open sockets (another process, the CLI, may have revoked
// them) and closes the ended ones with a code the app treats as final.

import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import type { Claims } from '../auth';
import { jwtRevoked } from './authenticate';
import type { EndReason, SessionStore } from './store';

/** Close code for a connection whose session ended (44xx: reconnecting cannot fix it). */
export const SESSION_ENDED_CLOSE = 4403;

const CLOSE_REASONS: Record<EndReason | 'user-revoked', string> = {
	'signed-out': 'session ended: signed out',
	revoked: 'session ended: access revoked',
	'role-changed': 'session ended: role changed, sign in again',
	'user-revoked': 'session ended: access revoked'
};

export interface GuardedConnection {
	readonly claims: Claims;
	readonly sessionId: string | null;
}

export interface SessionGuard {
	track(socket: WebSocket, connection: GuardedConnection): void;
	/** Checks every open connection now (also runs every `pollMs`). */
	sweep(): void;
	stop(): void;
}

export function createSessionGuard(options: {
	sessions: SessionStore;
	pollMs: number;
	nowMs(): number;
	logger: Logger;
}): SessionGuard {
	const { sessions, logger } = options;
	const open = new Map<WebSocket, GuardedConnection>();

	function endReasonOf(connection: GuardedConnection): EndReason | 'user-revoked' | null {
		if (connection.sessionId === null) {
			return jwtRevoked(sessions, connection.claims) ? 'user-revoked' : null;
		}
		const session = sessions.session(connection.sessionId);
		return session === null ? 'revoked' : session.endReason;
	}

	function sweep(): void {
		for (const [socket, connection] of open) {
			const reason = endReasonOf(connection);
			if (reason === null) continue;
			open.delete(socket);
			logger.info(
				{
					workspace: connection.claims.workspace,
					user: connection.claims.sub,
					session: connection.sessionId,
					reason
				},
				'connection closed: session ended'
			);
			socket.close(SESSION_ENDED_CLOSE, CLOSE_REASONS[reason]);
		}
	}

	const timer = setInterval(() => {
		try {
			sweep();
		} catch (err) {
			logger.error({ err }, 'session sweep failed');
		}
	}, options.pollMs);
	timer.unref();

	return {
		track(socket, connection) {
			open.set(socket, connection);
			const seen = (): void => {
				if (connection.sessionId !== null) sessions.touch(connection.sessionId, options.nowMs());
			};
			seen();
			socket.once('close', () => {
				open.delete(socket);
				try {
					seen();
				} catch (err) {
					// The store may already be closed while the relay shuts down.
					logger.debug({ err }, 'last-seen update skipped');
				}
			});
		},
		sweep,
		stop: () => clearInterval(timer)
	};
}
