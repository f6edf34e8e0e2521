// HTTP API of device sessions: exchanging a sign-in link for a device credential, renewing it,
// signing out, and the admin's people management (invite, list, revoke, change role).

import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { ROLES } from '../../src/lib/domain/auth/roles';
import { TokenError, USER_PATTERN, issueToken, parseTtl, type Claims } from '../auth';
import {
	authenticateRequest,
	originOf,
	readJsonBody,
	sendJson,
	sendTokenError
} from '../token-api';
import { jwtRevoked, verifyJwt, type AuthContext } from './authenticate';
import { newCredential, newLinkId } from './credential';
import { peopleOf } from './people';
import { currentRole } from './people-changes';

/** How long an invitation link can wait to be used. */
export const DEFAULT_LINK_TTL = '3d';

// Letters, numbers, punctuation and spaces; no control characters (the name is shown to others).
export const DEVICE_NAME = /^[^\p{Cc}\p{Cf}]{1,60}$/u;

const ExchangeRequest = z.object({
	token: z.string().min(1).max(4096),
	deviceName: z.string().trim().regex(DEVICE_NAME, 'invalid device name').optional(),
	appVersion: z.string().max(40).optional()
});
const RenewRequest = z.object({ appVersion: z.string().max(40).optional() }).optional();
const InviteRequest = z.object({
	role: z.enum(ROLES),
	user: z.string().regex(USER_PATTERN, 'invalid user').optional(),
	ttl: z
		.string()
		.refine((ttl) => parseTtl(ttl) !== null, 'invalid ttl')
		.optional()
});
const RevokeRequest = z.union([
	z.object({ user: z.string().regex(USER_PATTERN) }),
	z.object({ device: z.string().regex(/^[A-Za-z0-9_-]{16}$/) })
]);
const RoleRequest = z.object({ user: z.string().regex(USER_PATTERN), role: z.enum(ROLES) });

export type Handler = (
	req: IncomingMessage,
	res: ServerResponse,
	auth: AuthContext
) => Promise<void>;

/** Routes of this module by path and method; http.ts answers 405 for other methods. */
export const SESSION_ROUTES: Record<string, Partial<Record<string, Handler>>> = {
	'/api/session': { POST: exchange, DELETE: signOut },
	'/api/session/renew': { POST: renew },
	'/api/invites': { POST: invite },
	'/api/people': { GET: listPeople },
	'/api/people/revoke': { POST: revoke },
	'/api/people/role': { POST: changeRole }
};

async function exchange(req: IncomingMessage, res: ServerResponse, auth: AuthContext) {
	const body = await parseBody(req, res, ExchangeRequest);
	if (!body) return;
	let claims: Claims;
	try {
		claims = await verifyJwt(auth, body.token);
	} catch (err) {
		if (err instanceof TokenError) return sendTokenError(res, err);
		throw err;
	}
	const nowMs = auth.nowMs();
	if (claims.lnk !== undefined) {
		const link = await auth.sessions.link(claims.lnk);
		const revokedAtMs = await auth.sessions.userRevokedAtMs(claims.workspace, claims.sub);
		if (
			!link ||
			link.workspace !== claims.workspace ||
			link.user !== claims.sub ||
			link.role !== claims.role ||
			(revokedAtMs !== null && link.createdAtMs < revokedAtMs)
		) {
			return sendJson(res, 401, {
				error: 'link revoked',
				detail: 'this sign-in link is not valid'
			});
		}
		const use = await auth.sessions.useLink(link.id, nowMs);
		if (use !== 'ok') {
			return sendJson(res, 401, { error: `link ${use}`, detail: `this sign-in link is ${use}` });
		}
	} else if (await jwtRevoked(auth.sessions, claims)) {
		return sendJson(res, 401, { error: 'token revoked', detail: 'access revoked' });
	}
	const { sessionId, credential, secretHash } = newCredential();
	const session = await auth.sessions.createSession({
		id: sessionId,
		workspace: claims.workspace,
		user: claims.sub,
		role: claims.role,
		deviceName: body.deviceName ?? 'Device',
		secretHash,
		appVersion: body.appVersion ?? null,
		nowMs,
		credentialExpiresAtMs: nowMs + auth.credentialTtlMs
	});
	// The first admin's link leads into the first-run setup until it is finished.
	const firstRun =
		claims.lnk !== undefined &&
		claims.role === 'admin' &&
		(await auth.sessions.profile(claims.workspace)).setupDoneAtMs === null;
	sendJson(res, 200, {
		credential,
		firstRun,
		session: {
			id: session.id,
			workspace: session.workspace,
			user: session.user,
			role: session.role,
			deviceName: session.deviceName,
			credentialExpiresAtMs: session.credentialExpiresAtMs
		}
	});
}

