// The projector keeps the read models current: balances in memory (what the UI reads) and in
// the Dexie projection (what makes a cold start fast and serves history and search queries).
// Ledger docs are followed from when they open (followed-ledger.ts); after a doc's local load
// the projector reconciles it against its stored checkpoint (movement-diff.ts: incremental when
// the checkpoint is an ancestor of the doc, full rebuild otherwise). Applying is idempotent by
// movement id. After a period close the balances start from the base month's opening (folded
// in as synthetic movements, never written as history rows) and closed months are not folded.

import * as Y from 'yjs';
import type { Item } from '../domain/catalog/entities';
import { applyMovement, type Balance } from '../domain/ledger/fold';
import { storedMovementSchema, stockKeyOf, stockKeyString } from '../domain/ledger/movement';
import { compareStamps, type Stamp } from '../domain/clock/hlc';
import { movementsArray } from '../doc/ledger-doc';
import { monthOfLedgerDoc } from '../doc/names';
import { openingMovements, type OpeningBalances } from '../domain/ledger/period';
import { followLedger, type FollowedLedger } from './followed-ledger';
import { ItemSearchRows } from './item-search-rows';
import {
	balancesRow,
	checkpointRow,
	openStoredProjection,
	type Checkpoint,
	type StoredProjection
} from './projection-checks';
import { ProjectedIds, type ChangeOrigin } from './projected-ids';
import { ProjectionDb, SCHEMA_META_KEY } from './projection-db';
import {
	createProjectionWriter,
	type ProjectionWriter,
	type WriteBatch
} from './projection-writer';
import { sinceCheckpoint } from './movement-diff';

export type { ChangeOrigin } from './projected-ids';
export interface ProjectionChange {
	origin: ChangeOrigin;
	/** Latest stamp among the movements just applied (feeds the HLC). */
	maxAt: Stamp | null;
}
export type ReconcileKind = 'unchanged' | 'incremental' | 'whole-doc' | 'rebuild';

export class Projector {
	/** stockKeyString → balance; mutated in place, so readers should copy when publishing. */
	readonly balances = new Map<string, Balance>();
	/** Full rebuilds since open (tests and diagnostics). */
	rebuilds = 0;
	/** Why the stored projection was rejected at open, if it was. */
	readonly rejectedReason: string | null;
	lastError: string | null = null;
	/** How each ledger doc was last reconciled (tests and diagnostics). */
	readonly reconciled = new Map<string, ReconcileKind>();
	/** Ledger docs the stored projection held a checkpoint for when it was opened. */
	readonly storedDocs: ReadonlySet<string>;
	/** The opening folded into the balances: `<closed month>@<stamp>`, '' for none. */
	openingKey: string;
	/** First month whose ledger is folded (null: every month). */
	private baseMonth: string | null = null;
	private opening: OpeningBalances | null = null;

	/** Ids of the movements projected; the stored ones are read after open. */
	private readonly ids: ProjectedIds;
	private readonly counts = new Map<string, number>();
	private checkpoints: Map<string, Checkpoint>;
	private readonly ledgerDocs = new Map<string, FollowedLedger>();
	private readonly dirtyDocs = new Set<string>();
	private readonly touchedKeys = new Set<string>();
	private readonly search: ItemSearchRows;
	private needsRebuild: boolean;
	private readonly listeners = new Set<(change: ProjectionChange) => void>();
	private readonly writer: ProjectionWriter;

	private constructor(
		readonly db: ProjectionDb,
		stored: StoredProjection
	) {
		this.writer = createProjectionWriter(db, (error) => {
			this.lastError = String(error);
			console.error('stockflow: projection write failed (the next open rebuilds it)', error);
		});
		this.ids = new ProjectedIds(db, stored.ok && stored.movementRows > 0, {
			applyWaiting: (waiting) => {
				for (const { docName, values, origin } of waiting)
					this.applyValues(docName, values, origin);
			},
			rebuild: () => this.rebuild(),
			release: () => this.writer.release()
		});
		if (this.ids.pending) this.writer.holdUntil(() => this.ids.load());
		if (stored.ok) {
			this.checkpoints = stored.checkpoints;
			for (const row of stored.balances) {
				const { key, ...balance } = row;
				this.balances.set(key, balance);
			}
			for (const cp of stored.checkpoints.values()) this.counts.set(cp.doc, cp.count);
			this.storedDocs = new Set(stored.checkpoints.keys());
			this.openingKey = stored.opening;
			this.needsRebuild = false;
			this.rejectedReason = null;
		} else {
			this.checkpoints = new Map();
			this.storedDocs = new Set();
			this.openingKey = '';
			this.needsRebuild = true;
			this.rejectedReason = stored.reason;
		}
		this.search = new ItemSearchRows(db, stored.ok, (fill) => {
			fill(this.writer.current());
			this.scheduleWrite();
		});
	}

