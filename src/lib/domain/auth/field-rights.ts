// Field-level rights, beside the per-document table in roles.ts: which role may write which
// kind of record, which of its fields, and which events of its log. The relay enforces it on
// every update (sync-server/integrity) and commands consult it (commands/access.ts), so a
// screen, a command and the relay give the same answer.

import type { Role } from './roles';

/** Kinds of records a workspace's docs hold; each top-level key of a doc holds one kind. */
export const RECORD_KINDS = [
	'meta',
	'item',
	'warehouse',
	'location',
	'customer',
	'supplier',
	'priceList',
	'purchasingSettings',
	'ledgerMonth',
	'period',
	'movement',
	'opening',
	'salesOrder',
	'transfer',
	'purchaseOrder',
	'requisition',
	'rfq',
	'count',
	'bom',
	'workCenter',
	'workOrder',
	'audit'
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

const ALL_WRITERS: readonly Role[] = [
	'admin',
	'purchasing',
	'production',
	'warehouse',
	'sales',
	'finance'
];
const STOCK_WRITERS: readonly Role[] = ['admin', 'warehouse', 'production'];
const COSTS_AND_PRICES: readonly Role[] = ['admin', 'purchasing', 'finance'];

/** Who may create a record of this kind and write the fields not listed in FIELD_WRITERS. */
const RECORD_WRITERS: Record<RecordKind, readonly Role[]> = {
	// The schema stamp: any role that writes the doc stamps it in its first write.
	meta: ALL_WRITERS,
	item: ['admin', 'purchasing', 'production', 'warehouse'],
	warehouse: ['admin', 'warehouse'],
	location: ['admin', 'warehouse'],
	customer: ['admin', 'sales'],
	supplier: ['admin', 'purchasing'],
	priceList: COSTS_AND_PRICES,
	purchasingSettings: ['admin'],
	// A month's first movement (or a close's opening) registers the month.
	ledgerMonth: [...STOCK_WRITERS, 'finance'],
	period: ['admin', 'finance'],
	movement: STOCK_WRITERS,
	opening: ['admin', 'finance'],
	salesOrder: ['admin', 'sales'],
	transfer: ['admin', 'warehouse'],
	purchaseOrder: ['admin', 'purchasing'],
	requisition: ['admin', 'purchasing', 'production', 'warehouse'],
	rfq: ['admin', 'purchasing'],
	count: ['admin', 'warehouse'],
	bom: ['admin', 'production'],
	workCenter: ['admin', 'production'],
	workOrder: ['admin', 'production'],
	// The audit trail: whoever writes a master record appends its entries (the relay checks
	// each entry against the right to write the field it names: domain/audit, integrity/check).
	audit: ALL_WRITERS
};

/** Fields whose writers differ from their record's. */
const FIELD_WRITERS: Partial<Record<RecordKind, Record<string, readonly Role[]>>> = {
	// Selling prices are set by sales (and the owner), who may not otherwise edit items.
	item: { standardCostCents: COSTS_AND_PRICES, salePriceCents: ['admin', 'sales'] }
};

/**
 * Events a role outside the record's writers may append: the warehouse picks, packs and ships
 * sales orders and receives purchase orders. Types not listed (and types from a newer app)
 * belong to the record's writers.
 */
const EVENT_WRITERS: Partial<Record<RecordKind, Record<string, readonly Role[]>>> = {
	salesOrder: {
		'start-picking': ['admin', 'sales', 'warehouse'],
		pack: ['admin', 'sales', 'warehouse'],
		ship: ['admin', 'sales', 'warehouse'],
		deliver: ['admin', 'sales', 'warehouse'],
		return: ['admin', 'sales', 'warehouse']
	},
	// The warehouse issues material to work orders on the floor.
	workOrder: {
		issue: ['admin', 'production', 'warehouse']
	},
	// Receipts and inspection are the warehouse's (issue 17): purchasing may not record them.
	purchaseOrder: {
		receive: ['admin', 'warehouse'],
		disposition: ['admin', 'purchasing', 'warehouse'],
		'resolve-over-receipt': ['admin', 'purchasing', 'warehouse']
	}
};

export function isRecordKind(value: unknown): value is RecordKind {
	return typeof value === 'string' && (RECORD_KINDS as readonly string[]).includes(value);
}

/** May `role` create records of this kind (and write their ordinary fields)? */
export function canWriteRecord(role: Role, record: RecordKind): boolean {
	return RECORD_WRITERS[record].includes(role);
}

/** May `role` write this field of this kind of record? */
export function canWriteField(role: Role, record: RecordKind, field: string): boolean {
	const special = FIELD_WRITERS[record]?.[field];
	return (special ?? RECORD_WRITERS[record]).includes(role);
}

/** May `role` append an event of this type to this kind of record's log? */
export function canAppendEvent(role: Role, record: RecordKind, type: string): boolean {
	const special = EVENT_WRITERS[record]?.[type];
	return (special ?? RECORD_WRITERS[record]).includes(role);
}

/** The fields of a kind of record whose writers differ from the record's (commands check them). */
export function specialFields(record: RecordKind): readonly string[] {
	return Object.keys(FIELD_WRITERS[record] ?? {});
}

/** The roles that may write a field (for messages and screens). */
export function fieldWriters(record: RecordKind, field: string): readonly Role[] {
	return FIELD_WRITERS[record]?.[field] ?? RECORD_WRITERS[record];
}

/**
 * Fields that name who did something. The relay refuses a value other than the token's user
 * in any of them (an admin excepted: see docs/SERVER.md, "Integrity inside documents").
 */
export const AUTHORSHIP_FIELDS = [
	'user',
	'by',
	'createdBy',
	'closedBy',
	'approvedBy',
	'updatedBy',
	'requestedBy',
	'receivedBy'
] as const;

export function isAuthorshipField(field: string): boolean {
	return (AUTHORSHIP_FIELDS as readonly string[]).includes(field);
}
