// The engine behind one open workspace, free of Svelte so Node tests can drive it: the docs
// (catalog + one per open ledger month, each with its local persistence and its provider), the
// projector, the sync client and the command context. After a period close only the months
// from the base month on are opened; the base month's opening stands in for the closed ones
// (see closed-months.ts). The runes wrapper in workspace.svelte.ts turns its change
// notifications into reactive fields.

import * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { CATALOG, ledgerDocName, monthOfLedgerDoc, monthOfMs } from '../doc/names';
import { createCatalogReader, observeCatalog, readLedgerMonths } from '../doc/catalog-doc';
import type { Hlc } from '../domain/clock/hlc';
import type { RelayClock, RelayTimeSample } from '../domain/clock/relay-clock';
import { readClosedThrough } from '../doc/period-doc';
import { readMovements } from '../doc/ledger-doc';
import type { Movement } from '../domain/ledger/movement';
import { createIdGenerator } from '../domain/ids';
import type { Item, Location, Warehouse } from '../domain/catalog/entities';
import type { Role } from '../domain/auth/roles';
import {
	SHARED_DOCS,
	type CommandContext,
	type IdSource,
	type SharedDocName,
	type WorkspaceDocs
} from '../commands/context';
import type { KeyValueStore } from '../storage/kv';
import { docDbName, projectionDbName, redirectDocDb } from '../storage/db-names';
import { openLocalDoc, type CorruptDocReport, type LocalDoc } from '../storage/local-doc';
import { Projector, type ChangeOrigin } from '../storage/projector';
import { PendingTracker } from '../sync/pending-tracker';
import { SyncClient } from '../sync/sync-client';
import { setAsideCopy, type SetAsideCopy } from '../sync/set-aside';
import type { TokenCheck } from '../sync/token-check';
import { ClosedMonths, type OpenDoc } from './closed-months';
import { cryptoRandom, deviceId } from './device';
import { mergeStamps } from './stamp-merge';
import { createDeviceTime, type DeviceTime } from './device-time';

export { CLOCK_MAX_AHEAD_MS } from './device-time';

/** Whether a transaction changed the doc (what Yjs would send an 'update' for). */
function changedDoc(transaction: Y.Transaction): boolean {
	if (transaction.deleteSet.clients.size > 0) return true;
	for (const [client, clock] of transaction.afterState)
		if (transaction.beforeState.get(client) !== clock) return true;
	return false;
}

export interface RuntimeSession {
	workspace: string;
	token: string;
	role: Role;
	user: string;
	expMs: number;
}

export type RuntimeEvent =
	| { kind: 'catalog' }
	| { kind: 'doc'; name: SharedDocName }
	| { kind: 'balances'; origin: ChangeOrigin }
	| { kind: 'connection' }
	| { kind: 'usable' }
	| { kind: 'ready' }
	| { kind: 'corrupt-doc'; report: CorruptDocReport };

export interface RuntimeOptions {
	session: RuntimeSession;
	kv: KeyValueStore;
	/** `${wsOrigin}/sync/${workspace}`; null runs local-only (tests, or no relay). */
	serverUrl: string | null;
	onEvent?: (event: RuntimeEvent) => void;
	WebSocketPolyfill?: typeof WebSocket;
	checkToken?: () => Promise<TokenCheck>;
	isBrowserOnline?: () => boolean;
	/** The device's own clock (default Date.now); stamps use it plus the relay's offset. */
	nowMs?: () => number;
	random?: () => number;
	/** Local database namespace (default: the workspace); lets tests run two devices in one process. */
	storageNamespace?: string;
}

export class WorkspaceRuntime {
	readonly catalog = new Y.Doc();
	/** Parses only the entities that changed since the last flush. */
	private readonly catalogReader = createCatalogReader(this.catalog);
	readonly clock: Hlc;
	/** The relay's time as this device knows it: what stamps, ids and months are taken from. */
	readonly relayClock: RelayClock;
	readonly ids: IdSource;
	readonly docs: WorkspaceDocs;
	readonly pending: PendingTracker;
	readonly sync: SyncClient | null;
	/** Resolves when every doc opened at start holds its local data and projections are reconciled. */
	readonly ready: Promise<void>;
	isReady = false;
	/**
	 * Resolves as soon as the catalog is loaded and balances can be trusted: right after the
	 * catalog when the stored projection was valid (ledgers keep loading behind it), else with
	 * `ready`. A year of history does not stand between a clerk and today's stock.
	 */
	readonly usable: Promise<void>;
	isUsable = false;
	private markUsable: () => void = () => {};
	items: Item[] = [];
	warehouses: Warehouse[] = [];
	locations: Location[] = [];
	ledgerMonths: string[] = [];
	projector: Projector | null = null;

