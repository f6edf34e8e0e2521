// The signed-in session of this device. Normally a device session: the sign-in link was
// exchanged for a device credential that the relay renews (even after it lapsed offline), so a
// device stays signed in until it signs out or is revoked — never because time passed offline.
// When the relay could not be reached at sign-in, the link's JWT is kept instead (as before
// device sessions) and exchanged once online. An ended session keeps its local data: only the
// relay refuses it.

import { z } from 'zod';
import { ROLES } from '../domain/auth/roles';
import { browserKeyValueStore, type KeyValueStore } from '../storage/kv';
import {
	endDeviceSession,
	exchangeToken,
	renameDeviceSession,
	type RenameOutcome,
	renewCredential,
	type DeviceGrant
} from '../sync/session-api';
import { defaultDeviceName } from './device-name';
import { readToken, sessionFromToken, type Session } from './jwt-claims';

export type { Session } from './jwt-claims';

const KEY = 'stockflow.session';

/** Why the relay stopped accepting this device (revocation, role change, sign-out elsewhere). */
export type SessionEnd = 'revoked';

export const session: { current: Session | null; ended: SessionEnd | null } = $state({
	current: null,
	ended: null
});

/** What the store talks to; the defaults are the browser's. Tests pass their own. */
export interface SessionEnv {
	kv: KeyValueStore;
	origin: string;
	fetchFn: typeof fetch;
	appVersion?: string;
}

function envOf(overrides: Partial<SessionEnv>): SessionEnv {
	return {
		kv: browserKeyValueStore(),
		origin: typeof location === 'undefined' ? '' : location.origin,
		fetchFn: (...args) => fetch(...args),
		...overrides
	};
}

const StoredDevice = z.object({
	kind: z.literal('device'),
	credential: z.string().startsWith('sfd1.'),
	id: z.string().min(1),
	workspace: z.string().min(1),
	user: z.string().min(1),
	role: z.enum(ROLES),
	deviceName: z.string(),
	credentialExpiresAtMs: z.number(),
	ended: z.literal('revoked').nullable()
});
type StoredDevice = z.infer<typeof StoredDevice>;

function deviceSession(stored: StoredDevice): Session {
	return {
		token: stored.credential,
		workspace: stored.workspace,
		role: stored.role,
		user: stored.user,
		// Ended: the relay refuses it, so the workspace starts as "unauthorized" with no retries.
		expMs: stored.ended ? 0 : Number.POSITIVE_INFINITY,
		device: { id: stored.id, name: stored.deviceName }
	};
}

function readStored(kv: KeyValueStore): StoredDevice | string | null {
	const raw = kv.get(KEY);
	if (raw === null) return null;
	if (!raw.startsWith('{')) return raw; // a JWT session (offline sign-in, or before issue 16)
	try {
		const parsed = StoredDevice.safeParse(JSON.parse(raw));
		return parsed.success ? parsed.data : null;
	} catch {
		return null;
	}
}

/** Stores a device session granted by the relay and makes it current. */
export function adoptGrant(grant: DeviceGrant, overrides: Partial<SessionEnv> = {}): Session {
	const env = envOf(overrides);
	const stored: StoredDevice = {
		kind: 'device',
		credential: grant.credential,
		id: grant.session.id,
		workspace: grant.session.workspace,
		user: grant.session.user,
		role: grant.session.role,
		deviceName: grant.session.deviceName,
		credentialExpiresAtMs: grant.session.credentialExpiresAtMs,
		ended: null
	};
	env.kv.set(KEY, JSON.stringify(stored));
	session.current = deviceSession(stored);
	session.ended = null;
	return session.current;
}

/** Stores a JWT session (the relay was unreachable at sign-in); throws for a bad or expired token. */
export function signIn(token: string, overrides: Partial<SessionEnv> = {}): Session {
	const env = envOf(overrides);
	const next = sessionFromToken(token, Date.now());
	env.kv.set(KEY, next.token);
	session.current = next;
	session.ended = null;
	return next;
}

export type SignInOutcome =
	| { kind: 'signed-in'; session: Session; firstRun: boolean }
	/** The relay refused the link: `reason` is its error text ("link used", "token expired", …). */
	| { kind: 'refused'; reason: string };

/**
 * Exchanges a sign-in token for a device session; offline, keeps the JWT itself (throws
 * InvalidFieldError when it is not a valid, unexpired token).
 */
export async function signInWithToken(
	token: string,
	deviceName: string,
	overrides: Partial<SessionEnv> = {}
): Promise<SignInOutcome> {
	const env = envOf(overrides);
	const outcome = await exchangeToken({
		origin: env.origin,
		token,
		deviceName,
		fetchFn: env.fetchFn,
		...(env.appVersion ? { appVersion: env.appVersion } : {})
	});
	if (outcome.kind === 'granted') {
		const firstRun = outcome.grant.firstRun === true;
		return { kind: 'signed-in', session: adoptGrant(outcome.grant, env), firstRun };
	}
	if (outcome.kind === 'refused') return outcome;
	return { kind: 'signed-in', session: signIn(token, env), firstRun: false };
}

