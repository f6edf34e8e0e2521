// Deciding whether an HTTP upgrade to /sync/<workspace>/<doc>?token=JWT (or a device
// credential, see sessions/) may become a WebSocket. Everything is checked before the upgrade, so a refused client gets a plain HTTP
// status (401 unauthenticated, 403 not allowed, 404 not a sync URL) and never a room. An app
// whose protocol version the relay does not serve is the exception: a browser cannot read the
// status of a refused upgrade, so it is accepted only to be closed with a code and reason.

import { canRead, canWrite } from '../src/lib/domain/auth/roles';
import { CLOSE, PROTOCOL_PARAM, checkProtocolVersion } from '../src/lib/sync/protocol';
import { TokenError, WORKSPACE_PATTERN, type Claims } from './auth';
import { authenticate, type AuthContext } from './sessions/authenticate';
import type { RoomKey } from './persistence/port';

export type UpgradeDecision =
	| {
			ok: true;
			key: RoomKey;
			claims: Claims;
			canWrite: boolean;
			/** The device session behind a device credential; null for a plain JWT. */
			sessionId: string | null;
	  }
	| { ok: false; status: 401 | 403 | 404; reason: string }
	| { ok: false; closeCode: typeof CLOSE.upgradeRequired; reason: string };

const SYNC_PATH = /^\/sync\/([^/]+)\/([^/]+)$/;

export function parseSyncPath(pathname: string): RoomKey | null {
	const match = SYNC_PATH.exec(pathname);
	if (!match || match[1] === undefined || match[2] === undefined) return null;
	return { workspace: match[1], doc: match[2] };
}

export async function decideUpgrade(rawUrl: string, auth: AuthContext): Promise<UpgradeDecision> {
	const url = new URL(rawUrl, 'http://relay.invalid');
	const key = parseSyncPath(url.pathname);
	if (!key) return { ok: false, status: 404, reason: 'not a sync URL' };
	// Before the token: an outdated app is told to update, whatever else is wrong with it.
	const version = checkProtocolVersion(url.searchParams.get(PROTOCOL_PARAM));
	if (!version.ok) return { ok: false, closeCode: CLOSE.upgradeRequired, reason: version.reason };
	let claims: Claims;
	let sessionId: string | null;
	try {
		({ claims, sessionId } = await authenticate(auth, url.searchParams.get('token')));
	} catch (err) {
		if (err instanceof TokenError) {
			// Claims that verify but do not parse (e.g. an unknown role) are a signed token that
			// grants nothing here: forbidden rather than unauthenticated.
			return err.problem === 'bad-claims'
				? { ok: false, status: 403, reason: `token-${err.problem}` }
				: { ok: false, status: 401, reason: `token-${err.problem}` };
		}
		throw err;
	}
	// Names are compared raw (no percent-decoding): valid names are plain ASCII.
	if (!WORKSPACE_PATTERN.test(key.workspace) || claims.workspace !== key.workspace) {
		return { ok: false, status: 403, reason: 'wrong-workspace' };
	}
	if (!canRead(claims.role, key.doc)) return { ok: false, status: 403, reason: 'unknown-doc' };
	return { ok: true, key, claims, canWrite: canWrite(claims.role, key.doc), sessionId };
}
