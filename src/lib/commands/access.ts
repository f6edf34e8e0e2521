// Shared command plumbing: rights and the catalog/balance views commands validate against.

import type * as Y from 'yjs';
import { canWriteKind, docKindOf, type DocKind } from '../domain/auth/roles';
import {
	canAppendEvent,
	canWriteField,
	canWriteRecord,
	specialFields,
	type RecordKind
} from '../domain/auth/field-rights';
import { ForbiddenError } from '../domain/errors';
import type { Balance } from '../domain/ledger/fold';
import { indexCatalog, type CatalogIndex } from '../domain/ledger/validate';
import { readItems, readLocations, readWarehouses } from '../doc/catalog-doc';
import { monthOfLedgerDoc } from '../doc/names';
import { assertWritableSchema } from '../doc/schema';
import { isSharedDocName, type CommandContext } from './context';
import { ledgerBalances } from './ledger-cache';

/** May the acting role write docs of this kind at all (checked before any work is done). */
export function requireWriteKind(ctx: CommandContext, kind: DocKind): void {
	if (!canWriteKind(ctx.role, kind)) throw new ForbiddenError(ctx.role, `write ${kind}`);
}

/**
 * May the acting role write this doc, and can this app write it: a doc whose schema is newer
 * than this code is refused (NewerSchemaError) before the command's first transaction.
 */
export function requireWrite(ctx: CommandContext, docName: string): void {
	const kind = docKindOf(docName);
	if (kind === null || !canWriteKind(ctx.role, kind))
		throw new ForbiddenError(ctx.role, `write ${docName}`);
	assertWritableSchema(docOf(ctx, docName), docName);
}

/**
 * May the acting role create records of this kind in this doc: the doc's writers narrowed by
 * field-rights' record writers, the same table the relay enforces (so a command refuses exactly
 * what the relay would drop).
 */
export function requireRecordWriter(
	ctx: CommandContext,
	docName: string,
	record: RecordKind
): void {
	requireWrite(ctx, docName);
	if (!canWriteRecord(ctx.role, record)) throw new ForbiddenError(ctx.role, `create ${record}`);
}

/**
 * May the acting role write records of this kind: the relay's field-level table
 * (domain/auth/field-rights.ts), so a command never writes what the relay would refuse.
 */
export function requireRecord(ctx: CommandContext, record: RecordKind): void {
	if (!canWriteRecord(ctx.role, record)) throw new ForbiddenError(ctx.role, `write ${record}`);
}

/**
 * May the acting role write these fields of a record (an update's keys). For a new record pass
 * only the fields that differ from their defaults: a default belongs to the record (the relay
 * lets a warehouse clerk create an item with standard cost 0, not with another cost).
 */
export function requireFields(
	ctx: CommandContext,
	record: RecordKind,
	fields: Iterable<string>
): void {
	for (const field of fields)
		if (!canWriteField(ctx.role, record, field))
			throw new ForbiddenError(ctx.role, `write ${record}.${field}`);
}

/** The fields with their own writers that `values` sets to something other than `defaults`. */
export function changedSpecialFields(
	record: RecordKind,
	values: Readonly<Record<string, unknown>>,
	defaults: Readonly<Record<string, unknown>>
): string[] {
	return specialFields(record).filter(
		(field) => field in values && values[field] !== defaults[field]
	);
}

/** May the acting role append an event of this type to this kind of record's log. */
export function requireEvent(ctx: CommandContext, record: RecordKind, type: string): void {
	if (!canAppendEvent(ctx.role, record, type))
		throw new ForbiddenError(ctx.role, `${type} a ${record}`);
}

function docOf(ctx: CommandContext, docName: string): Y.Doc {
	if (isSharedDocName(docName)) return ctx.docs.shared(docName);
	const month = monthOfLedgerDoc(docName);
	return month === null ? ctx.docs.catalog : ctx.docs.ledger(month);
}

export function catalogIndexOf(ctx: CommandContext): CatalogIndex {
	const doc = ctx.docs.catalog;
	return indexCatalog({
		items: readItems(doc),
		warehouses: readWarehouses(doc),
		locations: readLocations(doc)
	});
}

/** Balances over the opening and every open ledger doc (what this device knows right now). */
export function currentBalances(ctx: CommandContext): Map<string, Balance> {
	return ledgerBalances(ctx);
}
