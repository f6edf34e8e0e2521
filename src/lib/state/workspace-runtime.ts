// The engine behind one open workspace, free of Svelte so Node tests can drive it: the docs
// (catalog + one per open ledger month, each with its local persistence and its provider), the
// projector, the sync client and the command context. After a period close only the months
// from the base month on are opened; the base month's opening stands in for the closed ones.
// A closed month is opened only when this device still has unsent changes in it (posted
// offline across the close); those are carried into the open period once they are loaded. The runes wrapper in
// workspace.svelte.ts turns its change notifications into reactive fields.

import * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { CATALOG, ledgerDocName, monthOfLedgerDoc, monthOfMs } from '../doc/names';
import {
	observeCatalog,
	readItems,
	readLedgerMonths,
	readLocations,
	readWarehouses
} from '../doc/catalog-doc';
import { createHlc, type Hlc } from '../domain/clock/hlc';
import { nextMonth, previousMonth } from '../domain/ledger/period';
import { readClosedThrough, readOpening } from '../doc/period-doc';
import { readMovements } from '../doc/ledger-doc';
import type { Movement } from '../domain/ledger/movement';
import { carryForwardLate } from '../commands/period-close';
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
import { docDbName, projectionDbName } from '../storage/db-names';
import { openLocalDoc, type CorruptDocReport, type LocalDoc } from '../storage/local-doc';
import { Projector, type ChangeOrigin } from '../storage/projector';
import { PendingTracker } from '../sync/pending-tracker';
import { SyncClient } from '../sync/sync-client';
import type { TokenCheck } from '../sync/token-check';
import { cryptoRandom, deviceId } from './device';

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
	nowMs?: () => number;
	random?: () => number;
	/** Local database namespace (default: the workspace); lets tests run two devices in one process. */
	storageNamespace?: string;
}

interface OpenDoc {
	doc: Y.Doc;
	local: Promise<LocalDoc | null>;
}

export class WorkspaceRuntime {
	readonly catalog = new Y.Doc();
	readonly clock: Hlc;
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
	/** The last closed month (null: no period closed); months after it are the open ones. */
	closedThrough: string | null = null;
	projector: Projector | null = null;

	/** Open months (from the base month on). */
	private readonly ledgerDocs = new Map<string, OpenDoc>();
	/** Closed months this device holds: unsent changes, or open when the close happened. */
	private readonly closedLedgers = new Map<string, OpenDoc>();
	private carryQueued = false;
	private readonly sharedDocs = new Map<SharedDocName, OpenDoc>();
	private readonly projectorReady: Promise<Projector>;
	private catalogLocal: Promise<LocalDoc | null> = Promise.resolve(null);
	private catalogDirty = false;
	private unobserveCatalog: () => void = () => {};
	private closed = false;
	private readonly nowMs: () => number;

