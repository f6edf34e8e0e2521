// The sync client of one workspace: a WebsocketProvider per doc (room = doc name), the
// confirmation round trip that counts local changes the relay has not stored yet, the
// unauthorized and outdated detection that stops reconnecting when the relay refuses us, and
// the updates the relay refused (refusals.ts) until they are set aside. Each doc's provider
// events are followed in doc-sync.ts.

import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { computeConnectionStatus, type ConnectionStatus } from './connection-status';
import type { PendingTracker } from './pending-tracker';
import { followDocSync, type DocSync } from './doc-sync';
import { PROTOCOL_PARAM, PROTOCOL_VERSION, closeOutcome } from './protocol';
import { foldRefusal, installRefusalHandler, type DocRefusal } from './refusals';
import { installStateVectorHandler, sendStateVectorQuery } from './state-vector-query';
import { installRelayTime } from './relay-time';
import type { RelayTimeSample } from '../domain/clock/relay-clock';
import type { TokenCheck } from './token-check';
import { nextTask } from '../storage/load-turns';
import { TabJoiningProvider } from './tab-join';

const QUERY_DEBOUNCE_MS = 200;
const REQUERY_MS = 1000;
/** The relay's time is asked at every connect and this often while connected. */
const TIME_QUERY_MS = 5 * 60_000;

export interface SyncClientOptions {
	serverUrl: string;
	token: string;
	pending: PendingTracker;
	/** Called whenever status, pending or lastConfirmedAt may have changed. */
	onChange: () => void;
	isBrowserOnline?: () => boolean;
	/** Asks the relay whether it accepts our token, after repeated failed upgrades. */
	checkToken?: () => Promise<TokenCheck>;
	WebSocketPolyfill?: typeof WebSocket;
	nowMs?: () => number;
	/** Connect immediately (default true). */
	connect?: boolean;
	/** The protocol version announced to the relay; default PROTOCOL_VERSION (tests vary it). */
	protocolVersion?: number;
	/** Measures the relay's time (message 101) against the device's own clock `wallMs`. */
	relayTime?: { wallMs: () => number; onSample: (sample: RelayTimeSample) => void };
}

export class SyncClient {
	lastConfirmedAt: number | null = null;
	unauthorized = false;
	/** The relay does not serve our protocol version: reconnecting cannot help, reloading can. */
	outdated = false;
	private readonly docs = new Map<string, DocSync>();
	private readonly refused = new Map<string, DocRefusal>();
	private probing = false;
	private destroyed = false;
	/** Cross-tab sync is on (see `joinTabs`); providers created from now on join at connect. */
	private tabsJoined = false;
	private readonly timeTimer: ReturnType<typeof setInterval> | null = null;

	constructor(private readonly options: SyncClientOptions) {
		if (options.relayTime)
			this.timeTimer = setInterval(() => {
				const connected = [...this.docs.values()].find((d) => d.provider.wsconnected);
				connected?.time?.send();
			}, TIME_QUERY_MS);
	}

	get pendingCount(): number {
		return this.options.pending.count;
	}

	status(): ConnectionStatus {
		return computeConnectionStatus({
			browserOnline: this.options.isBrowserOnline?.() ?? true,
			outdated: this.outdated,
			unauthorized: this.unauthorized,
			pending: this.options.pending.count,
			providers: [...this.docs.values()].map((d) => ({
				connected: d.provider.wsconnected,
				synced: d.provider.synced,
				settled: d.settled
			}))
		});
	}

	provider(docName: string): WebsocketProvider | undefined {
		return this.docs.get(docName)?.provider;
	}

	/**
	 * Resolves once the doc has synced with the relay: at once when it has, or cannot (no such
	 * doc, offline, unauthorized), else on its sync or after `timeoutMs`, whichever comes first.
	 */
	whenSynced(docName: string, timeoutMs: number): Promise<void> {
		const provider = this.provider(docName);
		const reachable = !['offline', 'unauthorized', 'outdated'].includes(this.status());
		if (!provider || provider.synced || !reachable) return Promise.resolve();
		return new Promise<void>((resolve) => {
			const timer = setTimeout(done, timeoutMs);
			function done(): void {
				clearTimeout(timer);
				provider?.off('sync', onSync);
				resolve();
			}
			function onSync(synced: boolean): void {
				if (synced) done();
			}
			provider.on('sync', onSync);
		});
	}

