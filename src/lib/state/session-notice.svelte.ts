// Whether to tell the person that this device's session ended, for the header's user menu.
// A device credential renews itself, so a refusal by the relay (a 4403 close while connected,
// or 401 on renewal) means the session was revoked or the role changed; the relay confirms it
// on renewal and the end is remembered across reloads, while the local data stays.

import { connection } from './connection.svelte';
import { refreshSession, session } from './session.svelte';

export interface SessionNotice {
	readonly ended: boolean;
	/** The name of this device for a device session, else null. */
	readonly deviceName: string | null;
	/** Changes on this device the relay has not confirmed (kept, and exportable, after an end). */
	readonly pending: number;
}

export function sessionNotice(): SessionNotice {
	let confirming = false;
	$effect(() => {
		const device = session.current?.device;
		if (!device || session.ended || connection.status !== 'unauthorized' || confirming) return;
		confirming = true;
		void refreshSession(device.name).finally(() => (confirming = false));
	});
	return {
		get ended() {
			return (
				session.ended !== null ||
				(!!session.current?.device && connection.status === 'unauthorized')
			);
		},
		get deviceName() {
			return session.current?.device?.name ?? null;
		},
		get pending() {
			return connection.pending;
		}
	};
}
