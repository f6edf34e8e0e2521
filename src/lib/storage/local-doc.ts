// One y-indexeddb persistence per doc, opened so that a corrupt database cannot brick the app.
//
// y-indexeddb's own loader applies stored updates inside a promise chain nobody can catch: a
// bad record becomes an unhandled rejection and `whenSynced` never resolves. So we let it load
// nothing (its read cursor starts past the last key) and load the records ourselves, with the
// persistence as transaction origin (so nothing is written back): a worker reads and applies
// them to a copy and hands back that state in chunks (doc-loader.ts), which the main thread
// applies one per task, so a year's orders doc never holds it for more than a few ms at once.
// A bad record, a missing store or a failed open marks the database corrupt: it is left in
// place untouched (it may hold changes the relay never saw), the doc keeps whatever records did
// load, and it is redirected to a fresh database that the relay then fills.

import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import type { KeyValueStore } from './kv';
import { redirectDocDb, resolveDocDbName } from './db-names';
import { monthOfLedgerDoc } from '../doc/names';
import { nextTask, takeLoadTurn } from './load-turns';
import { openDocDb, readUpdateRecords } from './raw-idb';
import { readStoredDoc, type StoredDocRead } from './doc-loader';
import type { TurnPriority } from './load-turns';

export interface CorruptDocReport {
	docName: string;
	dbName: string;
	reason: string;
	/** Records that did load into the doc before it moved to a fresh database. */
	salvagedRecords: number;
	replacementDbName: string;
}

export interface LocalDoc {
	readonly docName: string;
	readonly dbName: string;
	/** The transaction origin of the initial load (observers skip it and reconcile instead). */
	readonly loadOrigin: IndexeddbPersistence;
	readonly recovered: CorruptDocReport | null;
	destroy(): Promise<void>;
}

export interface OpenLocalDocOptions {
	workspace: string;
	docName: string;
	doc: Y.Doc;
	kv: KeyValueStore;
	nowMs?: () => number;
}

type LoadResult = { ok: true; records: number } | { ok: false; reason: string; records: number };

/** Resolves once the doc holds everything stored locally (or what could be salvaged). */
export async function openLocalDoc(options: OpenLocalDocOptions): Promise<LocalDoc> {
	const { workspace, docName, doc, kv } = options;
	const dbName = resolveDocDbName(kv, workspace, docName);
	const opened = await openDocDb(dbName);
	let persistence: IndexeddbPersistence | null = null;
	let load: LoadResult;
	if (opened.ok) {
		// The records are read on the checked connection while y-indexeddb opens its own, and
		// applied once it is open: at open it stores the doc's state, which must still be empty.
		const [stored, attached] = await Promise.all([
			readStored(opened.db),
			attachPersistence(dbName, doc)
		]);
		persistence = attached;
		if (stored.ok) {
			// Ledger months load in the background: the stored projection already shows their
			// stock, and each one takes a sizeable task (to apply, then to connect and reconcile).
			const priority = monthOfLedgerDoc(docName) === null ? 'user-visible' : 'background';
			const applied = await applyChunks(attached, doc, stored.chunks, priority);
			attached._dbsize = stored.stored;
			const reason = stored.error === null ? applied : `bad record: ${stored.error}`;
			load =
				reason === null
					? { ok: true, records: stored.records }
					: { ok: false, reason, records: stored.records };
			if (priority === 'background') await nextTask(priority);
			if (load.ok) void catchUp(attached, doc, stored.lastKey);
		} else {
			load = { ok: false, reason: stored.reason, records: 0 };
		}
	} else {
		load = { ok: false, reason: opened.reason, records: 0 };
	}
	if (load.ok && persistence) {
		return handle(docName, dbName, persistence, null);
	}
	const replacementDbName = redirectDocDb(kv, workspace, docName, (options.nowMs ?? Date.now)());
	const report: CorruptDocReport = {
		docName,
		dbName,
		reason: load.ok ? 'unknown' : load.reason,
		salvagedRecords: load.records,
		replacementDbName
	};
	console.error('stockflow: local database is unreadable; resyncing into a fresh one', report);
	const loadOrigin = persistence;
	if (persistence) await persistence.destroy();
	// The fresh database's first record is the doc's current state (salvaged records included).
	const fresh = await attachPersistence(replacementDbName, doc);
	return handle(docName, replacementDbName, fresh, report, loadOrigin ?? fresh);
}

