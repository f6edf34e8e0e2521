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

/** Every role reads every document of its own workspace. */
export function canRead(role: Role, docName: string): boolean {
	return docKindOf(docName) !== null && isRole(role);
}

export function canWrite(role: Role, docName: string): boolean {
	const kind = docKindOf(docName);
	return kind !== null && WRITERS[kind].includes(role);
}

/** The department a role works in by default (the UI's landing page). */
export const DEPARTMENTS = ['warehouse', 'sales', 'purchasing', 'production', 'finance'] as const;
export type Department = (typeof DEPARTMENTS)[number];
