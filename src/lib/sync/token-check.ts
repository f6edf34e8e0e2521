// Asks the relay whether it still accepts our sign-in token (GET /api/whoami). A browser
// cannot read why a websocket upgrade failed, so this is how a client tells a revoked or
// expired sign-in (stop retrying, ask the user to sign in again) from a relay that is down.

export type TokenCheck = 'accepted' | 'refused' | 'unreachable';

export async function checkToken(
	httpOrigin: string,
	token: string,
	fetchFn: typeof fetch = fetch
): Promise<TokenCheck> {
	try {
		const res = await fetchFn(`${httpOrigin}/api/whoami`, {
			headers: { authorization: `Bearer ${token}` },
			cache: 'no-store'
		});
		if (res.status === 401 || res.status === 403) return 'refused';
		return res.ok ? 'accepted' : 'unreachable';
	} catch {
		return 'unreachable';
	}
}
