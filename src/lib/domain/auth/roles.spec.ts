import { describe, expect, it } from 'vitest';
import {
	DOC_KINDS,
	ROLES,
	canRead,
	canReadKind,
	canWrite,
	canWriteForClose,
	canWriteKind,
	docKindOf,
	type DocKind,
	type Role
} from './roles';

// The rights table written out by hand: a change to WRITERS must change this table too.
// W = may write, R = read only, C = commands read only, the relay also takes the period close.
const TABLE: Record<Role, Record<DocKind, 'W' | 'R' | 'C'>> = {
	admin: { catalog: 'W', ledger: 'W', orders: 'W', counts: 'W' },
	purchasing: { catalog: 'W', ledger: 'R', orders: 'W', counts: 'R' },
	production: { catalog: 'W', ledger: 'W', orders: 'W', counts: 'R' },
	warehouse: { catalog: 'W', ledger: 'W', orders: 'W', counts: 'W' },
	sales: { catalog: 'W', ledger: 'R', orders: 'W', counts: 'R' },
	finance: { catalog: 'C', ledger: 'C', orders: 'R', counts: 'R' },
	viewer: { catalog: 'R', ledger: 'R', orders: 'R', counts: 'R' }
};

/** A doc name of each kind, several months for the ledger. */
const NAMES: Record<DocKind, readonly string[]> = {
	catalog: ['catalog'],
	ledger: ['ledger-2026-01', 'ledger-1999-12', 'ledger-2030-07'],
	orders: ['orders'],
	counts: ['counts']
};

const CASES = ROLES.flatMap((role) => DOC_KINDS.map((kind) => [role, kind] as const));

describe('rights by doc kind', () => {
	it('the table covers every role and kind', () => {
		expect(Object.keys(TABLE).sort()).toEqual([...ROLES].sort());
		for (const role of ROLES)
			expect(Object.keys(TABLE[role]).sort()).toEqual([...DOC_KINDS].sort());
	});

	it.each(CASES)('%s × %s', (role, kind) => {
		const writes = TABLE[role][kind] === 'W';
		expect(canWriteKind(role, kind)).toBe(writes);
		expect(canReadKind(role, kind)).toBe(true);
		// The doc-name forms (the relay's) agree with the kind forms for every name of the kind,
		// and also take what a period close writes.
		const relayWrites = writes || TABLE[role][kind] === 'C';
		expect(canWriteForClose(role, kind)).toBe(relayWrites);
		for (const name of NAMES[kind]) {
			expect(docKindOf(name)).toBe(kind);
			expect(canWrite(role, name)).toBe(relayWrites);
			expect(canRead(role, name)).toBe(true);
		}
	});

	it.each(ROLES)('%s may neither read nor write a doc that is not a Stockflow doc', (role) => {
		for (const name of ['', 'ledger', 'ledger-2026-13', 'ledger-2026-1', 'catalog2', 'meta']) {
			expect(canRead(role, name)).toBe(false);
			expect(canWrite(role, name)).toBe(false);
		}
	});

	it('an unknown kind or role (wire data) grants nothing', () => {
		expect(canWriteKind('admin', 'transfers' as DocKind)).toBe(false);
		expect(canReadKind('admin', 'transfers' as DocKind)).toBe(false);
		expect(canReadKind('root' as Role, 'catalog')).toBe(false);
		expect(canWriteKind('root' as Role, 'catalog')).toBe(false);
	});
});