function handle(
	docName: string,
	dbName: string,
	persistence: IndexeddbPersistence,
	recovered: CorruptDocReport | null,
	loadOrigin: IndexeddbPersistence = persistence
): LocalDoc {
	return {
		docName,
		dbName,
		loadOrigin,
		recovered,
		destroy: () => persistence.destroy()
	};
}

/** A persistence whose own loader reads nothing (see the module comment). */
async function attachPersistence(dbName: string, doc: Y.Doc): Promise<IndexeddbPersistence> {
	const persistence = new IndexeddbPersistence(dbName, doc);
	// Set before its async loader runs: fetch keys ≥ MAX (none); it then moves the cursor to
	// lastKey + 1, so updates added later by another tab are still picked up.
	persistence._dbref = Number.MAX_SAFE_INTEGER;
	await persistence.whenSynced;
	return persistence;
}

async function readStored(db: IDBDatabase): Promise<StoredDocRead> {
	try {
		return await readStoredDoc(db);
	} finally {
		db.close();
	}
}

/**
 * The chunks of the stored state, each in a load turn of its own, queued together so the doc
 * loads without other docs' chunks in between. Returns why one failed to apply, or null.
 */
async function applyChunks(
	persistence: IndexeddbPersistence,
	doc: Y.Doc,
	chunks: Uint8Array[],
	priority: TurnPriority
): Promise<string | null> {
	const turns = chunks.map((chunk) =>
		takeLoadTurn(() => {
			if (persistence._destroyed) return null;
			const applied = applyRecords(persistence, doc, [chunk]);
			return applied.ok ? null : applied.reason;
		}, priority)
	);
	const reasons = await Promise.all(turns);
	return reasons.find((r) => r !== null) ?? null;
}

/**
 * Records another tab stored between our read and y-indexeddb's open: its cursor starts past
 * them, so they are read here (applying an update twice is harmless).
 */
async function catchUp(persistence: IndexeddbPersistence, doc: Y.Doc, afterKey: number) {
	const db = persistence.db;
	if (!db || persistence._destroyed) return;
	try {
		const later = await readUpdateRecords(db, afterKey);
		if (later.values.length === 0 || persistence._destroyed) return;
		persistence._dbsize += later.values.length;
		const applied = applyRecords(persistence, doc, later.values);
		if (!applied.ok) console.error(`stockflow: ${persistence.name}: ${applied.reason}`);
	} catch (error) {
		console.error('stockflow: could not read records stored by another tab', error);
	}
}

function applyRecords(
	persistence: IndexeddbPersistence,
	doc: Y.Doc,
	records: unknown[]
): LoadResult {
	let loaded = 0;
	let firstError: string | null = null;
	// The persistence skips its own origin anyway; detached, Yjs does not encode the whole load
	// as an update event nobody reads (a third of a ledger month's load time).
	doc.off('update', persistence._storeUpdate);
	try {
		Y.transact(
			doc,
			() => {
				for (const record of records) {
					try {
						if (!(record instanceof Uint8Array)) throw new TypeError('record is not a Uint8Array');
						Y.applyUpdate(doc, record);
						loaded++;
					} catch (error) {
						firstError ??= String(error);
					}
				}
			},
			persistence,
			false
		);
	} finally {
		if (!persistence._destroyed) doc.on('update', persistence._storeUpdate);
	}
	return firstError === null
		? { ok: true, records: loaded }
		: { ok: false, reason: `bad record: ${firstError}`, records: loaded };
}
