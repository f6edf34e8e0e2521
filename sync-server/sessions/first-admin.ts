// The one sign-in link `stockflow start` may print: a single-use link for the workspace's first
// administrator, minted only while no admin is signed in on any device. Once someone is, start
// prints none (logs end up in collectors); people are invited from the app instead.

import type { SessionStore } from './store';
import { DEFAULT_LINK_TTL, mintSignInLink, type MintedLink } from './api';

export interface FirstAdminOptions {
	readonly secret: string;
	readonly sessions: SessionStore;
	readonly workspace: string;
	/** Where the link points, e.g. `http://localhost:8080`. */
	readonly origin: string;
	readonly nowMs?: () => number;
}

/** The first admin's sign-in link, or null when the workspace already has an admin. */
export async function firstAdminLink(options: FirstAdminOptions): Promise<MintedLink | null> {
	if (await options.sessions.hasActiveAdmin(options.workspace)) return null;
	return mintSignInLink(
		{
			secret: options.secret,
			sessions: options.sessions,
			nowMs: options.nowMs ?? Date.now,
			credentialTtlMs: 0 // unused: minting a link creates no session
		},
		{
			workspace: options.workspace,
			role: 'admin',
			user: 'admin',
			ttl: DEFAULT_LINK_TTL,
			origin: options.origin
		}
	);
}
