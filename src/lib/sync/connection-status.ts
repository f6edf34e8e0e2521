// The connection state the UI shows, as a pure function of what the providers report.

export type ConnectionStatus =
	| 'connecting'
	| 'online'
	| 'syncing'
	| 'offline'
	| 'unauthorized'
	/** The relay no longer serves this app's protocol version: reload to update. */
	| 'outdated';

export interface ProviderSnapshot {
	connected: boolean;
	synced: boolean;
	/** Has this provider ever been connected or failed since start? */
	settled: boolean;
}

export interface ConnectionInput {
	browserOnline: boolean;
	/** The relay closed us as too old (or too new); nothing but an update helps. */
	outdated: boolean;
	unauthorized: boolean;
	providers: readonly ProviderSnapshot[];
	pending: number;
}

export function computeConnectionStatus(input: ConnectionInput): ConnectionStatus {
	if (input.outdated) return 'outdated';
	if (input.unauthorized) return 'unauthorized';
	if (!input.browserOnline) return 'offline';
	const connected = input.providers.filter((p) => p.connected);
	if (connected.length === 0) {
		return input.providers.some((p) => !p.settled) ? 'connecting' : 'offline';
	}
	const allSynced = connected.length === input.providers.length && connected.every((p) => p.synced);
	return allSynced && input.pending === 0 ? 'online' : 'syncing';
}
