// The protocol version the app announces on the websocket URL and the relay's verdict on it.
// Part of the wire protocol (protocol.ts re-exports it); imports nothing.

/**
 * The protocol this code speaks. Bump it when a change would break a peer that does not know
 * it (a new message a client depends on, a changed payload); the relay then refuses clients
 * below MIN_PROTOCOL_VERSION with CLOSE.upgradeRequired.
 * 2: message 101 (the relay's time); a relay of version 1 would close a socket that sends it.
 */
export const PROTOCOL_VERSION = 2;
/** The oldest client protocol the relay still serves. */
export const MIN_PROTOCOL_VERSION = 1;
/**
 * Websocket URL query parameter carrying the client's version. Stock y-websocket clients do not
 * send it: absent means "unknown, assumed compatible" (they speak only the standard messages).
 */
export const PROTOCOL_PARAM = 'protocol';

export type ProtocolVersionCheck =
	{ ok: true; version: number | null } | { ok: false; reason: string };

/** The relay's verdict on a client's `protocol` parameter; `reason` fits a close frame. */
export function checkProtocolVersion(param: string | null): ProtocolVersionCheck {
	if (param === null) return { ok: true, version: null };
	const version = /^[1-9][0-9]{0,5}$/.test(param) ? Number(param) : null;
	if (version === null) {
		return { ok: false, reason: 'unknown app protocol version: please update the app' };
	}
	if (version < MIN_PROTOCOL_VERSION) {
		return {
			ok: false,
			reason: `app protocol ${version} is too old (relay needs ${MIN_PROTOCOL_VERSION}+): please update the app`
		};
	}
	if (version > PROTOCOL_VERSION) {
		// Rare: during a rolling deploy a new app may reach a relay not yet updated.
		return {
			ok: false,
			reason: `app protocol ${version} is newer than this relay (${PROTOCOL_VERSION}): please reload the app`
		};
	}
	return { ok: true, version };
}
