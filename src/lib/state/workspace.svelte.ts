// The reactive view of the open workspace that pages bind to. Local changes publish in the
// same tick (a receipt shows at once); remote bursts are coalesced to one publish per frame,
// and summaries derive from the published arrays, so 100k movements never refold per update.

import { heldLocationIds } from '../domain/catalog/quarantine';
import type { Item, Location, Warehouse } from '../domain/catalog/entities';
import type { DocKind, Role } from '../domain/auth/roles';
import { canWriteKind } from '../domain/auth/roles';
import { canWriteField, canWriteRecord, type RecordKind } from '../domain/auth/field-rights';
import { StockflowError } from '../domain/errors';
import type { Balance } from '../domain/ledger/fold';
import type { Movement, MovementReason } from '../domain/ledger/movement';
import {
	summarizeByItem,
	summarizeByWarehouse,
	type ItemStock,
	type WarehouseStock
} from '../domain/ledger/summary';
import type { CommandContext } from '../commands/context';
import { browserKeyValueStore } from '../storage/kv';
import { searchItemsInMemory } from '../storage/item-search';
import { queryMovements } from '../storage/movement-history';
import { requestPersistentStorage } from '../storage/persist-request';
import { syncServerUrl, wsOriginOf } from '../sync/ws-url';
import { checkToken } from '../sync/token-check';
import { connection } from './connection.svelte';
import { defaultDeviceName } from './device-name';
import { bindPresence, setPresenceOffset, unbindPresence } from './presence.svelte';
import { storageState } from './storage.svelte';
import type { Session } from './jwt-claims';
import { indexById } from './index-by-id';
import { markBoot } from './boot-marks';
import { restoreSession, session as signedIn } from './session.svelte';
import { WorkspaceRuntime, type RuntimeEvent, type RuntimeOptions } from './workspace-runtime';

export type RunResult<T> = { ok: true; value: T } | { ok: false; error: StockflowError };

function nextFrame(fn: () => void): void {
	if (typeof requestAnimationFrame === 'function') requestAnimationFrame(fn);
	else setTimeout(fn, 16);
}

export class WorkspaceState {
	/** The catalog and trustworthy balances are loaded: pages can render and commands run. */
	ready = $state(false);
	/** Every local ledger doc is loaded and reconciled too (history of all months is complete). */
	settled = $state(false);
	items: Item[] = $state.raw([]);
	warehouses: Warehouse[] = $state.raw([]);
	locations: Location[] = $state.raw([]);
	balances: Balance[] = $state.raw([]);
	ledgerMonths: string[] = $state.raw([]);
	/** Bumped on every change of the `orders` / `counts` docs; page view models derive from it. */
	docRevision = $state({ orders: 0, counts: 0 });
	/**
	 * Bumped on every catalog change, including the ones no entity list shows (the finance
	 * settings' account codes and valuation method live in the catalog's `periods` map).
	 */
	catalogRevision = $state(0);
	stock: ItemStock[] = $derived(summarizeByItem(this.items, this.balances));
	warehouseSummary: WarehouseStock[] = $derived(
		summarizeByWarehouse(this.warehouses, this.items, this.balances)
	);
	/** Quarantine bins: their stock is on hand but not available to promise (buildBoard). */
	heldLocations: ReadonlySet<string> = $derived(heldLocationIds(this.locations));

	readonly session: Session;
	readonly runtime: WorkspaceRuntime;
	private itemIndex = $derived(indexById(this.items));
	private warehouseIndex = $derived(indexById(this.warehouses));
	private locationIndex = $derived(indexById(this.locations));
	private framePending = false;
	private readonly detachWindow: () => void;

	constructor(session: Session, overrides: Partial<RuntimeOptions> = {}) {
		this.session = session;
		const serverUrl =
			typeof location !== 'undefined'
				? syncServerUrl(wsOriginOf(location), session.workspace)
				: null;
		const isBrowserOnline = (): boolean =>
			typeof navigator === 'undefined' || navigator.onLine !== false;
		this.runtime = new WorkspaceRuntime({
			session,
			kv: browserKeyValueStore(),
			serverUrl,
			isBrowserOnline,
			checkToken: () => checkToken(location.origin, session.token),
			onEvent: (event) => this.onEvent(event),
			...overrides
		});
		this.detachWindow = this.watchBrowserOnline();
		void requestPersistentStorage().then((granted) => (storageState.persisted = granted));
		void this.runtime.usable.then(() => {
			markBoot('usable');
			storageState.projectionRejected = this.runtime.projector?.rejectedReason ?? null;
			this.publishBalances();
			this.ready = true;
		});
		void this.runtime.ready.then(() => {
			markBoot('ready');
			this.publishBalances();
			this.settled = true;
		});
	}

	item(id: string): Item | undefined {
		return this.itemIndex.get(id);
	}

	warehouse(id: string): Warehouse | undefined {
		return this.warehouseIndex.get(id);
	}

	location(id: string): Location | undefined {
		return this.locationIndex.get(id);
	}

	locationsOf(warehouseId: string): Location[] {
		return this.locations.filter((l) => l.warehouseId === warehouseId);
	}

	/** Synchronous, over the in-memory catalog (same matching as the Dexie search index). */
	searchItems(text: string, limit = 50): Item[] {
		return searchItemsInMemory(this.items, text, limit);
	}

