// The schema version stamped into every doc's `meta` map. Bump it only together with a
// migration in migrate.ts and a test (see docs/DATA-MODEL.md).

import type * as Y from 'yjs';

export const SCHEMA_VERSION = 1;

export type SchemaKind = 'catalog' | 'ledger';

/**
 * Stamps `meta.schemaVersion` (and `meta.month` for a ledger) when absent. Call inside the
 * writing transaction; two devices stamping concurrently write the same values, so LWW is harmless.
 */
export function ensureSchema(doc: Y.Doc, kind: 'catalog'): void;
export function ensureSchema(doc: Y.Doc, kind: 'ledger', month: string): void;
export function ensureSchema(doc: Y.Doc, kind: SchemaKind, month?: string): void {
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
