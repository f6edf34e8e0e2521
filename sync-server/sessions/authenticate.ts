// Who is calling: a bearer string is either a device credential (sessions) or a JWT (the CLI,
// POST /api/token, stock clients). Both end up as the same claims; a revoked device, a revoked
// user's older JWTs and an unexchanged sign-in link are refused everywhere.

import { TokenError, verifyToken, type Claims } from '../auth';
import { looksLikeCredential, parseCredential, secretMatches } from './credential';
import type { SessionStore } from './store';
import type { PreviousSecret } from '../secret-rotation';

export interface AuthContext {
	readonly secret: string;
	readonly sessions: SessionStore;
	nowMs(): number;
	/** How long a device credential is accepted after its last renewal. */
	readonly credentialTtlMs: number;
	/** The secret before a rotation, accepted for JWTs until its grace period ends. */
	readonly previousSecret?: PreviousSecret | null;
}

/** Verifies a JWT with the current secret, else (during a rotation's grace) the previous one. */
export async function verifyJwt(
	auth: AuthContext,
	token: string | null | undefined
): Promise<Claims> {
	try {
		return await verifyToken(auth.secret, token);
	} catch (err) {
		const previous = auth.previousSecret;
		const invalid = err instanceof TokenError && err.problem === 'invalid';
		if (!invalid || !previous || previous.untilMs <= auth.nowMs()) throw err;
		return verifyToken(previous.secret, token).catch((again: unknown) => {
			throw again instanceof TokenError && again.problem === 'invalid' ? err : again;
		});
	}
}

export interface Identity {
	readonly claims: Claims;
	/** The device session, or null for a plain JWT. */
	readonly sessionId: string | null;
}

export interface AuthenticateOptions {
	/** Renewal accepts a credential past its expiry (the device was offline for a long time). */
	allowExpiredCredential?: boolean;
}

export async function authenticate(
	auth: AuthContext,
	bearer: string | null | undefined,
	options: AuthenticateOptions = {}
): Promise<Identity> {
	if (!bearer) throw new TokenError('missing', 'no token');
	if (looksLikeCredential(bearer)) return deviceIdentity(auth, bearer, options);
	const claims = await verifyJwt(auth, bearer);
	if (claims.lnk !== undefined) {
		throw new TokenError('invalid', 'a sign-in link is exchanged once, at POST /api/session');
	}
	if (await jwtRevoked(auth.sessions, claims)) throw new TokenError('revoked', 'access revoked');
	return { claims, sessionId: null };
}

/** Whether the user's access was revoked after this JWT was issued. */
export async function jwtRevoked(sessions: SessionStore, claims: Claims): Promise<boolean> {
	return revokedBy(await sessions.userRevokedAtMs(claims.workspace, claims.sub), claims);
}

/** Whether a revocation at `revokedAtMs` (null: none) refuses this JWT. */
export function revokedBy(revokedAtMs: number | null | undefined, claims: Claims): boolean {
	// Issued in the same second as the revocation counts as before it (iat has 1 s resolution).
	return revokedAtMs != null && (claims.iat ?? 0) * 1000 <= revokedAtMs;
}

async function deviceIdentity(
	auth: AuthContext,
	bearer: string,
	options: AuthenticateOptions
): Promise<Identity> {
	const parsed = parseCredential(bearer);
	if (!parsed) throw new TokenError('invalid', 'device credential malformed');
	const session = await auth.sessions.session(parsed.sessionId);
	if (!session || !secretMatches(parsed.secret, session.secretHash)) {
		throw new TokenError('invalid', 'device credential unknown');
	}
	if (session.endReason !== null) throw new TokenError('revoked', `session ${session.endReason}`);
	if (!options.allowExpiredCredential && session.credentialExpiresAtMs <= auth.nowMs()) {
		throw new TokenError('expired', 'device credential expired: renew it');
	}
	return {
		claims: {
			sub: session.user,
			workspace: session.workspace,
			role: session.role,
			exp: Math.floor(session.credentialExpiresAtMs / 1000)
		},
		sessionId: session.id
	};
}
