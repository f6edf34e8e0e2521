// The connection state every page header shows (see sync/connection-status.ts for the rules).

import type { ConnectionStatus } from '../sync/connection-status';

export type { ConnectionStatus } from '../sync/connection-status';

export const connection: {
	status: ConnectionStatus;
	/** Local changes not yet confirmed by the relay. */
	pending: number;
	lastConfirmedAt: number | null;
} = $state({ status: 'connecting', pending: 0, lastConfirmedAt: null });