	/** Newest first, from the Dexie movement projection (waits for pending projection writes). */
	async movements(query: {
		itemId?: string;
		warehouseId?: string;
		reason?: MovementReason;
		limit: number;
		beforeAt?: string;
	}): Promise<Movement[]> {
		await this.runtime.usable;
		const projector = this.runtime.projector;
		if (!projector) return [];
		await projector.flush();
		return queryMovements(projector.db, query);
	}

	canWrite(kind: DocKind): boolean {
		return canWriteKind(this.session.role, kind);
	}

	/** May this role write records of this kind (the relay's field-level table, beside the doc's)? */
	canWriteRecord(record: RecordKind): boolean {
		return canWriteRecord(this.session.role, record);
	}

	/** May this role write this field of this kind of record (e.g. an item's standard cost)? */
	canWriteField(record: RecordKind, field: string): boolean {
		return canWriteField(this.session.role, record, field);
	}

	get role(): Role {
		return this.session.role;
	}

	run<T>(command: (ctx: CommandContext) => T): RunResult<T> {
		try {
			const value = command(this.runtime.context());
			this.runtime.flushCatalog();
			return { ok: true, value };
		} catch (error) {
			if (error instanceof StockflowError) return { ok: false, error };
			throw error;
		}
	}

	async close(): Promise<void> {
		this.detachWindow();
		unbindPresence();
		await this.runtime.close();
	}

	private onEvent(event: RuntimeEvent): void {
		switch (event.kind) {
			case 'catalog':
				markBoot('catalog');
				this.catalogRevision += 1;
				this.items = this.runtime.items;
				this.warehouses = this.runtime.warehouses;
				this.locations = this.runtime.locations;
				this.ledgerMonths = this.runtime.ledgerMonths;
				return;
			case 'doc':
				this.docRevision[event.name] += 1;
				return;
			case 'balances':
				if (event.origin === 'local') this.publishBalances();
				else this.scheduleBalances();
				return;
			case 'connection':
				this.publishConnection();
				return;
			case 'usable':
			case 'ready':
				return;
			case 'corrupt-doc':
				storageState.corruptDocs = [...storageState.corruptDocs, event.report];
				return;
			default: {
				const never: never = event;
				throw new Error(`unhandled runtime event ${JSON.stringify(never)}`);
			}
		}
	}

	private publishBalances(): void {
		const projector = this.runtime.projector;
		if (!projector) return;
		this.balances = Array.from(projector.balances.values(), (b) => ({ ...b }));
		storageState.projectionError = projector.lastError;
	}

	private scheduleBalances(): void {
		if (this.framePending) return;
		this.framePending = true;
		nextFrame(() => {
			this.framePending = false;
			this.publishBalances();
		});
	}

	private presenceBound = false;

	/** Who others see online: the user, and this device's clock id with its sign-in name. */
	private presenceIdentity() {
		return {
			user: this.session.user,
			role: this.session.role,
			device: this.runtime.clock.device,
			deviceName: this.session.device?.name ?? defaultDeviceName(this.session.role),
			clockOffsetMs: this.runtime.relayClock.offsetMs()
		};
	}

	private publishConnection(): void {
		const sync = this.runtime.sync;
		connection.status = sync ? sync.status() : 'offline';
		connection.pending = this.runtime.pending.count;
		connection.lastConfirmedAt = sync?.lastConfirmedAt ?? null;
		const refusals = sync?.refusals() ?? [];
		// Each publish would otherwise hand every reader a new array (the banner re-renders).
		if (JSON.stringify(refusals) !== JSON.stringify(connection.refusals))
			connection.refusals = refusals;
		const awareness = this.runtime.awareness();
		if (!this.presenceBound && awareness) {
			this.presenceBound = true;
			bindPresence(this.presenceIdentity(), awareness);
		}
		setPresenceOffset(this.runtime.relayClock.offsetMs());
	}

	private watchBrowserOnline(): () => void {
		bindPresence(this.presenceIdentity(), null);
		if (typeof window === 'undefined') return () => {};
		const onOnline = (): void => {
			this.runtime.sync?.connect();
			this.publishConnection();
		};
		const onOffline = (): void => this.publishConnection();
		window.addEventListener('online', onOnline);
		window.addEventListener('offline', onOffline);
		return () => {
			window.removeEventListener('online', onOnline);
			window.removeEventListener('offline', onOffline);
		};
	}
}

let current: WorkspaceState | null = null;

/** Opens the session's workspace (idempotent: the same session gets the same state). */
export function openWorkspace(session: Session): WorkspaceState {
	if (current && current.session.token === session.token) return current;
	if (current) void current.close();
	markBoot('workspace');
	current = new WorkspaceState(session);
	return current;
}

/** Opens the stored session's workspace, if someone is signed in (at app start, see hooks.client). */
export function openSignedInWorkspace(): WorkspaceState | null {
	const stored = signedIn.current ?? restoreSession();
	return stored ? openWorkspace(stored) : null;
}

export function getWorkspace(): WorkspaceState | null {
	return current;
}

/** Closes the open workspace (sign-out). */
export async function closeWorkspace(): Promise<void> {
	const ws = current;
	current = null;
	await ws?.close();
}
