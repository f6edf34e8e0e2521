// Where things live in each kind of Stockflow doc, and what may be written there: a path from
// the doc's root (map keys, `[]` for an array element) names a slot, and the slot says which
// record kind it belongs to, what its value must be (the same zod schemas the client's readers
// parse with: src/lib/doc/**) and whether it may ever be deleted. The table of each kind of doc
// is doc-layouts.ts; docs/DATA-MODEL.md is its prose form.

import type { z } from 'zod';
import type { DocKind } from '../../src/lib/domain/auth/roles';
import type { RecordKind } from '../../src/lib/domain/auth/field-rights';
import { LAYOUTS } from './doc-layouts';

/** The path segment of an array element. */
export const ELEMENT = '[]';

export type ObjectSchema = z.ZodObject;

/**
 * What a value appended to a log is: malformed, or an entry (with its event type, if any, and
 * what its schema parsed it to: the audit rule reads the parsed entry).
 */
export type EntryVerdict = { ok: false } | { ok: true; eventType?: string; parsed?: unknown };
export type EntryCheck = (value: unknown) => EntryVerdict;

export type Slot =
	/** `[collection, id]`: one record, a nested Y.Map; never removed (only deactivated). */
	| { kind: 'entity'; record: RecordKind; schema: ObjectSchema }
	/** `[collection, id, field]`: a plain field of a record (null schema: a field from a newer app). */
	| { kind: 'field'; record: RecordKind; field: string; schema: z.ZodType | null }
	/** `[…, id, list]`: the Y.Array of an append-only list; never replaced or removed. */
	| { kind: 'log'; record: RecordKind; list: string }
	/** `[…, list, []]`: a plain entry of an append-only list; never deleted. */
	| { kind: 'logEntry'; record: RecordKind; list: string; check: EntryCheck }
	/** `[…, id, list]`: an editable list (draft order lines). */
	| { kind: 'list'; record: RecordKind; list: string }
	/** `[…, list, []]`: one line of an editable list, a Y.Map (or a plain object). */
	| { kind: 'listEntry'; record: RecordKind; list: string; schema: ObjectSchema }
	/** `[…, list, [], field]`: a field of a line map. */
	| { kind: 'listField'; record: RecordKind; field: string; schema: z.ZodType | null }
	/** `[…, id, map]`: a keyed Y.Map inside a record (a supplier's items, qualifications). */
	| { kind: 'nested'; record: RecordKind; map: string }
	/** `[…, map, key]`: one plain entry of a nested map. */
	| { kind: 'nestedEntry'; record: RecordKind; schema: z.ZodType }
	/** `[map, key]`: a plain value of a top-level map (meta, periods, opening…). */
	| { kind: 'entry'; record: RecordKind; schema: z.ZodType | null; removable: boolean };

export interface ListSpec {
	appendOnly: boolean;
	/** Append-only lists: checks one plain entry. Editable lists: the line's schema. */
	check?: EntryCheck;
	lineSchema?: ObjectSchema;
}

export interface CollectionSpec {
	record: RecordKind;
	/** The record's own fields (lists and nested maps excluded by name below). */
	schema: ObjectSchema;
	lists?: Record<string, ListSpec>;
	nested?: Record<string, z.ZodType>;
}

export interface EntryMapSpec {
	record: RecordKind;
	/** Schema per key; `'*'` for any key. */
	values: Record<string, z.ZodType | null>;
	removable: boolean;
}

export interface DocLayout {
	collections: Record<string, CollectionSpec>;
	entryMaps: Record<string, EntryMapSpec>;
	logs: Record<string, { record: RecordKind; check: EntryCheck }>;
}

/** The slot a path names in a doc of this kind, or null: nothing may be written there. */
export function slotAt(kind: DocKind, path: readonly string[]): Slot | null {
	const layout = LAYOUTS[kind];
	const [root, key, sub, index, leaf] = path;
	if (root === undefined || key === undefined) return null;
	const log = layout.logs[root];
	if (log)
		return path.length === 2 && key === ELEMENT ? { kind: 'logEntry', ...log, list: root } : null;
	const entries = layout.entryMaps[root];
	if (entries) {
		if (path.length !== 2 || key === ELEMENT) return null;
		const schema = key in entries.values ? entries.values[key] : entries.values['*'];
		if (schema === undefined) return null;
		return { kind: 'entry', record: entries.record, schema, removable: entries.removable };
	}
	const collection = layout.collections[root];
	if (!collection || key === ELEMENT) return null;
	const { record } = collection;
	if (sub === undefined) return { kind: 'entity', record, schema: collection.schema };
	if (sub === ELEMENT) return null;
	const list = collection.lists?.[sub];
	const nested = collection.nested?.[sub];
	if (!list && !nested) {
		if (path.length !== 3) return null;
		const schema = collection.schema.shape[sub] as z.ZodType | undefined;
		return { kind: 'field', record, field: sub, schema: schema ?? null };
	}
	if (nested) {
		if (index === undefined) return { kind: 'nested', record, map: sub };
		if (path.length !== 4 || index === ELEMENT) return null;
		return { kind: 'nestedEntry', record, schema: nested };
	}
	if (!list) return null;
	if (index === undefined)
		return list.appendOnly
			? { kind: 'log', record, list: sub }
			: { kind: 'list', record, list: sub };
	if (index !== ELEMENT) return null;
	if (list.appendOnly)
		return path.length === 4 && list.check
			? { kind: 'logEntry', record, list: sub, check: list.check }
			: null;
	if (!list.lineSchema) return null;
	if (leaf === undefined) return { kind: 'listEntry', record, list: sub, schema: list.lineSchema };
	if (path.length !== 5 || leaf === ELEMENT) return null;
	const schema = list.lineSchema.shape[leaf] as z.ZodType | undefined;
	return { kind: 'listField', record, field: leaf, schema: schema ?? null };
}