	addDoc(docName: string, doc: Y.Doc): WebsocketProvider {
		const existing = this.docs.get(docName);
		if (existing) return existing.provider;
		const { options } = this;
		const provider = new TabJoiningProvider(options.serverUrl, docName, doc, {
			connect: false,
			params: {
				token: options.token,
				[PROTOCOL_PARAM]: String(options.protocolVersion ?? PROTOCOL_VERSION)
			},
			disableBc: !this.tabsJoined,
			// Stops after a deliberate refusal (and emits 'closed'), retries transient closes.
			shouldReconnect: (event) => closeOutcome(event.code) === 'reconnect',
			...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {})
		});
		const entry: DocSync = {
			provider,
			settled: false,
			opened: false,
			failedOpens: 0,
			queryTimer: null,
			relaySV: null,
			setAside: false,
			time: options.relayTime
				? installRelayTime(provider, options.relayTime.wallMs, options.relayTime.onSample)
				: null,
			detach: () => {}
		};
		this.docs.set(docName, entry);
		installStateVectorHandler(provider, (sv) => this.onServerStateVector(docName, sv));
		installRefusalHandler(provider, (notice) => {
			const nowMs = (options.nowMs ?? Date.now)();
			this.refused.set(docName, foldRefusal(this.refused.get(docName), docName, notice, nowMs));
			options.onChange();
		});
		followDocSync(entry, doc, {
			onChange: () => options.onChange(),
			queryRelay: () => this.scheduleQuery(docName, QUERY_DEBOUNCE_MS),
			recordLocal: (clientID, clock) => options.pending.record({ doc: docName, clientID, clock }),
			probeRefusal: () => void this.probeRefusal(),
			closedOnPurpose: (outcome) =>
				outcome === 'outdated' ? this.setOutdated() : this.setUnauthorized()
		});
		if ((options.connect ?? true) && !this.unauthorized && !this.outdated) provider.connect();
		options.onChange();
		return provider;
	}

	/**
	 * Joins this browser's other tabs (y-websocket's BroadcastChannel) for every doc, one doc
	 * per background task, and for every doc added later. A join exchanges state vectors and
	 * then only what each tab lacks (tab-join.ts), but a cold start still joins once its docs
	 * are loaded, so a second tab is not asked for a year it is about to load itself. Nothing
	 * is missed meanwhile: the join's exchange sends each tab what the other lacks, and online
	 * the relay carries changes between tabs anyway.
	 */
	async joinTabs(): Promise<void> {
		if (this.tabsJoined) return;
		this.tabsJoined = true;
		for (const { provider } of [...this.docs.values()]) {
			await nextTask('background');
			if (this.destroyed) return;
			provider.disableBc = false;
			// A disconnected provider (offline, unauthorized) joins when it connects again.
			if (provider.shouldConnect) provider.connectBc();
		}
	}

	/** Reconnects every provider (after the browser comes back online, or a new token). */
	connect(): void {
		if (this.unauthorized || this.outdated || this.destroyed) return;
		for (const d of this.docs.values()) if (!d.setAside) d.provider.connect();
	}

	/**
	 * Docs with updates the relay refused (oldest first), until they are set aside. A doc refused
	 * only for a gap is left out: right after a reconnect a live edit can reach the relay before
	 * this connection's sync step 2, which carries it again with what the gap lacked. A change
	 * refused for what it is always comes with its own reason (see refusals.ts).
	 */
	refusals(): DocRefusal[] {
		return [...this.refused.values()]
			.filter((r) => r.reason !== 'gap')
			.sort((a, b) => a.firstAtMs - b.firstAtMs);
	}

	refusal(docName: string): DocRefusal | null {
		return this.refused.get(docName) ?? null;
	}

	/** What the relay said it holds of the doc at its last answer (null: not asked yet). */
	relayStateVector(docName: string): ReadonlyMap<number, number> | null {
		return this.docs.get(docName)?.relaySV ?? null;
	}

	/**
	 * Stops syncing a doc whose refused changes were set aside: its Y.Doc still holds them, so
	 * it must not talk to the relay again; the app reopens the doc from a fresh database (a new
	 * Y.Doc, hence a new client id) that the relay fills.
	 */
	setAside(docName: string): void {
		const entry = this.docs.get(docName);
		if (entry) {
			entry.setAside = true;
			entry.provider.disconnect();
		}
		this.refused.delete(docName);
		this.options.onChange();
	}

	disconnect(): void {
		for (const d of this.docs.values()) d.provider.disconnect();
		this.options.onChange();
	}

	destroy(): void {
		this.destroyed = true;
		if (this.timeTimer) clearInterval(this.timeTimer);
		for (const d of this.docs.values()) {
			if (d.queryTimer) clearTimeout(d.queryTimer);
			d.detach();
			d.provider.destroy();
		}
		this.docs.clear();
	}

	/** Stops hammering the relay: no reconnects until a new session. */
	setUnauthorized(): void {
		if (this.unauthorized) return;
		this.unauthorized = true;
		for (const d of this.docs.values()) d.provider.disconnect();
		this.options.onChange();
	}

	/** The relay will not serve this app version: stop reconnecting until the app is reloaded. */
	setOutdated(): void {
		if (this.outdated) return;
		this.outdated = true;
		for (const d of this.docs.values()) d.provider.disconnect();
		this.options.onChange();
	}

	private scheduleQuery(docName: string, delayMs: number): void {
		const entry = this.docs.get(docName);
		if (!entry || this.destroyed) return;
		if (entry.queryTimer) clearTimeout(entry.queryTimer);
		entry.queryTimer = setTimeout(() => {
			entry.queryTimer = null;
			if (this.options.pending.countFor(docName) > 0) sendStateVectorQuery(entry.provider);
		}, delayMs);
	}

	private onServerStateVector(docName: string, serverSV: Map<number, number>): void {
		const entry = this.docs.get(docName);
		if (entry) entry.relaySV = serverSV;
		const confirmed = this.options.pending.confirm(docName, serverSV);
		if (confirmed > 0) this.lastConfirmedAt = (this.options.nowMs ?? Date.now)();
		// Our step 2 may have gone out after the query; ask again until everything is confirmed
		// (a refused change never will be: no asking every second for it).
		const refusal = this.refused.get(docName);
		if (this.options.pending.countFor(docName) > 0 && (!refusal || refusal.reason === 'gap'))
			this.scheduleQuery(docName, REQUERY_MS);
		this.options.onChange();
	}

	private async probeRefusal(): Promise<void> {
		const check = this.options.checkToken;
		if (!check || this.probing || this.unauthorized || this.outdated) return;
		if (!(this.options.isBrowserOnline?.() ?? true)) return;
		this.probing = true;
		try {
			// Unreachable is offline, not unauthorized: keep retrying.
			if ((await check()) === 'refused') this.setUnauthorized();
		} finally {
			this.probing = false;
		}
	}
}
