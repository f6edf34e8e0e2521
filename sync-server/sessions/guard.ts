// Keeps revocations effective on open connections: every poll, the relay re-reads the state of
// the sessions and users behind its open sockets (another process, the CLI, may have revoked
// them, or another relay on the same Postgres database) and closes the ended ones with a code
// the app treats as final.

import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import type { Claims } from '../auth';
import { revokedBy } from './authenticate';
import { revocationKey, type EndReason, type SessionStore } from './store';

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
	/** Checks every open connection now (also runs every `pollMs`); one check at a time. */
	sweep(): Promise<void>;
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

	// Two reads per poll whatever the number of connections: the end state of their device
	// sessions, and the revocations in their workspaces (for plain JWTs).
	async function check(): Promise<void> {
		if (open.size === 0) return;
		const checked = [...open];
		const ids = new Set<string>();
		const workspaces = new Set<string>();
		for (const [, connection] of checked) {
			if (connection.sessionId === null) workspaces.add(connection.claims.workspace);
			else ids.add(connection.sessionId);
		}
		const [ends, revoked] = await Promise.all([
			ids.size > 0 ? sessions.sessionEnds([...ids]) : new Map<string, EndReason | null>(),
			workspaces.size > 0 ? sessions.revocations([...workspaces]) : new Map<string, number>()
		]);
		for (const [socket, connection] of checked) {
			if (!open.has(socket)) continue;
			const reason = endReasonOf(connection, ends, revoked);
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

	let running: Promise<void> | null = null;
	function sweep(): Promise<void> {
		running ??= check().finally(() => {
			running = null;
		});
		return running;
	}

	const timer = setInterval(() => {
		sweep().catch((err: unknown) => logger.error({ err }, 'session sweep failed'));
	}, options.pollMs);
	timer.unref();

	return {
		track(socket, connection) {
			open.set(socket, connection);
			const seen = (): void => {
				if (connection.sessionId === null) return;
				// The store may be unreachable, or already closed while the relay shuts down.
				sessions.touch(connection.sessionId, options.nowMs()).catch((err: unknown) => {
					logger.debug({ err }, 'last-seen update skipped');
				});
			};
			seen();
			socket.once('close', () => {
				open.delete(socket);
				seen();
			});
		},
		sweep,
		stop: () => clearInterval(timer)
	};
}

function endReasonOf(
	connection: GuardedConnection,
	ends: ReadonlyMap<string, EndReason | null>,
	revoked: ReadonlyMap<string, number>
): EndReason | 'user-revoked' | null {
	const { claims, sessionId } = connection;
	if (sessionId === null) {
		const revokedAtMs = revoked.get(revocationKey(claims.workspace, claims.sub));
		return revokedBy(revokedAtMs, claims) ? 'user-revoked' : null;
	}
	// A session that is gone altogether was removed by hand: treat it as revoked.
	const end = ends.get(sessionId);
	return end === undefined ? 'revoked' : end;
}
