// Roles and their per-document rights. Shared by the relay (enforcement) and the
// client (which screens offer which actions), so both agree by construction.

export const ROLES = [
	'admin',
	'purchasing',
	'production',
	'warehouse',
	'sales',
	'finance',
	'viewer'
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Kinds of Yjs documents in a workspace; a doc name maps to exactly one kind. */
export const DOC_KINDS = ['catalog', 'ledger', 'orders', 'counts'] as const;
export type DocKind = (typeof DOC_KINDS)[number];

const LEDGER_NAME = /^ledger-(\d{4})-(0[1-9]|1[0-2])$/;

/** `catalog` → catalog, `ledger-2026-11` → ledger; anything else is not a Stockflow doc. */
export function docKindOf(docName: string): DocKind | null {
	if (docName === 'catalog' || docName === 'orders' || docName === 'counts') return docName;
	if (LEDGER_NAME.test(docName)) return 'ledger';
	return null;
}

const WRITERS: Record<DocKind, readonly Role[]> = {
	catalog: ['admin', 'purchasing', 'production', 'warehouse', 'sales'],
	ledger: ['admin', 'warehouse', 'production'],
	orders: ['admin', 'sales', 'purchasing', 'production', 'warehouse'],
	counts: ['admin', 'warehouse']
};

export function isDocKind(value: unknown): value is DocKind {
	return typeof value === 'string' && (DOC_KINDS as readonly string[]).includes(value);
}

/** Every role reads every kind of document of its own workspace. */
export function canReadKind(role: Role, kind: DocKind): boolean {
	return isRole(role) && isDocKind(kind);
}

/** Rights are per kind: a role that may write one month's ledger may write every month's. */
export function canWriteKind(role: Role, kind: DocKind): boolean {
	return isDocKind(kind) && WRITERS[kind].includes(role);
}

/** The relay's form: a doc name that is not a Stockflow doc is neither readable nor writable. */
export function canRead(role: Role, docName: string): boolean {
	const kind = docKindOf(docName);
	return kind !== null && canReadKind(role, kind);
}

/**
 * Roles whose writes to a kind the relay accepts only for the period close (the catalog's
 * `periods`, the next month's `opening`; field-level rights narrow them to those keys).
 * Commands and screens keep `canWriteKind`: for them finance writes neither catalog nor ledger,
 * except through `closePeriod`.
 */
const CLOSE_WRITERS: Partial<Record<DocKind, readonly Role[]>> = {
	catalog: ['finance'],
	ledger: ['finance']
};

/** May `role` write what a period close writes to docs of this kind. */
export function canWriteForClose(role: Role, kind: DocKind): boolean {
	return canWriteKind(role, kind) || (CLOSE_WRITERS[kind]?.includes(role) ?? false);
}

export function canWrite(role: Role, docName: string): boolean {
	const kind = docKindOf(docName);
	return kind !== null && canWriteForClose(role, kind);
}

/** The department a role works in by default (the UI's landing page). */
export const DEPARTMENTS = ['warehouse', 'sales', 'purchasing', 'production', 'finance'] as const;
export type Department = (typeof DEPARTMENTS)[number];
