// A workspace opened through a running relay with stock y-websocket clients (the same
// protocol the browser uses). Existing docs are synced first; changes are made offline and
// sent in one sync step per doc on reconnect; `flush` waits until the relay confirmed (message
// 100) that it stored everything.

import WS from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { SHARED_DOCS, type WorkspaceDocs } from '../../src/lib/commands/context';
import { readLedgerMonths } from '../../src/lib/doc/catalog-doc';
import { CATALOG, isLedgerDocName, ledgerDocName } from '../../src/lib/doc/names';
import { baseMonthOf } from '../../src/lib/doc/period-doc';
import { PROTOCOL_PARAM, PROTOCOL_VERSION, closeOutcome } from '../../src/lib/sync/protocol';
import {
	installStateVectorHandler,
	sendStateVectorQuery
} from '../../src/lib/sync/state-vector-query';

export interface RelayWorkspace {
	readonly docs: WorkspaceDocs;
	names(): string[];
	/** Stop sending changes one by one (seeding happens offline, then syncs in one go). */
	pause(): void;
	/** Reconnect, sync, and wait until the relay confirmed every local change. */
	flush(timeoutMs: number): Promise<void>;
	close(): void;
}

interface Entry {
	readonly doc: Y.Doc;
	readonly provider: WebsocketProvider;
	/** Resolvers waiting for the next message-100 answer. */
	readonly waiting: ((stateVector: Map<number, number>) => void)[];
}

// ws implements the WebSocket API y-websocket expects; its TypeScript types differ.
const WebSocketPolyfill = WS as unknown as typeof WebSocket;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
	return new Promise<T>((resolve, reject) => {
		const timer = setTimeout(
			() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)),
			ms
		);
		promise.then(
			(value) => {
				clearTimeout(timer);
				resolve(value);
			},
			(error: unknown) => {
				clearTimeout(timer);
				reject(error instanceof Error ? error : new Error(String(error)));
			}
		);
	});
}

function whenSynced(entry: Entry, name: string): Promise<void> {
	if (entry.provider.synced) return Promise.resolve();
	return new Promise((resolve, reject) => {
		const onSync = (synced: boolean): void => {
			if (!synced) return;
			entry.provider.off('sync', onSync);
			entry.provider.off('closed', onClosed);
			resolve();
		};
		const onClosed = (event: { code: number; reason: string }): void => {
			entry.provider.off('sync', onSync);
			reject(new Error(`relay refused ${name}: ${event.code} ${event.reason}`));
		};
		entry.provider.on('sync', onSync);
		entry.provider.on('closed', onClosed);
	});
}

/** True when the relay's state vector covers every local change of the doc. */
function covers(relay: Map<number, number>, local: Map<number, number>): boolean {
	for (const [client, clock] of local) if ((relay.get(client) ?? 0) < clock) return false;
	return true;
}

function queryStateVector(entry: Entry): Promise<Map<number, number>> {
	return new Promise((resolve, reject) => {
		entry.waiting.push(resolve);
		if (sendStateVectorQuery(entry.provider)) return;
		entry.waiting.pop();
		reject(new Error(`not connected to the relay for ${entry.provider.roomname}`));
	});
}

