// The signed-in session: the token from the sign-in link, persisted so a reload (even
// offline) keeps the user signed in until the token expires.

import { browserKeyValueStore } from '../storage/kv';
import { sessionFromToken, type Session } from './jwt-claims';

export type { Session } from './jwt-claims';

const KEY = 'stockflow.session';

export const session: { current: Session | null } = $state({ current: null });

export function signIn(token: string): Session {
	const next = sessionFromToken(token, Date.now());
	browserKeyValueStore().set(KEY, next.token);
	session.current = next;
	return next;
}

export function signOut(): void {
	browserKeyValueStore().remove(KEY);
	session.current = null;
}

/** The stored session when its token is still valid; a stale one is removed. */
export function restoreSession(): Session | null {
	const token = browserKeyValueStore().get(KEY);
	if (token === null) return null;
	try {
		session.current = sessionFromToken(token, Date.now());
	} catch {
		browserKeyValueStore().remove(KEY);
		session.current = null;
	}
	return session.current;
}
