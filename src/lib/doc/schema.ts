// The schema version stamped into every doc's `meta` map. Bump it only together with a
// migration in migrate.ts and a test (see docs/DATA-MODEL.md).

import type * as Y from 'yjs';
import { StockflowError } from '../domain/errors';

export const SCHEMA_VERSION = 1;

/**
 * The doc was written by a newer version of Stockflow than this one. Reading goes on (unknown
 * fields and event types are ignored or kept), but writing could break the newer shape, so
 * every command refuses it until the app is updated.
 */
export class NewerSchemaError extends StockflowError {
	constructor(
		readonly docName: string,
		readonly found: number
	) {
		super(
			'newer-schema',
			`${docName} has schema version ${found}; this app knows up to ${SCHEMA_VERSION}`,
			{ docName, found, known: SCHEMA_VERSION }
		);
	}
}

/** Throws NewerSchemaError when the doc's schema is newer than this code. Call before writing. */
export function assertWritableSchema(doc: Y.Doc, docName: string): void {
	const found = schemaVersionOf(doc);
	if (found !== null && found > SCHEMA_VERSION) throw new NewerSchemaError(docName, found);
}

export type SchemaKind = 'catalog' | 'ledger';

/**
 * Stamps `meta.schemaVersion` (and `meta.month` for a ledger) when absent. Call inside the
 * writing transaction; two devices stamping concurrently write the same values, so LWW is harmless.
 */
export function ensureSchema(doc: Y.Doc, kind: 'catalog'): void;
export function ensureSchema(doc: Y.Doc, kind: 'ledger', month: string): void;
export function ensureSchema(doc: Y.Doc, kind: SchemaKind, month?: string): void {
	// Commands check before their first transaction (requireWrite); this is the last line.
	assertWritableSchema(doc, kind === 'ledger' && month !== undefined ? `ledger-${month}` : kind);
	const meta = doc.getMap<unknown>('meta');
	if (!meta.has('schemaVersion')) meta.set('schemaVersion', SCHEMA_VERSION);
	switch (kind) {
		case 'catalog':
			return;
		case 'ledger':
			if (month !== undefined && !meta.has('month')) meta.set('month', month);
			return;
		default: {
			const never: never = kind;
			throw new Error(`unknown doc kind ${String(never)}`);
		}
	}
}

/** The doc's schema version, or null when it was never stamped (or holds garbage). */
export function schemaVersionOf(doc: Y.Doc): number | null {
	const v = doc.getMap<unknown>('meta').get('schemaVersion');
	return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : null;
}
