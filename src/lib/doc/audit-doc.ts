// The catalog doc's audit trail: `audit`, a root Y.Array of immutable plain entries (append-only
// like a ledger's movements; a root type, so two devices' first entries never compete for a map
// key). Reads parse every entry: a peer may have written anything.

import * as Y from 'yjs';
import {
	AUDITED_MAPS,
	auditEntrySchema,
	auditValueSchema,
	type AuditEntry,
	type AuditValue,
	type AuditedRecord,
	type FlatRecord
} from '../domain/audit/entry';

export const AUDIT = 'audit';

export function auditLog(doc: Y.Doc): Y.Array<unknown> {
	return doc.getArray<unknown>(AUDIT);
}

/** Appends entries (inside the command's transaction, after its writes). */
export function appendAudit(doc: Y.Doc, entries: readonly AuditEntry[]): void {
	if (entries.length === 0) return;
	auditLog(doc).push(entries.map((e) => JSON.parse(JSON.stringify(e)) as unknown));
}

/** A stored field as JSON; a value that is not JSON (a peer may write anything) counts as absent. */
function plain(value: unknown): AuditValue | undefined {
	const json: unknown = value instanceof Y.AbstractType ? value.toJSON() : value;
	const parsed = auditValueSchema.safeParse(json);
	return parsed.success ? parsed.data : undefined;
}

/**
 * A record's stored fields as the audit compares them, or null when it does not exist: nested
 * maps (a supplier's items and qualifications) flatten to `map.key`, so adding one supplied
 * item is one entry, not a copy of the whole list.
 */
export function flatRecord(doc: Y.Doc, record: AuditedRecord, id: string): FlatRecord | null {
	const entity = doc.getMap<unknown>(AUDITED_MAPS[record]).get(id);
	if (!(entity instanceof Y.Map)) return null;
	const flat: Record<string, AuditValue | undefined> = {};
	for (const [field, value] of entity.entries()) {
		if (value instanceof Y.Map)
			for (const [key, nested] of value.entries()) flat[`${field}.${key}`] = plain(nested);
		else flat[field] = plain(value);
	}
	return flat;
}

/** Each raw entry's parse (null: malformed), valid forever: entries are immutable. */
const parsed = new WeakMap<object, AuditEntry | null>();

function parseEntry(raw: unknown): AuditEntry | null {
	if (typeof raw !== 'object' || raw === null) return null;
	let hit = parsed.get(raw);
	if (hit === undefined) {
		const result = auditEntrySchema.safeParse(raw);
		hit = result.success ? result.data : null;
		parsed.set(raw, hit);
	}
	return hit;
}

export interface AuditRead {
	entries: AuditEntry[];
	/** Entries skipped because they failed to parse. */
	invalid: number;
}

/** Every valid entry, in log order (sort by stamp to read them: domain/audit/history). */
export function readAudit(doc: Y.Doc): AuditRead {
	const entries: AuditEntry[] = [];
	let invalid = 0;
	for (const raw of auditLog(doc).toArray()) {
		const entry = parseEntry(raw);
		if (entry) entries.push(entry);
		else invalid++;
	}
	return { entries, invalid };
}

export function observeAudit(doc: Y.Doc, onChange: () => void): () => void {
	const log = auditLog(doc);
	const handler = (): void => onChange();
	log.observe(handler);
	return () => log.unobserve(handler);
}
