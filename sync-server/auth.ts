// Workspace tokens: HS256 JWTs with claims { sub, workspace, role, exp, iat }. The relay verifies
// them on every websocket upgrade and on /api/token; the CLI and /api/token issue them. A sign-in
// link minted for a person also carries `lnk` (its id): such a token is only good for being
// exchanged, once, for a device session (sessions/).

import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { z } from 'zod';
import { ROLES, type Role } from '../src/lib/domain/auth/roles';

export const WORKSPACE_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;
export const USER_PATTERN = /^[\p{L}\p{N}_.@ -]{1,64}$/u;

export const ClaimsSchema = z.object({
	sub: z.string().regex(USER_PATTERN),
	workspace: z.string().regex(WORKSPACE_PATTERN),
	role: z.enum(ROLES),
	exp: z.number().int().positive(),
	iat: z.number().int().nonnegative().optional(),
	/** Single-use sign-in link id (sessions/store.ts `sign_in_links`). */
	lnk: z
		.string()
		.regex(/^[A-Za-z0-9_-]{16}$/)
		.optional()
});
export type Claims = z.infer<typeof ClaimsSchema>;

/** Why a token was refused; `unauthorized` ones say nothing about the caller's identity. */
export type TokenProblem = 'missing' | 'invalid' | 'expired' | 'bad-claims' | 'revoked';

export class TokenError extends Error {
	readonly problem: TokenProblem;
	constructor(problem: TokenProblem, message: string) {
		super(message);
		this.name = 'TokenError';
		this.problem = problem;
	}
}

const TTL = /^(\d{1,6})(s|m|h|d)$/;
const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;
export const MAX_TTL_SECONDS = 366 * 86_400;

/** `15m`, `8h`, `30d` → seconds; null for anything else (or longer than a year). */
export function parseTtl(ttl: string): number | null {
	const m = TTL.exec(ttl);
	if (!m) return null;
	const unit = m[2] as keyof typeof UNIT_SECONDS; // the regex admits only these four
	const seconds = Number(m[1]) * UNIT_SECONDS[unit];
	return seconds > 0 && seconds <= MAX_TTL_SECONDS ? seconds : null;
}

function key(secret: string): Uint8Array {
	return new TextEncoder().encode(secret);
}

export interface IssueTokenOptions {
	secret: string;
	workspace: string;
	role: Role;
	user: string;
	/** `8h`, `30d`, … */
	ttl: string;
	/** Seconds since the epoch; defaults to now. */
	nowSeconds?: number;
	/** Makes it a single-use sign-in link token (recorded by the caller). */
	linkId?: string;
}

export async function issueToken(options: IssueTokenOptions): Promise<string> {
	const ttlSeconds = parseTtl(options.ttl);
	if (ttlSeconds === null) throw new TokenError('bad-claims', `invalid ttl ${options.ttl}`);
	const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
	const claims = ClaimsSchema.safeParse({
		sub: options.user,
		workspace: options.workspace,
		role: options.role,
		exp: now + ttlSeconds
	});
	if (!claims.success) {
		throw new TokenError('bad-claims', claims.error.issues[0]?.message ?? 'bad claims');
	}
	const extra = options.linkId === undefined ? {} : { lnk: options.linkId };
	return new SignJWT({ workspace: claims.data.workspace, role: claims.data.role, ...extra })
		.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
		.setSubject(claims.data.sub)
		.setIssuedAt(now)
		.setExpirationTime(claims.data.exp)
		.sign(key(options.secret));
}

export async function verifyToken(
	secret: string,
	token: string | null | undefined
): Promise<Claims> {
	if (!token) throw new TokenError('missing', 'no token');
	let payload: unknown;
	try {
		({ payload } = await jwtVerify(token, key(secret), { algorithms: ['HS256'] }));
	} catch (error) {
		if (error instanceof joseErrors.JWTExpired) throw new TokenError('expired', 'token expired');
		throw new TokenError('invalid', 'token signature or format invalid');
	}
	const claims = ClaimsSchema.safeParse(payload);
	if (!claims.success) {
		throw new TokenError(
			'bad-claims',
			`token claims invalid: ${claims.error.issues[0]?.path.join('.') ?? ''}`
		);
	}
	return claims.data;
}
