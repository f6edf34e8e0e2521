// One y-indexeddb persistence per doc, opened so that a corrupt database cannot brick the app.
//
// y-indexeddb's own loader applies stored updates inside a promise chain nobody can catch: a
// bad record becomes an unhandled rejection and `whenSynced` never resolves. So we let it load
// nothing (its read cursor starts past the last key) and load the records ourselves, one by
// one, with the persistence as transaction origin (so nothing is written back). A bad record,
// a missing store or a failed open marks the database corrupt: it is left in place untouched
// (it may hold changes the relay never saw), the doc keeps whatever records did load, and it is
// redirected to a fresh database that the relay then fills.

import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import type { KeyValueStore } from './kv';
import { redirectDocDb, resolveDocDbName } from './db-names';
import { probeDocDb, readUpdateRecords } from './raw-idb';

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
	const probe = await probeDocDb(dbName);
	let persistence: IndexeddbPersistence | null = null;
	let load: LoadResult;
	if (probe.ok) {
		persistence = await attachPersistence(dbName, doc);
		load = await loadRecords(persistence, doc);
	} else {
		load = { ok: false, reason: probe.reason, records: 0 };
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

async function loadRecords(persistence: IndexeddbPersistence, doc: Y.Doc): Promise<LoadResult> {
	const db = persistence.db;
	if (!db) return { ok: false, reason: 'database not open', records: 0 };
	let records: unknown[];
	try {
		records = await readUpdateRecords(db);
	} catch (error) {
		return { ok: false, reason: `read failed: ${String(error)}`, records: 0 };
	}
	let loaded = 0;
	let firstError: string | null = null;
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
	persistence._dbsize = records.length;
	return firstError === null
		? { ok: true, records: loaded }
		: { ok: false, reason: `bad record: ${firstError}`, records: loaded };
}
