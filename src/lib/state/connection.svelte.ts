// The connection state every page header shows (see sync/connection-status.ts for the rules).

import type { ConnectionStatus } from '../sync/connection-status';
import type { DocRefusal } from '../sync/refusals';

export type { ConnectionStatus } from '../sync/connection-status';

export const connection: {
	status: ConnectionStatus;
	/** Local changes not yet confirmed by the relay. */
	pending: number;
	lastConfirmedAt: number | null;
	/** Docs whose changes from this device the relay refused (sync/refusals.ts). */
	refusals: DocRefusal[];
} = $state({ status: 'connecting', pending: 0, lastConfirmedAt: null, refusals: [] });
