// Device credentials: `sfd1.<session id>.<secret>`, random, shown to the device once. The relay
// keeps only a SHA-256 of the secret, so a copy of the database signs no one in.

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const PREFIX = 'sfd1';
const CREDENTIAL = /^sfd1\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{43})$/;

export interface NewCredential {
	readonly sessionId: string;
	readonly credential: string;
	readonly secretHash: string;
}

export function newCredential(): NewCredential {
	const sessionId = randomBytes(12).toString('base64url');
	const secret = randomBytes(32).toString('base64url');
	return {
		sessionId,
		credential: `${PREFIX}.${sessionId}.${secret}`,
		secretHash: hashSecret(secret)
	};
}

/** Whether a bearer string is meant as a device credential (as opposed to a JWT). */
export function looksLikeCredential(bearer: string): boolean {
	return bearer.startsWith(`${PREFIX}.`);
}

export function parseCredential(bearer: string): { sessionId: string; secret: string } | null {
	const match = CREDENTIAL.exec(bearer);
	if (!match?.[1] || !match[2]) return null;
	return { sessionId: match[1], secret: match[2] };
}

export function secretMatches(secret: string, storedHash: string): boolean {
	const a = Buffer.from(hashSecret(secret), 'hex');
	const b = Buffer.from(storedHash, 'hex');
	return a.length === b.length && timingSafeEqual(a, b);
}

function hashSecret(secret: string): string {
	return createHash('sha256').update(secret).digest('hex');
}

/** A random id for a sign-in link (the JWT's `lnk` claim). */
export function newLinkId(): string {
	return randomBytes(12).toString('base64url');
}