	/** Open months (from the base month on). */
	private readonly ledgerDocs = new Map<string, OpenDoc>();
	private readonly months = new ClosedMonths(() =>
		this.closed || !this.isUsable ? null : this.context()
	);
	private readonly sharedDocs = new Map<SharedDocName, OpenDoc>();
	private readonly projectorReady: Promise<Projector>;
	private catalogLocal: Promise<LocalDoc | null> = Promise.resolve(null);
	private catalogDirty = false;
	private unobserveCatalog: () => void = () => {};
	private closed = false;
	private readonly nowMs: () => number;
	private readonly time: DeviceTime;

	constructor(private readonly options: RuntimeOptions) {
		const deviceMs = options.nowMs ?? Date.now;
		this.time = createDeviceTime({
			kv: options.kv,
			namespace: options.storageNamespace ?? options.session.workspace,
			device: deviceId(options.kv),
			deviceMs
		});
		this.relayClock = this.time.relayClock;
		this.clock = this.time.clock;
		this.nowMs = this.time.nowMs;
		// Every stamp seen moves the clock: movements through the projector, the rest here.
		mergeStamps(this.catalog, this.clock);
		this.ids = createIdGenerator({ nowMs: this.nowMs, random: options.random ?? cryptoRandom });
		this.pending = new PendingTracker(
			options.kv,
			options.storageNamespace ?? options.session.workspace
		);
		this.sync =
			options.serverUrl === null
				? null
				: new SyncClient({
						serverUrl: options.serverUrl,
						token: options.session.token,
						pending: this.pending,
						onChange: () => this.emit({ kind: 'connection' }),
						...(options.isBrowserOnline ? { isBrowserOnline: options.isBrowserOnline } : {}),
						...(options.checkToken ? { checkToken: options.checkToken } : {}),
						...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
						nowMs: this.nowMs,
						relayTime: { wallMs: deviceMs, onSample: (sample) => this.onRelayTime(sample) }
					});
		// A token the relay will refuse (an expired JWT kept offline, an ended device session):
		// no reconnect attempts. After construction, since it notifies `onEvent`, whose owner
		// may not hold this runtime yet.
		if (this.sync && options.session.expMs <= this.nowMs()) {
			const sync = this.sync;
			queueMicrotask(() => sync.setUnauthorized());
		}
		const ledger = (month: string): Y.Doc => this.openLedger(month).doc;
		this.docs = {
			catalog: this.catalog,
			shared: (name) => this.openShared(name).doc,
			ledger,
			ledgers: () =>
				[...this.ledgerDocs.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, d]) => d.doc)
		};
		this.projectorReady = this.openProjector();
		this.usable = new Promise((resolve) => (this.markUsable = resolve));
		this.ready = this.start();
	}

	/** A relay time answer: the offset moves, and stamps left far ahead come back to it. */
	private onRelayTime(sample: RelayTimeSample): void {
		if (this.time.onRelayTime(sample)) this.emit({ kind: 'connection' });
	}

	/**
	 * The time months and closes are reasoned in: the relay's once it answered, offline never
	 * before this device's latest stamp (a clock reset to 2001 is not June 2001).
	 */
	timeMs(): number {
		return this.time.timeMs();
	}

	get workspace(): string {
		return this.options.session.workspace;
	}

	private get storageNamespace(): string {
		return this.options.storageNamespace ?? this.options.session.workspace;
	}

	/** The context commands run with: this workspace's docs, clock, ids and the session's user. */
	context(): CommandContext {
		const { user, role } = this.options.session;
		const projector = this.projector;
		return {
			docs: this.docs,
			clock: this.clock,
			ids: this.ids,
			user,
			role,
			timeMs: () => this.timeMs(),
			...(projector && this.isUsable ? { balances: () => projector.balances } : {})
		};
	}

	/** The catalog provider's awareness (presence), once connected; null when local-only. */
	awareness(): Awareness | null {
		return this.sync?.provider(CATALOG)?.awareness ?? null;
	}

	/** Applies catalog changes now instead of at the end of the tick (after a local command). */
	flushCatalog(): void {
		if (!this.catalogDirty) return;
		this.catalogDirty = false;
		this.items = this.catalogReader.items();
		this.warehouses = this.catalogReader.warehouses();
		this.locations = this.catalogReader.locations();
		this.ledgerMonths = readLedgerMonths(this.catalog);
		const closedNow = this.months.update(readClosedThrough(this.catalog), this.ledgerDocs);
		for (const month of this.ledgerMonths) if (!this.months.isClosed(month)) this.openLedger(month);
		const base = this.baseMonth;
		if (base !== null) this.openLedger(base);
		if (closedNow) this.refreshBase();
		this.projector?.setItems(this.items);
		this.emit({ kind: 'catalog' });
	}

	/** The last closed month (null: no period closed); months after it are the open ones. */
	get closedThrough(): string | null {
		return this.months.closedThrough;
	}

	/** The first open month; null when no period is closed. */
	get baseMonth(): string | null {
		return this.months.baseMonth;
	}

	/**
	 * Every movement of a closed month, for history: its ledger is opened (from this device's
	 * storage, then the relay) on request and never folded into stock. Resolves once synced,
	 * or with what is held after `timeoutMs` (offline).
	 */
	async closedMonthMovements(month: string, timeoutMs = 20_000): Promise<Movement[]> {
		const open = this.openLedger(month);
		await open.local;
		await this.sync?.whenSynced(ledgerDocName(month), timeoutMs);
		return readMovements(open.doc).movements;
	}

	/**
	 * Sets a refused doc's changes aside: returns a copy of everything this device holds that
	 * the relay has not stored, points the doc at a fresh database (the old one stays in place),
	 * forgets its unconfirmed entries and stops syncing it. The app then reloads: the doc opens
	 * empty under a new Yjs client id and the relay fills it, so later work is not stuck behind
	 * the refused struct (see sync/refusals.ts).
	 */
	setAsideRefused(docName: string): SetAsideCopy {
		const doc = this.openDocNamed(docName);
		if (!doc) throw new Error(`no open doc ${docName}`);
		const copy = setAsideCopy({
			workspace: this.workspace,
			docName,
			doc,
			refusal: this.sync?.refusal(docName) ?? null,
			relayStateVector: this.sync?.relayStateVector(docName) ?? null,
			user: this.options.session.user,
			device: this.clock.device,
			nowMs: this.nowMs()
		});
		redirectDocDb(this.options.kv, this.storageNamespace, docName, this.nowMs());
		this.pending.drop(docName);
		this.sync?.setAside(docName);
		return copy;
	}

	private openDocNamed(docName: string): Y.Doc | null {
		if (docName === CATALOG) return this.catalog;
		const shared = SHARED_DOCS.find((name) => name === docName);
		if (shared) return this.sharedDocs.get(shared)?.doc ?? null;
		const month = monthOfLedgerDoc(docName);
		if (month === null) return null;
		return (this.ledgerDocs.get(month) ?? this.months.held.get(month))?.doc ?? null;
	}

	private refreshBase(): void {
		if (this.projector) this.months.refreshBase(this.projector, this.ledgerDocs);
	}

	async close(): Promise<void> {
		if (this.closed) return;
		this.closed = true;
		this.unobserveCatalog();
		this.catalogReader.close();
		this.sync?.destroy();
		await this.ready.catch(() => undefined);
		const opened = [
			...this.sharedDocs.values(),
			...this.ledgerDocs.values(),
			...this.months.held.values()
		];
		// Docs opened after start (by a command) reconcile into the projection when they load:
		// let them, then close the projection.
		const locals = await Promise.all([this.catalogLocal, ...opened.map((d) => d.local)]);
		await this.projector?.close();
		await Promise.all(locals.map((l) => l?.destroy()));
		this.catalog.destroy();
		for (const d of opened) d.doc.destroy();
	}

	private emit(event: RuntimeEvent): void {
		if (!this.closed) this.options.onEvent?.(event);
	}

	private async openProjector(): Promise<Projector> {
		const projector = await Projector.open(projectionDbName(this.storageNamespace));
		this.projector = projector;
		projector.onChange(({ origin, maxAt }) => {
			if (maxAt !== null && origin === 'remote') this.clock.receive(maxAt);
			this.emit({ kind: 'balances', origin });
		});
		// Ledgers a command opened before the projector existed are reconciled like the rest.
		for (const [month, open] of this.ledgerDocs)
			projector.attachLedger(ledgerDocName(month), open.doc);
		return projector;
	}

	private async start(): Promise<void> {
		// The catalog loads while the projection opens; it is read (and ledgers attached) only
		// once both are there, so nothing that arrives in between is missed.
		this.catalogLocal = this.openLocal(CATALOG, this.catalog);
		await this.projectorReady;
		// Stored records load in chunks over several tasks (local-doc.ts): the catalog is read
		// once it holds all of them, not half-loaded (which could open ledger months a period
		// close has closed). Its provider is added at the end of the load, in the same
		// microtask run as this, so no remote change comes in between.
		await this.catalogLocal;
		this.unobserveCatalog = observeCatalog(this.catalog, () => {
			this.catalogDirty = true;
			queueMicrotask(() => this.flushCatalog());
		});
		this.catalogDirty = true;
		this.flushCatalog();
		for (const name of SHARED_DOCS) this.openShared(name);
		this.openLedger(monthOfMs(this.timeMs()));
		// Closed months with changes the relay has not confirmed: sync them, then carry them.
		for (const entry of this.pending.list()) {
			const month = monthOfLedgerDoc(entry.doc);
			if (month !== null) this.openLedger(month);
		}
		const projector = await this.projectorReady;
		const openNames = [...this.ledgerDocs.keys()].map(ledgerDocName);
		if (projector.covers(openNames, this.closedThrough)) this.becomeUsable();
		await Promise.all(
			[...this.sharedDocs.values(), ...this.ledgerDocs.values()].map((d) => d.local)
		);
		// Remote movements that arrived before the stored ids were read are applied by now.
		await projector.loadStoredIds();
		this.becomeUsable();
		this.months.queueCarryForward();
		this.isReady = true;
		this.emit({ kind: 'ready' });
		// Other tabs are joined only now: joining encodes every doc (see SyncClient.joinTabs).
		if (!this.closed) void this.sync?.joinTabs();
	}

	private becomeUsable(): void {
		if (this.isUsable || this.closed) return;
		this.isUsable = true;
		this.markUsable();
		this.emit({ kind: 'usable' });
	}

	/** `orders` / `counts`: persisted and synced like the catalog; changes coalesce per microtask. */
	private openShared(name: SharedDocName): OpenDoc {
		const existing = this.sharedDocs.get(name);
		if (existing) return existing;
		const doc = new Y.Doc();
		mergeStamps(doc, this.clock);
		// Not while its stored chunks load (readers would fold a half-loaded doc each time):
		// once, when it holds them all.
		let loaded = false;
		let queued = false;
		// 'afterTransaction', not 'update': no encoding of each transaction for a notification.
		doc.on('afterTransaction', (transaction: Y.Transaction) => {
			if (queued || !loaded || !changedDoc(transaction)) return;
			queued = true;
			queueMicrotask(() => {
				queued = false;
				this.emit({ kind: 'doc', name });
			});
		});
		const local = this.openLocal(name, doc).then((l) => {
			loaded = true;
			this.emit({ kind: 'doc', name });
			return l;
		});
		const open: OpenDoc = { doc, local };
		this.sharedDocs.set(name, open);
		return open;
	}

	private openLedger(month: string): OpenDoc {
		const existing = this.ledgerDocs.get(month) ?? this.months.held.get(month);
		if (existing) return existing;
		const name = ledgerDocName(month);
		const doc = new Y.Doc();
		if (this.months.isClosed(month))
			return this.months.hold(month, doc, (d) => this.openLocal(name, d));
		const open: OpenDoc = { doc, local: Promise.resolve(null) };
		this.projector?.attachLedger(name, doc);
		this.ledgerDocs.set(month, open);
		// The base month's opening may arrive (or change) after the doc opened.
		doc.getMap<unknown>('opening').observe(() => {
			if (month === this.baseMonth) {
				this.refreshBase();
				this.emit({ kind: 'balances', origin: 'remote' });
			}
		});
		open.local = Promise.all([this.openLocal(name, doc), this.projectorReady]).then(
			([local, projector]) => {
				projector.reconcile(name);
				if (month === this.baseMonth) this.refreshBase();
				return local;
			}
		);
		return open;
	}

	/** Local persistence first, then the provider: the relay diff is computed against local data. */
	private async openLocal(name: string, doc: Y.Doc): Promise<LocalDoc | null> {
		let local: LocalDoc | null = null;
		try {
			local = await openLocalDoc({
				workspace: this.storageNamespace,
				docName: name,
				doc,
				kv: this.options.kv,
				nowMs: this.nowMs
			});
			if (local.recovered) this.emit({ kind: 'corrupt-doc', report: local.recovered });
		} catch (error) {
			// Without IndexedDB the app still works online; nothing survives a reload.
			console.error(
				`stockflow: no local persistence for ${docDbName(this.storageNamespace, name)}`,
				error
			);
		}
		if (this.closed) {
			await local?.destroy();
			return null;
		}
		this.sync?.addDoc(name, doc);
		if (name === CATALOG) this.emit({ kind: 'connection' });
		return local;
	}
}
