// Asks the relay whether it still accepts our sign-in (a browser cannot read why a websocket
// upgrade failed), so a client tells a revoked or expired sign-in (stop retrying, tell the user)
// from a relay that is down. A device credential is checked by renewing it, which also revives
// one that expired while the device was offline; a JWT by GET /api/whoami.

import { isDeviceCredential, renewCredential } from './session-api';

export type TokenCheck = 'accepted' | 'refused' | 'unreachable';

export async function checkToken(
	httpOrigin: string,
	token: string,
	fetchFn: typeof fetch = fetch
): Promise<TokenCheck> {
	if (isDeviceCredential(token)) {
		const renewed = await renewCredential({ origin: httpOrigin, credential: token, fetchFn });
		return renewed.kind === 'renewed'
			? 'accepted'
			: renewed.kind === 'refused'
				? 'refused'
				: 'unreachable';
	}
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