async function renew(req: IncomingMessage, res: ServerResponse, auth: AuthContext) {
	const identity = await authenticateRequest(req, res, auth, { allowExpiredCredential: true });
	if (!identity) return;
	if (identity.sessionId === null) {
		return sendJson(res, 400, { error: 'not a device credential' });
	}
	const body = await parseBody(req, res, RenewRequest, { optional: true });
	if (body === null) return;
	const nowMs = auth.nowMs();
	const credentialExpiresAtMs = nowMs + auth.credentialTtlMs;
	await auth.sessions.touch(identity.sessionId, nowMs, {
		expiresAtMs: credentialExpiresAtMs,
		...(body?.appVersion ? { appVersion: body.appVersion } : {})
	});
	sendJson(res, 200, {
		session: {
			id: identity.sessionId,
			workspace: identity.claims.workspace,
			user: identity.claims.sub,
			role: identity.claims.role,
			credentialExpiresAtMs
		}
	});
}

async function signOut(req: IncomingMessage, res: ServerResponse, auth: AuthContext) {
	const identity = await authenticateRequest(req, res, auth, { allowExpiredCredential: true });
	if (!identity) return;
	if (identity.sessionId === null) return sendJson(res, 400, { error: 'not a device credential' });
	await auth.sessions.endSession(identity.sessionId, 'signed-out', auth.nowMs());
	sendJson(res, 200, { ok: true });
}

/** The admin's claims, or null once a 401/403 has been sent. */
export async function requireAdmin(req: IncomingMessage, res: ServerResponse, auth: AuthContext) {
	const identity = await authenticateRequest(req, res, auth);
	if (!identity) return null;
	if (identity.claims.role !== 'admin') {
		sendJson(res, 403, { error: 'admin role required' });
		return null;
	}
	return identity.claims;
}

export interface MintedLink {
	readonly token: string;
	readonly link: string;
	readonly expiresAtMs: number;
}

/** Mints and records a single-use sign-in link (also used by `stockflow start`'s first admin). */
export async function mintSignInLink(
	auth: AuthContext,
	options: { workspace: string; role: Claims['role']; user: string; ttl: string; origin: string }
): Promise<MintedLink> {
	const nowMs = auth.nowMs();
	const nowSeconds = Math.floor(nowMs / 1000);
	const ttlSeconds = parseTtl(options.ttl);
	if (ttlSeconds === null) throw new TokenError('bad-claims', `invalid ttl ${options.ttl}`);
	const id = newLinkId();
	const token = await issueToken({
		secret: auth.secret,
		workspace: options.workspace,
		role: options.role,
		user: options.user,
		ttl: options.ttl,
		nowSeconds,
		linkId: id
	});
	const expiresAtMs = (nowSeconds + ttlSeconds) * 1000;
	await auth.sessions.recordLink({
		id,
		workspace: options.workspace,
		user: options.user,
		role: options.role,
		createdAtMs: nowMs,
		expiresAtMs
	});
	return { token, link: `${options.origin}/signin?token=${token}`, expiresAtMs };
}

