// The engine behind one open workspace, free of Svelte so Node tests can drive it: the docs
// (catalog + one per open ledger month, each with its local persistence and its provider), the
// projector, the sync client and the command context. After a period close only the months
// from the base month on are opened; the base month's opening stands in for the closed ones
// (see closed-months.ts). Docs open through runtime-docs.ts and are held by runtime-ledgers.ts
// and runtime-shared.ts, the sync client is made in runtime-sync.ts, the catalog is read into
// entity arrays by runtime-catalog.ts. The runes wrapper in workspace.svelte.ts turns its
// change notifications into reactive fields.

import * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { CATALOG, ledgerDocName, monthOfLedgerDoc, monthOfMs } from '../doc/names';
import type { Hlc } from '../domain/clock/hlc';
import type { RelayClock, RelayTimeSample } from '../domain/clock/relay-clock';
import { readClosedThrough } from '../doc/period-doc';
import type { Movement } from '../domain/ledger/movement';
import { createIdGenerator } from '../domain/ids';
import type { Item, Location, Warehouse } from '../domain/catalog/entities';
import {
	SHARED_DOCS,
	type CommandContext,
	type IdSource,
	type WorkspaceDocs
} from '../commands/context';
import { projectionDbName } from '../storage/db-names';
import type { LocalDoc } from '../storage/local-doc';
import { Projector } from '../storage/projector';
import { PendingTracker } from '../sync/pending-tracker';
import type { SyncClient } from '../sync/sync-client';
import type { SetAsideCopy } from '../sync/set-aside';
import { RuntimeCatalog, type CatalogRead } from './runtime-catalog';
import { RuntimeLedgers } from './runtime-ledgers';
import { cryptoRandom, deviceId } from './device';
import { mergeStamps } from './stamp-merge';
import { createDeviceTime, type DeviceTime } from './device-time';
import { openLocal, setAsideDoc, type DocHost } from './runtime-docs';
import { RuntimeShared } from './runtime-shared';
import { createSyncClient } from './runtime-sync';
import type { RuntimeEvent, RuntimeOptions } from './runtime-types';

export { CLOCK_MAX_AHEAD_MS } from './device-time';
export type { RuntimeEvent, RuntimeOptions, RuntimeSession } from './runtime-types';

export class WorkspaceRuntime {
	private readonly catalogView = new RuntimeCatalog((read) => this.catalogRead(read));
	readonly catalog = this.catalogView.doc;
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

	private readonly ledgers: RuntimeLedgers;
	private readonly shared: RuntimeShared;
	private readonly projectorReady: Promise<Projector>;
	private catalogLocal: Promise<LocalDoc | null> = Promise.resolve(null);
	private closed = false;
	private readonly nowMs: () => number;
	private readonly time: DeviceTime;
	private readonly docHost: DocHost;