	constructor(private readonly options: RuntimeOptions) {
		this.nowMs = options.nowMs ?? Date.now;
		this.clock = createHlc(deviceId(options.kv), this.nowMs);
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
						nowMs: this.nowMs
					});
		if (this.sync && options.session.expMs <= this.nowMs()) this.sync.setUnauthorized();
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
		this.items = readItems(this.catalog);
		this.warehouses = readWarehouses(this.catalog);
		this.locations = readLocations(this.catalog);
		this.ledgerMonths = readLedgerMonths(this.catalog);
		const closed = readClosedThrough(this.catalog);
		const closedNow = closed !== this.closedThrough;
		this.closedThrough = closed;
		if (closedNow) this.retireClosedMonths();
		const base = this.baseMonth;
		for (const month of this.ledgerMonths)
			if (base === null || month >= base) this.openLedger(month);
		if (base !== null) this.openLedger(base);
		if (closedNow) this.refreshBase();
		this.projector?.setItems(this.items);
		this.emit({ kind: 'catalog' });
	}

	/** The first open month; null when no period is closed. */
	get baseMonth(): string | null {
		return this.closedThrough === null ? null : nextMonth(this.closedThrough);
	}

	/**
	 * Every movement of a closed month, for history: its ledger is opened (from this device's
	 * storage, then the relay) on request and never folded into stock. Resolves once synced,
	 * or with what is held after `timeoutMs` (offline).
	 */
	async closedMonthMovements(month: string, timeoutMs = 20_000): Promise<Movement[]> {
		const open = this.openLedger(month);
		await open.local;
		const provider = this.sync?.provider(ledgerDocName(month));
		const reachable = !['offline', 'unauthorized'].includes(this.sync?.status() ?? 'offline');
		if (provider && !provider.synced && reachable) {
			await new Promise<void>((resolve) => {
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
		return readMovements(open.doc).movements;
	}

	/** Open ledgers of months a new close just sealed stay open (and synced) as closed ones. */
	private retireClosedMonths(): void {
		const base = this.baseMonth;
		if (base === null) return;
		for (const [month, open] of this.ledgerDocs) {
			if (month >= base) continue;
			this.ledgerDocs.delete(month);
			this.closedLedgers.set(month, open);
		}
	}

	/** Hands the projector the base month's opening once this device holds it. */
	private refreshBase(): void {
		const projector = this.projector;
		if (!projector) return;
		const base = this.baseMonth;
		if (base === null) return projector.setBase(null, null);
		const open = this.ledgerDocs.get(base);
		const { opening } = open ? readOpening(open.doc, previousMonth(base)) : { opening: null };
		if (opening) projector.setBase(base, opening);
		this.queueCarryForward();
	}

	/** Carries movements that reached held closed months after their close (see period-close). */
	private queueCarryForward(): void {
		if (this.carryQueued || this.closedLedgers.size === 0) return;
		this.carryQueued = true;
		queueMicrotask(() => {
			this.carryQueued = false;
			if (this.closed || !this.isUsable) return;
			const held = new Map([...this.closedLedgers].map(([month, open]) => [month, open.doc]));
			try {
				carryForwardLate(this.context(), held);
			} catch (error) {
				// Not allowed to write ledgers, or the opening has not arrived: another holder
				// (or this one, later) carries them.
				console.warn('stockflow: late movements not carried forward yet', error);
			}
		});
	}

	async close(): Promise<void> {
		if (this.closed) return;
		this.closed = true;
		this.unobserveCatalog();
		this.sync?.destroy();
		await this.ready.catch(() => undefined);
		const opened = [
			...this.sharedDocs.values(),
			...this.ledgerDocs.values(),
			...this.closedLedgers.values()
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
		this.unobserveCatalog = observeCatalog(this.catalog, () => {
			this.catalogDirty = true;
			queueMicrotask(() => this.flushCatalog());
		});
		await this.catalogLocal;
		this.catalogDirty = true;
		this.flushCatalog();
		for (const name of SHARED_DOCS) this.openShared(name);
		this.openLedger(monthOfMs(this.nowMs()));
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
		this.queueCarryForward();
		this.isReady = true;
		this.emit({ kind: 'ready' });
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
		let queued = false;
		doc.on('update', () => {
			if (queued) return;
			queued = true;
			queueMicrotask(() => {
				queued = false;
				this.emit({ kind: 'doc', name });
			});
		});
		const open: OpenDoc = { doc, local: this.openLocal(name, doc) };
		this.sharedDocs.set(name, open);
		return open;
	}

	private openLedger(month: string): OpenDoc {
		const existing = this.ledgerDocs.get(month) ?? this.closedLedgers.get(month);
		if (existing) return existing;
		const name = ledgerDocName(month);
		const doc = new Y.Doc();
		const open: OpenDoc = { doc, local: Promise.resolve(null) };
		const base = this.baseMonth;
		if (base !== null && month < base) {
			// A closed month: synced, never folded; what reaches it late is carried forward.
			this.closedLedgers.set(month, open);
			doc.on('update', () => this.queueCarryForward());
			open.local = this.openLocal(name, doc).then((local) => {
				this.queueCarryForward();
				return local;
			});
			return open;
		}
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
