// The relay is the devices' time reference, so it also says which stamps it will not store: an
// entry stamped more than a day ahead of the relay's clock, or before any Stockflow record
// (a reset clock), is refused with reason `clock`. The bounds live in the domain
// (domain/clock/stamp-trust.ts), shared with the devices' flags and approval gates.

import { stampWallMs } from '../../src/lib/domain/clock/hlc';
import {
	REFUSE_AHEAD_MS,
	entryStamp,
	relayMonthTrust,
	relayStampTrust
} from '../../src/lib/domain/clock/stamp-trust';

const HOUR_MS = 3_600_000;

/** Why an entry's stamp is refused (one line for the sender and the log), or null. */
export function stampRefusal(value: unknown, relayNowMs: number): string | null {
	const stamp = entryStamp(value);
	if (stamp === null) return null;
	const wallMs = stampWallMs(stamp);
	switch (relayStampTrust(stamp, relayNowMs)) {
		case 'ok':
			return null;
		case 'ahead':
			return `stamped ${new Date(wallMs).toISOString()}, ${Math.round((wallMs - relayNowMs) / HOUR_MS)} h ahead of the relay's clock (at most ${REFUSE_AHEAD_MS / HOUR_MS} h)`;
		case 'behind':
			return `stamped ${new Date(wallMs).toISOString()}, before any Stockflow record (the device's clock was reset)`;
	}
}

/**
 * Why a ledger month may not be listed (the catalog's `ledgerMonths`), or null: the month a
 * refused entry would be filed in — a device 400 days ahead writes its movement and the month
 * in one command, and the month alone would show an empty period on every device.
 */
export function monthRefusal(month: string, relayNowMs: number): string | null {
	switch (relayMonthTrust(month, relayNowMs)) {
		case 'ok':
			return null;
		case 'ahead':
			return `ledger month ${month} starts more than ${REFUSE_AHEAD_MS / HOUR_MS} h ahead of the relay's clock`;
		case 'behind':
			return `ledger month ${month} is before any Stockflow record (the device's clock was reset)`;
	}
}
