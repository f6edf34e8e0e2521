// The audit trail of master records (異動稽核紀錄): one immutable entry per changed field of an
// item, warehouse, location, customer, supplier or price-list entry, plus its creation, written
// by the command in the same transaction as the change. The relay checks entries like ledger
// movements (schema, append-only, the token's user) and refuses a field change without one.

import { z } from 'zod';
import { isStamp } from '../clock/hlc';

/** Master records whose changes are recorded (RecordKind values of domain/auth/field-rights). */
export const AUDITED_RECORDS = [
	'item',
	'warehouse',
	'location',
	'customer',
	'supplier',
	'priceList'
] as const;
export type AuditedRecord = (typeof AUDITED_RECORDS)[number];

export function isAuditedRecord(value: unknown): value is AuditedRecord {
	return typeof value === 'string' && (AUDITED_RECORDS as readonly string[]).includes(value);
}

/** The catalog doc's map holding each kind of audited record. */
export const AUDITED_MAPS: Readonly<Record<AuditedRecord, string>> = {
	item: 'items',
	warehouse: 'warehouses',
	location: 'locations',
	customer: 'customers',
	supplier: 'suppliers',
	priceList: 'priceLists'
};

/**
 * `create`: the record with its first values (`new`); `change`: one field; `deactivate` /
 * `reactivate`: the `active` field going false / true (shown as such, checked as a change).
 */
export const AUDIT_ACTIONS = ['create', 'change', 'deactivate', 'reactivate'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** A value as a Yjs map stores it: JSON. Absent (`undefined`) means "not set". */
export const auditValueSchema = z.json();

export const auditEntrySchema = z
	.object({
		id: z.string().min(1).max(64),
		at: z.string().refine(isStamp, 'expected an HLC stamp'),
		user: z.string().min(1).max(100),
		device: z.string().min(1).max(100),
		record: z.enum(AUDITED_RECORDS),
		recordId: z.string().min(1).max(64),
		action: z.enum(AUDIT_ACTIONS),
		/** The changed field; a nested entry is `map.key` (a supplier's `items.<itemId>`). */
		field: z.string().min(1).max(200).optional(),
		old: auditValueSchema.optional(),
		new: auditValueSchema.optional(),
		/** The command that wrote it (`updateItem`, `importItems`…), for the reader. */
		command: z.string().max(64).optional()
	})
	.refine((e) => (e.action === 'create') === (e.field === undefined), {
		message: 'a create names no field; every other entry names one',
		path: ['field']
	});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export type AuditValue = z.infer<typeof auditValueSchema>;

/** A record's stored fields, flattened: nested maps' entries as `map.key`. */
export type FlatRecord = Readonly<Record<string, AuditValue | undefined>>;

/** Deep equality of JSON values (key order ignored: devices may write keys in any order). */
export function sameValue(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	if (Array.isArray(a) && Array.isArray(b))
		return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
	const ea = Object.entries(a);
	const mb = new Map(Object.entries(b));
	return ea.length === mb.size && ea.every(([k, v]) => mb.has(k) && sameValue(v, mb.get(k)));
}

export interface AuditMeta {
	/** One id per entry, in order. */
	nextId(): string;
	/** One stamp per entry (the command's clock). */
	at(): string;
	user: string;
	device: string;
	command: string;
}

function actionOf(field: string, after: unknown): AuditAction {
	if (field === 'active' && after === false) return 'deactivate';
	if (field === 'active' && after === true) return 'reactivate';
	return 'change';
}

/**
 * The entries a write produced: `before` null is a creation (one `create` entry holding the
 * new record), otherwise one entry per field whose value differs, sorted by field.
 */
export function auditEntriesFor(
	meta: AuditMeta,
	record: AuditedRecord,
	recordId: string,
	before: FlatRecord | null,
	after: FlatRecord
): AuditEntry[] {
	const base = { user: meta.user, device: meta.device, record, recordId, command: meta.command };
	if (before === null) {
		const created: Record<string, AuditValue> = {};
		for (const [field, value] of Object.entries(after))
			if (value !== undefined) created[field] = value;
		return [{ id: meta.nextId(), at: meta.at(), ...base, action: 'create', new: created }];
	}
	const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
	const entries: AuditEntry[] = [];
	const old = new Map(Object.entries(before));
	const now = new Map(Object.entries(after));
	for (const field of fields) {
		const a = old.get(field);
		const b = now.get(field);
		if (sameValue(a, b)) continue;
		const entry: AuditEntry = {
			id: meta.nextId(),
			at: meta.at(),
			...base,
			action: actionOf(field, b),
			field
		};
		if (a !== undefined) entry.old = a;
		if (b !== undefined) entry.new = b;
		entries.push(entry);
	}
	return entries;
}