async function invite(req: IncomingMessage, res: ServerResponse, auth: AuthContext) {
	const admin = await requireAdmin(req, res, auth);
	if (!admin) return;
	const body = await parseBody(req, res, InviteRequest);
	if (!body) return;
	const minted = await mintSignInLink(auth, {
		workspace: admin.workspace,
		role: body.role,
		user: body.user ?? body.role,
		ttl: body.ttl ?? DEFAULT_LINK_TTL,
		origin: originOf(req)
	});
	sendJson(res, 200, minted);
}

async function listPeople(req: IncomingMessage, res: ServerResponse, auth: AuthContext) {
	const admin = await requireAdmin(req, res, auth);
	if (!admin) return;
	sendJson(res, 200, { people: peopleOf(await auth.sessions.list(admin.workspace)) });
}

async function revoke(req: IncomingMessage, res: ServerResponse, auth: AuthContext) {
	const admin = await requireAdmin(req, res, auth);
	if (!admin) return;
	const body = await parseBody(req, res, RevokeRequest);
	if (!body) return;
	const nowMs = auth.nowMs();
	const change = { workspace: admin.workspace, atMs: nowMs, by: admin.sub, newRole: null };
	if ('user' in body) {
		const oldRole = await currentRole(auth.sessions, admin.workspace, body.user);
		const ended = await auth.sessions.revokeUser(admin.workspace, body.user, 'revoked', nowMs);
		const revoke = { action: 'revoke', user: body.user, oldRole, device: null } as const;
		await auth.sessions.recordPeopleChange({ ...change, ...revoke });
		return sendJson(res, 200, { ended });
	}
	const session = await auth.sessions.session(body.device);
	if (!session || session.workspace !== admin.workspace) {
		return sendJson(res, 404, { error: 'no such device' });
	}
	const ended = (await auth.sessions.endSession(session.id, 'revoked', nowMs)) ? 1 : 0;
	if (ended === 1) {
		const { user, role: oldRole, id: device } = session;
		await auth.sessions.recordPeopleChange({
			...change,
			...{ action: 'revoke-device', user, oldRole, device }
		});
	}
	sendJson(res, 200, { ended });
}

async function changeRole(req: IncomingMessage, res: ServerResponse, auth: AuthContext) {
	const admin = await requireAdmin(req, res, auth);
	if (!admin) return;
	const body = await parseBody(req, res, RoleRequest);
	if (!body) return;
	// A role is a property of the session: the old ones end, and the person signs in again
	// with the link below (which is minted after the revocation, so it stays valid).
	const oldRole = await currentRole(auth.sessions, admin.workspace, body.user);
	const atMs = auth.nowMs();
	const ended = await auth.sessions.revokeUser(admin.workspace, body.user, 'role-changed', atMs);
	await auth.sessions.recordPeopleChange({
		...{ workspace: admin.workspace, atMs, by: admin.sub, user: body.user, action: 'role' },
		...{ oldRole, newRole: body.role, device: null }
	});
	const minted = await mintSignInLink(auth, {
		workspace: admin.workspace,
		role: body.role,
		user: body.user,
		ttl: DEFAULT_LINK_TTL,
		origin: originOf(req)
	});
	sendJson(res, 200, { ended, invite: minted });
}

export async function parseBody<T extends z.ZodType>(
	req: IncomingMessage,
	res: ServerResponse,
	schema: T,
	options: { optional?: boolean } = {}
): Promise<z.infer<T> | null> {
	const empty = options.optional && req.headers['content-length'] === '0';
	const json = empty ? undefined : await readJsonBody(req, res);
	if (json === undefined && !empty) return null;
	const parsed = schema.safeParse(json);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		sendJson(res, 400, {
			error: `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`
		});
		return null;
	}
	// Parsed by `schema`; zod types a generic schema's output as its base type.
	return parsed.data as z.infer<T>;
}