	/** Opens (creating or repairing) the projection database and validates what it holds. */
	static async open(name: string): Promise<Projector> {
		const { db, stored } = await openStoredProjection(name);
		return new Projector(db, stored);
	}

	/** Reads the stored movement ids (once) and applies what waited for them. */
	loadStoredIds(): Promise<void> {
		return this.ids.load();
	}

	/**
	 * Whether the stored balances already cover every listed ledger doc, so they can be shown
	 * (and stock checked against them) before those docs finish loading.
	 */
	covers(docNames: Iterable<string>, closedThrough: string | null): boolean {
		if (this.rejectedReason !== null) return false;
		if (this.openingKey.split('@')[0] !== (closedThrough ?? '')) return false;
		for (const name of docNames) if (!this.storedDocs.has(name)) return false;
		return true;
	}

	onChange(listener: (change: ProjectionChange) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	/**
	 * Folds balances from `opening` plus the ledgers of `baseMonth` on (null, null: every
	 * ledger, no opening). Ledgers of earlier months are let go. Refolds unless the balances
	 * already start from this opening (the stored projection's, typically).
	 */
	setBase(baseMonth: string | null, opening: OpeningBalances | null): void {
		const key = opening ? `${opening.closedMonth}@${opening.closedAt}` : '';
		const changed = key !== this.openingKey;
		this.baseMonth = baseMonth;
		this.opening = opening;
		for (const [name, ledger] of this.ledgerDocs) {
			if (baseMonth === null || ledger.month >= baseMonth) continue;
			ledger.unfollow();
			this.ledgerDocs.delete(name);
			this.checkpoints.delete(name);
		}
		this.openingKey = key;
		if (changed && !this.needsRebuild) this.rebuild();
	}

	/** Starts following a ledger doc. Its locally stored content is applied by `reconcile`. */
	attachLedger(docName: string, doc: Y.Doc): void {
		const month = monthOfLedgerDoc(docName);
		if (month === null || this.ledgerDocs.has(docName)) return;
		if (this.baseMonth !== null && month < this.baseMonth) return;
		const ledger = followLedger(doc, month, (values, origin) =>
			this.applyValues(docName, values, origin)
		);
		this.ledgerDocs.set(docName, ledger);
	}

	/** Call once the doc holds its locally stored content. */
	reconcile(docName: string): ReconcileKind {
		const kind = this.reconcileDoc(docName);
		this.reconciled.set(docName, kind);
		return kind;
	}

	private reconcileDoc(docName: string): ReconcileKind {
		const ledger = this.ledgerDocs.get(docName);
		if (!ledger) return 'unchanged';
		ledger.loaded = true;
		if (this.needsRebuild) {
			this.rebuild();
			return 'rebuild';
		}
		const cp = this.checkpoints.get(docName);
		this.checkpoints.delete(docName);
		this.dirtyDocs.add(docName);
		if (!cp) {
			this.applyValues(docName, movementsArray(ledger.doc).toArray(), 'remote');
			this.writer.cut();
			return 'whole-doc';
		}
		const values = sinceCheckpoint(ledger.doc, cp);
		if (values === null) {
			this.rebuild();
			return 'rebuild';
		}
		this.applyValues(docName, values, 'remote');
		return values.length === 0 ? 'unchanged' : 'incremental';
	}

	/** Clears every projection and refolds it from the loaded docs. */
	rebuild(): void {
		this.needsRebuild = false;
		this.rebuilds++;
		this.ids.clear();
		this.balances.clear();
		this.counts.clear();
		this.checkpoints = new Map();
		this.touchedKeys.clear();
		const batch = this.writer.current();
		Object.assign(batch, { clearAll: true, movements: [] });
		batch.balances.clear();
		batch.checkpoints.clear();
		batch.itemDeletes.clear();
		this.search.rewriteAll();
		if (this.opening) {
			for (const m of openingMovements(this.opening)) {
				applyMovement(this.balances, m);
				this.touchedKeys.add(stockKeyString(stockKeyOf(m)));
			}
		}
		const names = [...this.ledgerDocs.keys()].sort();
		for (const name of names) {
			const ledger = this.ledgerDocs.get(name);
			// A doc still loading contributes what it holds; its reconcile adds the rest (by id).
			if (!ledger) continue;
			this.dirtyDocs.add(name);
			this.applyValues(name, movementsArray(ledger.doc).toArray(), 'remote');
			// One transaction per month: each is consistent (rows, balances, checkpoint) alone.
			this.scheduleWrite();
			this.writer.cut();
		}
		this.scheduleWrite();
	}

	/** Keeps the item search projection in step with the catalog (in a background task). */
	setItems(items: Item[]): void {
		this.search.update(items);
	}

	/** Resolves once every change so far is in Dexie. */
	async flush(): Promise<void> {
		await this.search.idle();
		return this.writer.idle();
	}

	async close(): Promise<void> {
		await this.flush();
		for (const ledger of this.ledgerDocs.values()) ledger.unfollow();
		this.ledgerDocs.clear();
		this.db.close();
	}

	private applyValues(docName: string, values: unknown[], origin: ChangeOrigin): void {
		const ledger = this.ledgerDocs.get(docName);
		if (!ledger) return;
		// Deduplicating remote movements needs the stored ids: those wait for them, in order. A
		// local command's movements are new by construction and apply at once, so the balances
		// commands check stock against never lag behind this device's own writes.
		if (this.ids.pending && origin === 'remote') {
			if (values.length > 0) this.ids.defer({ docName, values, origin });
			return;
		}
		this.dirtyDocs.add(docName);
		const batch = this.writer.current();
		let maxAt: Stamp | null = null;
		let applied = 0;
		for (const value of values) {
			const parsed = storedMovementSchema.safeParse(value);
			if (!parsed.success) continue; // counted by the doc layer's readers; never projected
			const m = parsed.data;
			if (!this.ids.add(m.id)) continue;
			applyMovement(this.balances, m);
			this.touchedKeys.add(stockKeyString(stockKeyOf(m)));
			batch.movements.push({ ...m, month: ledger.month });
			this.counts.set(docName, (this.counts.get(docName) ?? 0) + 1);
			if (maxAt === null || compareStamps(m.at, maxAt) > 0) maxAt = m.at;
			applied++;
		}
		this.scheduleWrite();
		if (applied > 0) for (const listener of this.listeners) listener({ origin, maxAt });
	}

	private scheduleWrite(): void {
		this.writer.schedule((batch) => this.finalizeBatch(batch));
	}

	/** Runs right before a batch is written: snapshot touched balances and checkpoints. */
	private finalizeBatch(batch: WriteBatch): void {
		for (const key of this.touchedKeys) {
			const balance = this.balances.get(key);
			if (balance) batch.balances.set(key, { ...balance, key });
		}
		const balancesChanged = this.touchedKeys.size > 0 || batch.clearAll;
		this.touchedKeys.clear();
		for (const docName of this.dirtyDocs) {
			const ledger = this.ledgerDocs.get(docName);
			// Only a loaded doc's state is fully projected, so only it may get a checkpoint.
			if (!ledger?.loaded) continue;
			batch.checkpoints.set(
				docName,
				checkpointRow({
					doc: docName,
					stateVector: Y.encodeStateVector(ledger.doc),
					count: this.counts.get(docName) ?? 0,
					arrayLength: movementsArray(ledger.doc).length
				})
			);
		}
		this.dirtyDocs.clear();
		if (balancesChanged)
			batch.checkpoints.set(SCHEMA_META_KEY, balancesRow(this.balances.values(), this.openingKey));
	}
}
