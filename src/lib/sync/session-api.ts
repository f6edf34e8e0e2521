// The relay's device-session endpoints as seen by the app: exchange a sign-in token for a
// device credential, renew it, sign out. Responses are parsed; a relay that cannot be reached
// (offline, or a dev server without the API) is an outcome, not an exception.

import { z } from 'zod';
import { ROLES } from '../domain/auth/roles';

/** Device credentials look like `sfd1.<session id>.<secret>`; JWTs have three dot parts too. */
export function isDeviceCredential(token: string): boolean {
	return token.startsWith('sfd1.');
}

const ExchangeResponse = z.object({
	credential: z.string().startsWith('sfd1.'),
	/** The first admin's link: the first-run setup is still to do (older relays omit it). */
	firstRun: z.boolean().optional(),
	session: z.object({
		id: z.string().min(1),
		workspace: z.string().min(1),
		user: z.string().min(1),
		role: z.enum(ROLES),
		deviceName: z.string(),
		credentialExpiresAtMs: z.number()
	})
});
export type DeviceGrant = z.infer<typeof ExchangeResponse>;

const RenewResponse = z.object({ session: z.object({ credentialExpiresAtMs: z.number() }) });
const ErrorBody = z.object({ error: z.string() });

export type ExchangeOutcome =
	| { kind: 'granted'; grant: DeviceGrant }
	/** The relay read the token and said no: `reason` is its error text ("link used", …). */
	| { kind: 'refused'; reason: string }
	| { kind: 'unreachable' };

export type RenewOutcome =
	| { kind: 'renewed'; credentialExpiresAtMs: number }
	| { kind: 'refused' }
	| { kind: 'unreachable' };

async function post(
	fetchFn: typeof fetch,
	url: string,
	body: unknown,
	bearer?: string
): Promise<Response | null> {
	try {
		return await fetchFn(url, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				...(bearer ? { authorization: `Bearer ${bearer}` } : {})
			},
			body: JSON.stringify(body),
			cache: 'no-store'
		});
	} catch {
		return null;
	}
}

async function jsonOf(res: Response): Promise<unknown> {
	try {
		return await res.json();
	} catch {
		return null;
	}
}

export async function exchangeToken(options: {
	origin: string;
	token: string;
	deviceName: string;
	appVersion?: string;
	fetchFn?: typeof fetch;
}): Promise<ExchangeOutcome> {
	const res = await post(options.fetchFn ?? fetch, `${options.origin}/api/session`, {
		token: options.token,
		deviceName: options.deviceName,
		...(options.appVersion ? { appVersion: options.appVersion } : {})
	});
	if (!res) return { kind: 'unreachable' };
	const body = await jsonOf(res);
	if (res.status === 401 || res.status === 403) {
		const parsed = ErrorBody.safeParse(body);
		return { kind: 'refused', reason: parsed.success ? parsed.data.error : 'refused' };
	}
	const grant = ExchangeResponse.safeParse(body);
	// Anything else (5xx, a dev server answering with HTML) is treated as "no relay here".
	return res.ok && grant.success ? { kind: 'granted', grant: grant.data } : { kind: 'unreachable' };
}

export async function renewCredential(options: {
	origin: string;
	credential: string;
	appVersion?: string;
	fetchFn?: typeof fetch;
}): Promise<RenewOutcome> {
	const res = await post(
		options.fetchFn ?? fetch,
		`${options.origin}/api/session/renew`,
		options.appVersion ? { appVersion: options.appVersion } : {},
		options.credential
	);
	if (!res) return { kind: 'unreachable' };
	if (res.status === 401 || res.status === 403) return { kind: 'refused' };
	const body = RenewResponse.safeParse(await jsonOf(res));
	return res.ok && body.success
		? { kind: 'renewed', credentialExpiresAtMs: body.data.session.credentialExpiresAtMs }
		: { kind: 'unreachable' };
}

export type RenameOutcome = 'renamed' | 'refused' | 'unreachable';

/** POST /api/session/name: the relay keeps the name others see. */
export async function renameDeviceSession(options: {
	origin: string;
	credential: string;
	deviceName: string;
	fetchFn?: typeof fetch;
}): Promise<RenameOutcome> {
	const res = await post(
		options.fetchFn ?? fetch,
		`${options.origin}/api/session/name`,
		{ deviceName: options.deviceName },
		options.credential
	);
	if (!res) return 'unreachable';
	if (res.ok) return 'renamed';
	return res.status >= 500 ? 'unreachable' : 'refused';
}

/** Best effort: a device signing out offline just forgets its credential. */
export async function endDeviceSession(options: {
	origin: string;
	credential: string;
	fetchFn?: typeof fetch;
}): Promise<void> {
	try {
		await (options.fetchFn ?? fetch)(`${options.origin}/api/session`, {
			method: 'DELETE',
			headers: { authorization: `Bearer ${options.credential}` }
		});
	} catch {
		// Offline: the admin can still revoke the device from the People page.
	}
}
