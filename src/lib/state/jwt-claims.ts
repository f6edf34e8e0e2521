// Reads (does not verify: the relay does) the claims of a Stockflow JWT, so the client knows
// its workspace, role and user before the first connection.

import { z } from 'zod';
import { ROLES, type Role } from '../domain/auth/roles';
import { InvalidFieldError } from '../domain/errors';

export interface Session {
	/** What the websocket and the API are given: a JWT, or a device credential `sfd1.…`. */
	token: string;
	workspace: string;
	role: Role;
	user: string;
	/**
	 * When the relay stops accepting `token` for good. A device session renews its credential
	 * (even after it lapsed offline), so for it this is `Infinity`.
	 */
	expMs: number;
	/** Set for a device session: the relay's session id and the name others see. */
	device?: { id: string; name: string };
}

const claimsSchema = z.object({
	sub: z.string().min(1).max(128),
	workspace: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
	role: z.enum(ROLES),
	exp: z.number().int().positive()
});

function base64UrlDecode(part: string): string {
	const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
	const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
	const binary = atob(padded);
	const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
	return new TextDecoder().decode(bytes);
}

/** Throws InvalidFieldError('token', …) for anything that is not an unexpired Stockflow token. */
export function sessionFromToken(token: string, nowMs: number): Session {
	const session = readToken(token);
	if (session.expMs <= nowMs) throw new InvalidFieldError('token', 'expired');
	return session;
}

/** The claims of a Stockflow token, expired or not; throws InvalidFieldError when malformed. */
export function readToken(token: string): Session {
	const parts = token.trim().split('.');
	if (parts.length !== 3 || !parts[1]) throw new InvalidFieldError('token', 'malformed');
	let payload: unknown;
	try {
		payload = JSON.parse(base64UrlDecode(parts[1]));
	} catch {
		throw new InvalidFieldError('token', 'malformed');
	}
	const claims = claimsSchema.safeParse(payload);
	if (!claims.success) throw new InvalidFieldError('token', 'missing claims');
	const expMs = claims.data.exp * 1000;
	return {
		token: token.trim(),
		workspace: claims.data.workspace,
		role: claims.data.role,
		user: claims.data.sub,
		expMs
	};
}