	constructor(private readonly options: RuntimeOptions) {
		const deviceMs = options.nowMs ?? Date.now;
		const namespace = options.storageNamespace ?? options.session.workspace;
		this.time = createDeviceTime({
			kv: options.kv,
			namespace,
			device: deviceId(options.kv),
			deviceMs
		});
		this.relayClock = this.time.relayClock;
		this.clock = this.time.clock;
		this.nowMs = this.time.nowMs;
		// Every stamp seen moves the clock: movements through the projector, the rest here.
		mergeStamps(this.catalog, this.clock);
		this.ids = createIdGenerator({ nowMs: this.nowMs, random: options.random ?? cryptoRandom });
		this.pending = new PendingTracker(options.kv, namespace);
		this.sync = createSyncClient(options, {
			pending: this.pending,
			nowMs: this.nowMs,
			deviceMs,
			emit: (event) => this.emit(event),
			onRelayTime: (sample) => this.onRelayTime(sample)
		});
		this.docHost = {
			storageNamespace: namespace,
			kv: options.kv,
			nowMs: this.nowMs,
			sync: this.sync,
			clock: this.clock,
			user: options.session.user,
			isClosed: () => this.closed,
			emit: (event) => this.emit(event)
		};
		this.shared = new RuntimeShared(this.docHost);
		this.ledgers = new RuntimeLedgers(
			this.docHost,
			() => this.projector,
			() => this.projectorReady,
			() => (this.closed || !this.isUsable ? null : this.context())
		);
		this.docs = {
			catalog: this.catalog,
			shared: (name) => this.shared.get(name).doc,
			ledger: (month) => this.ledgers.get(month).doc,
			ledgers: () => this.ledgers.sorted()
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
		this.catalogView.flush();
	}

	private catalogRead(read: CatalogRead): void {
		this.items = read.items;
		this.warehouses = read.warehouses;
		this.locations = read.locations;
		this.ledgerMonths = read.ledgerMonths;
		this.ledgers.follow(readClosedThrough(this.catalog), this.ledgerMonths);
		this.projector?.setItems(this.items);
		this.emit({ kind: 'catalog' });
	}

	/** The last closed month (null: no period closed); months after it are the open ones. */
	get closedThrough(): string | null {
		return this.ledgers.closedThrough;
	}

	/** The first open month; null when no period is closed. */
	get baseMonth(): string | null {
		return this.ledgers.baseMonth;
	}

	/**
	 * Every movement of a closed month, for history: its ledger is opened (from this device's
	 * storage, then the relay) on request and never folded into stock. Resolves once synced,
	 * or with what is held after `timeoutMs` (offline).
	 */
	closedMonthMovements(month: string, timeoutMs = 20_000): Promise<Movement[]> {
		return this.ledgers.movements(month, timeoutMs);
	}

	/** Sets a refused doc's changes aside and returns their copy (see runtime-docs.ts). */
	setAsideRefused(docName: string): SetAsideCopy {
		const doc = this.openDocNamed(docName);
		if (!doc) throw new Error(`no open doc ${docName}`);
		const { workspace, pending } = this;
		return setAsideDoc(this.docHost, { docName, doc, workspace, pending });
	}

	private openDocNamed(docName: string): Y.Doc | null {
		if (docName === CATALOG) return this.catalog;
		const month = monthOfLedgerDoc(docName);
		const open = month === null ? this.shared.find(docName) : this.ledgers.find(month);
		return open?.doc ?? null;
	}

	async close(): Promise<void> {
		if (this.closed) return;
		this.closed = true;
		this.catalogView.close();
		this.sync?.destroy();
		await this.ready.catch(() => undefined);
		const opened = [...this.shared.all(), ...this.ledgers.all()];
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
		const projector = await Projector.open(projectionDbName(this.docHost.storageNamespace));
		this.projector = projector;
		projector.onChange(({ origin, maxAt }) => {
			if (maxAt !== null && origin === 'remote') this.clock.receive(maxAt);
			this.emit({ kind: 'balances', origin });
		});
		this.ledgers.attachAll(projector);
		return projector;
	}

	private async start(): Promise<void> {
		// The catalog loads while the projection opens; it is read (and ledgers attached) only
		// once both are there, so nothing that arrives in between is missed.
		this.catalogLocal = openLocal(this.docHost, CATALOG, this.catalog);
		await this.projectorReady;
		// Stored records load in chunks over several tasks (local-doc.ts): the catalog is read
		// once it holds all of them, not half-loaded (which could open ledger months a period
		// close has closed). Its provider is added at the end of the load, in the same
		// microtask run as this, so no remote change comes in between.
		await this.catalogLocal;
		this.catalogView.follow();
		for (const name of SHARED_DOCS) this.shared.get(name);
		this.ledgers.get(monthOfMs(this.timeMs()));
		// Closed months with changes the relay has not confirmed: sync them, then carry them.
		for (const entry of this.pending.list()) {
			const month = monthOfLedgerDoc(entry.doc);
			if (month !== null) this.ledgers.get(month);
		}
		const projector = await this.projectorReady;
		const openNames = [...this.ledgers.open.keys()].map(ledgerDocName);
		if (projector.covers(openNames, this.closedThrough)) this.becomeUsable();
		await Promise.all([...this.shared.all(), ...this.ledgers.open.values()].map((d) => d.local));
		// Remote movements that arrived before the stored ids were read are applied by now.
		await projector.loadStoredIds();
		this.becomeUsable();
		this.ledgers.months.queueCarryForward();
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
}
