// Folds over the audit trail: one record's history (what its history tab shows, and whether the
// trail reaches back to its creation) and the admin page's filtered list. Order comes from the
// entries' stamps, never from their position in the log; an entry seen twice counts once.

import { compareStamps, stampWallMs } from '../clock/hlc';
import type { AuditEntry, AuditedRecord } from './entry';

/** Newest first by stamp (then id), each id once. */
export function newestFirst(entries: readonly AuditEntry[]): AuditEntry[] {
	const seen = new Set<string>();
	const unique = entries.filter((e) => !seen.has(e.id) && seen.add(e.id) !== null);
	return unique.sort((a, b) => compareStamps(b.at, a.at) || (a.id < b.id ? 1 : -1));
}

/** When the trail starts: the wall time of its earliest entry (null: nothing recorded yet). */
export function trailStartMs(entries: readonly AuditEntry[]): number | null {
	let first: string | null = null;
	for (const e of entries) if (first === null || compareStamps(e.at, first) < 0) first = e.at;
	return first === null ? null : stampWallMs(first);
}

/**
 * How much of a record's life its history covers: `complete` when the trail holds its creation;
 * `since` when the record is older than the trail (created before this version recorded
 * changes): only changes from `sinceMs` on are known; `none`: the workspace has no trail yet.
 */
export type HistoryCoverage =
	{ kind: 'complete' } | { kind: 'since'; sinceMs: number } | { kind: 'none' };

export interface RecordHistory {
	entries: AuditEntry[];
	coverage: HistoryCoverage;
}

export function recordHistory(
	all: readonly AuditEntry[],
	record: AuditedRecord,
	recordId: string
): RecordHistory {
	const entries = newestFirst(all.filter((e) => e.record === record && e.recordId === recordId));
	if (entries.some((e) => e.action === 'create'))
		return { entries, coverage: { kind: 'complete' } };
	const sinceMs = trailStartMs(all);
	return {
		entries,
		coverage: sinceMs === null ? { kind: 'none' } : { kind: 'since', sinceMs }
	};
}

/** The entries about any of `records` (a supplier's price-list entries), newest first. */
export function entriesAbout(
	all: readonly AuditEntry[],
	records: ReadonlyArray<{ record: AuditedRecord; id: string }>
): AuditEntry[] {
	const keys = new Set(records.map((r) => `${r.record}\u0000${r.id}`));
	return newestFirst(all.filter((e) => keys.has(`${e.record}\u0000${e.recordId}`)));
}

export interface AuditFilter {
	record?: AuditedRecord;
	recordId?: string;
	user?: string;
	/** A field name; a nested field (`items.<id>`) matches its map's name (`items`) too. */
	field?: string;
	/** Wall-time bounds, inclusive from, exclusive to (a day picker passes midnights). */
	fromMs?: number;
	toMs?: number;
}

function fieldMatches(entry: AuditEntry, field: string): boolean {
	if (entry.field === undefined) return false;
	return entry.field === field || entry.field.startsWith(`${field}.`);
}

/** The entries a filter selects, newest first. */
export function filterAudit(all: readonly AuditEntry[], filter: AuditFilter): AuditEntry[] {
	return newestFirst(
		all.filter((e) => {
			if (filter.record !== undefined && e.record !== filter.record) return false;
			if (filter.recordId !== undefined && e.recordId !== filter.recordId) return false;
			if (filter.user !== undefined && e.user !== filter.user) return false;
			if (filter.field !== undefined && !fieldMatches(e, filter.field)) return false;
			const ms = stampWallMs(e.at);
			if (filter.fromMs !== undefined && ms < filter.fromMs) return false;
			if (filter.toMs !== undefined && ms >= filter.toMs) return false;
			return true;
		})
	);
}

/** The users and fields that occur, sorted (the filter's choices). */
export function auditFacets(all: readonly AuditEntry[]): { users: string[]; fields: string[] } {
	const users = new Set<string>();
	const fields = new Set<string>();
	for (const e of all) {
		users.add(e.user);
		if (e.field !== undefined) fields.add(e.field.split('.')[0] ?? e.field);
	}
	return { users: [...users].sort(), fields: [...fields].sort() };
}