export async function openRelayWorkspace(options: {
	/** `http://127.0.0.1:8080` */
	origin: string;
	workspace: string;
	token: string;
	timeoutMs: number;
	/** Runs once the catalog synced, before ledgers are fetched; may throw to stop early. */
	checkCatalog?: (catalog: Y.Doc) => void;
}): Promise<RelayWorkspace> {
	// Every provider registers a process 'exit' listener; a year of ledgers exceeds the default 10.
	process.setMaxListeners(Math.max(process.getMaxListeners(), 100));
	const wsOrigin = options.origin.replace(/^http/, 'ws');
	const entries = new Map<string, Entry>();

	const open = (name: string, connect: boolean): Entry => {
		const existing = entries.get(name);
		if (existing) return existing;
		const doc = new Y.Doc();
		const provider = new WebsocketProvider(`${wsOrigin}/sync/${options.workspace}`, name, doc, {
			params: { token: options.token, [PROTOCOL_PARAM]: String(PROTOCOL_VERSION) },
			WebSocketPolyfill,
			disableBc: true,
			connect,
			maxBackoffTime: 1000,
			shouldReconnect: (event) => closeOutcome(event.code) === 'reconnect'
		});
		const entry: Entry = { doc, provider, waiting: [] };
		installStateVectorHandler(
			provider,
			(stateVector) => entry.waiting.shift()?.(stateVector),
			(error) => console.error(`stockflow: malformed answer from the relay for ${name}`, error)
		);
		entries.set(name, entry);
		return entry;
	};

	const catalog = open(CATALOG, true);
	await withTimeout(
		whenSynced(catalog, CATALOG),
		options.timeoutMs,
		`the relay to sync ${CATALOG}`
	);
	try {
		options.checkCatalog?.(catalog.doc);
	} catch (error) {
		catalog.provider.destroy();
		throw error;
	}
	// Closed months are summarised in the base month's opening: only open months are fetched.
	// The shared docs are fetched too: commands read them synchronously (an order number, a
	// count's state), so an empty doc standing in for one still syncing would mislead them.
	const base = baseMonthOf(catalog.doc);
	const existing = [
		...SHARED_DOCS.map((name) => open(name, true)),
		...readLedgerMonths(catalog.doc)
			.filter((month) => base === null || month >= base)
			.map((month) => open(ledgerDocName(month), true))
	];
	await Promise.all(
		existing.map((entry) =>
			withTimeout(
				whenSynced(entry, entry.provider.roomname),
				options.timeoutMs,
				`the relay to sync ${entry.provider.roomname}`
			)
		)
	);

	let paused = false;
	const docs: WorkspaceDocs = {
		catalog: catalog.doc,
		shared: (name) => open(name, !paused).doc,
		ledger: (month) => open(ledgerDocName(month), !paused).doc,
		ledgers: () => {
			const from = baseMonthOf(catalog.doc);
			return [...entries.entries()]
				.filter(([name]) => isLedgerDocName(name) && (from === null || name >= ledgerDocName(from)))
				.sort(([a], [b]) => (a < b ? -1 : 1))
				.map(([, entry]) => entry.doc);
		}
	};

	return {
		docs,
		names: () =>
			[...entries.keys()].sort((a, b) => (a === CATALOG ? -1 : b === CATALOG ? 1 : a < b ? -1 : 1)),
		pause() {
			paused = true;
			for (const entry of entries.values()) entry.provider.disconnect();
		},
		async flush(timeoutMs) {
			paused = false;
			for (const entry of entries.values())
				if (!entry.provider.shouldConnect) entry.provider.connect();
			await Promise.all(
				[...entries.entries()].map(async ([name, entry]) => {
					await withTimeout(whenSynced(entry, name), timeoutMs, `the relay to sync ${name}`);
					// Our sync step 2 went out before the relay's step 2 arrived (it answers the
					// relay's step 1), so one query normally confirms it; retry while it is in flight.
					const deadline = Date.now() + timeoutMs;
					for (;;) {
						const relay = await withTimeout(
							queryStateVector(entry),
							timeoutMs,
							`the relay to confirm ${name}`
						);
						if (covers(relay, Y.decodeStateVector(Y.encodeStateVector(entry.doc)))) return;
						if (Date.now() > deadline) throw new Error(`the relay did not confirm ${name}`);
						await new Promise((resolve) => setTimeout(resolve, 100));
					}
				})
			);
		},
		close() {
			for (const entry of entries.values()) {
				entry.provider.destroy();
				entry.doc.destroy();
			}
			entries.clear();
		}
	};
}