/** Forgets the session (and tells the relay, when it can). Local data stays. */
export function signOut(overrides: Partial<SessionEnv> = {}): void {
	const env = envOf(overrides);
	const stored = readStored(env.kv);
	if (stored !== null && typeof stored !== 'string' && !stored.ended) {
		void endDeviceSession({
			origin: env.origin,
			credential: stored.credential,
			fetchFn: env.fetchFn
		});
	}
	env.kv.remove(KEY);
	session.current = null;
	session.ended = null;
}

/**
 * The stored session, whatever time has passed: an expired JWT session is kept (its workspace
 * opens, shows its local data and reports "unauthorized"); only an unreadable one is removed.
 */
export function restoreSession(overrides: Partial<SessionEnv> = {}): Session | null {
	const env = envOf(overrides);
	const stored = readStored(env.kv);
	if (stored === null) {
		env.kv.remove(KEY);
		session.current = null;
		return null;
	}
	if (typeof stored !== 'string') {
		session.current = deviceSession(stored);
		session.ended = stored.ended;
		watchOnline(env);
		return session.current;
	}
	try {
		session.current = readToken(stored);
	} catch {
		env.kv.remove(KEY);
		session.current = null;
	}
	if (session.current) watchOnline(env);
	return session.current;
}

export type RefreshOutcome = 'renewed' | 'upgraded' | 'ended' | 'unchanged';

/**
 * Online housekeeping, silent: renews a device credential (marking the session ended when the
 * relay refuses it), or exchanges a stored JWT session for a device session. The running
 * websocket keeps its token; the next start uses the new one.
 */
export async function refreshSession(
	deviceName: string,
	overrides: Partial<SessionEnv> = {}
): Promise<RefreshOutcome> {
	const env = envOf(overrides);
	const stored = readStored(env.kv);
	if (stored === null) return 'unchanged';
	if (typeof stored === 'string') {
		let jwt: Session;
		try {
			jwt = readToken(stored);
		} catch {
			return 'unchanged';
		}
		if (jwt.expMs <= Date.now()) return 'unchanged';
		const outcome = await exchangeToken({
			origin: env.origin,
			token: stored,
			deviceName,
			fetchFn: env.fetchFn
		});
		if (outcome.kind !== 'granted' || outcome.grant.session.workspace !== jwt.workspace) {
			return 'unchanged';
		}
		adoptGrant(outcome.grant, env);
		return 'upgraded';
	}
	if (stored.ended) return 'ended';
	const renewed = await renewCredential({
		origin: env.origin,
		credential: stored.credential,
		fetchFn: env.fetchFn,
		...(env.appVersion ? { appVersion: env.appVersion } : {})
	});
	if (renewed.kind === 'unreachable') return 'unchanged';
	// Signed out or replaced meanwhile (another tab): leave the newer state alone.
	const latest = readStored(env.kv);
	if (latest === null || typeof latest === 'string' || latest.id !== stored.id) return 'unchanged';
	if (renewed.kind === 'refused') {
		markEnded(latest, env);
		return 'ended';
	}
	env.kv.set(
		KEY,
		JSON.stringify({ ...latest, credentialExpiresAtMs: renewed.credentialExpiresAtMs })
	);
	return 'renewed';
}

/**
 * Renames this device on the relay, then here. 'refused' also for a session that is not a
 * device session (a JWT kept from an offline sign-in) or that has ended.
 */
export async function renameDevice(
	deviceName: string,
	overrides: Partial<SessionEnv> = {}
): Promise<RenameOutcome> {
	const env = envOf(overrides);
	const stored = readStored(env.kv);
	if (stored === null || typeof stored === 'string' || stored.ended) return 'refused';
	const outcome = await renameDeviceSession({
		origin: env.origin,
		credential: stored.credential,
		deviceName,
		fetchFn: env.fetchFn
	});
	if (outcome !== 'renamed') return outcome;
	const latest = readStored(env.kv);
	if (latest === null || typeof latest === 'string' || latest.id !== stored.id) return 'refused';
	const next = { ...latest, deviceName };
	env.kv.set(KEY, JSON.stringify(next));
	session.current = deviceSession(next);
	session.ended = next.ended;
	return 'renamed';
}

/** The relay refused this device (4403 close, or 401 on renewal): remember it, keep the data. */
export function markSessionEnded(overrides: Partial<SessionEnv> = {}): void {
	const env = envOf(overrides);
	const stored = readStored(env.kv);
	if (stored !== null && typeof stored !== 'string') markEnded(stored, env);
}

function markEnded(stored: StoredDevice, env: SessionEnv): void {
	env.kv.set(KEY, JSON.stringify({ ...stored, ended: 'revoked' }));
	session.ended = 'revoked';
}

let watching = false;

/** Renews once now and whenever the browser comes back online. */
function watchOnline(env: SessionEnv): void {
	if (watching || typeof window === 'undefined') return;
	watching = true;
	const refresh = () => {
		if (navigator.onLine === false) return;
		const current = session.current;
		if (current) void refreshSession(current.device?.name ?? defaultDeviceName(current.role), env);
	};
	window.addEventListener('online', refresh);
	refresh();
}
