// POST /api/token: an admin invites a colleague by minting a token (and sign-in link) for
// another role in the admin's own workspace.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { ROLES } from '../src/lib/domain/auth/roles';
import { TokenError, USER_PATTERN, issueToken, parseTtl } from './auth';
import { authenticate, type AuthContext, type Identity } from './sessions/authenticate';

const MAX_BODY_BYTES = 16 * 1024;

const TokenRequest = z.object({
	role: z.enum(ROLES),
	user: z.string().regex(USER_PATTERN, 'invalid user').optional(),
	ttl: z
		.string()
		.refine((ttl) => parseTtl(ttl) !== null, 'invalid ttl')
		.optional()
});

/**
 * GET /api/whoami: whether the relay accepts this bearer token, and as whom. Browsers cannot
 * read the HTTP status of a refused websocket upgrade; this tells a client "your sign-in is
 * no longer valid" apart from "the relay is unreachable".
 */
export async function handleWhoami(
	req: IncomingMessage,
	res: ServerResponse,
	auth: AuthContext
): Promise<void> {
	const identity = await authenticateRequest(req, res, auth);
	if (!identity) return;
	const { claims } = identity;
	sendJson(res, 200, {
		workspace: claims.workspace,
		role: claims.role,
		user: claims.sub,
		expMs: claims.exp * 1000
	});
}

export function bearerOf(req: IncomingMessage): string | undefined {
	return /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
}

/** The caller's identity, or null once a 401/403 naming the problem has been sent. */
export async function authenticateRequest(
	req: IncomingMessage,
	res: ServerResponse,
	auth: AuthContext,
	options: { allowExpiredCredential?: boolean } = {}
): Promise<Identity | null> {
	try {
		return await authenticate(auth, bearerOf(req), options);
	} catch (err) {
		if (!(err instanceof TokenError)) throw err;
		sendTokenError(res, err);
		return null;
	}
}

export function sendTokenError(res: ServerResponse, err: TokenError): void {
	sendJson(res, err.problem === 'bad-claims' ? 403 : 401, {
		error: `token ${err.problem}`,
		detail: err.message
	});
}

export async function handleTokenRequest(
	req: IncomingMessage,
	res: ServerResponse,
	auth: AuthContext
): Promise<void> {
	const identity = await authenticateRequest(req, res, auth);
	if (!identity) return;
	const admin = identity.claims;
	if (admin.role !== 'admin') return sendJson(res, 403, { error: 'admin role required' });

	const json = await readJsonBody(req, res);
	if (json === undefined) return;
	const parsed = TokenRequest.safeParse(json);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		return sendJson(res, 400, {
			error: `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`
		});
	}
	const { role, user = role, ttl = '8h' } = parsed.data;
	const token = await issueToken({
		secret: auth.secret,
		workspace: admin.workspace,
		role,
		user,
		ttl
	});
	sendJson(res, 200, { token, link: `${originOf(req)}/signin?token=${token}` });
}

/** The origin the admin reached us on, so the link works from their network. */
export function originOf(req: IncomingMessage): string {
	const forwarded = req.headers['x-forwarded-proto'];
	const proto = typeof forwarded === 'string' && /^https?$/.test(forwarded) ? forwarded : 'http';
	const host = req.headers.host ?? 'localhost';
	return `${proto}://${host}`;
}

/** The parsed JSON body, or undefined once a 400 has been sent. */
export async function readJsonBody(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
	const body = await readBody(req);
	if (body === null) {
		sendJson(res, 400, { error: 'body too large' });
		return undefined;
	}
	try {
		return JSON.parse(body) as unknown;
	} catch {
		sendJson(res, 400, { error: 'body must be JSON' });
		return undefined;
	}
}

function readBody(req: IncomingMessage): Promise<string | null> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		let tooLarge = false;
		req.on('data', (chunk: Buffer) => {
			size += chunk.byteLength;
			if (size > MAX_BODY_BYTES) tooLarge = true;
			else chunks.push(chunk);
		});
		req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
	const text = JSON.stringify(body);
	res.statusCode = status;
	res.setHeader('Content-Type', 'application/json; charset=utf-8');
	res.setHeader('Cache-Control', 'no-store');
	res.end(text);
}
