// Schema migrations. Version 1 is the first schema, so migrating today only stamps version 1
// on docs written before stamping existed. A future change adds a step here with a test.

import type * as Y from 'yjs';
import { SCHEMA_VERSION, ensureSchema, schemaVersionOf } from './schema';

export interface MigrationResult {
	/** Version found in the doc (null: unversioned). */
	from: number | null;
	/** Version after migrating; equals `from` when the doc is newer than this code. */
	to: number;
	/** True when the doc was written by a newer schema this code does not understand. */
	newer: boolean;
}

export const MIGRATION_ORIGIN = { kind: 'migration' } as const;

function migrate(doc: Y.Doc, stamp: () => void): MigrationResult {
	const from = schemaVersionOf(doc);
	if (from !== null && from > SCHEMA_VERSION) return { from, to: from, newer: true };
	if (from === SCHEMA_VERSION) return { from, to: from, newer: false };
	doc.transact(stamp, MIGRATION_ORIGIN);
	return { from, to: SCHEMA_VERSION, newer: false };
}

export function migrateCatalog(doc: Y.Doc): MigrationResult {
	return migrate(doc, () => ensureSchema(doc, 'catalog'));
}

/** `month` ('YYYY-MM') is stamped too when given and absent. */
export function migrateLedger(doc: Y.Doc, month?: string): MigrationResult {
	return migrate(doc, () => {
		if (month === undefined) doc.getMap<unknown>('meta').set('schemaVersion', SCHEMA_VERSION);
		else ensureSchema(doc, 'ledger', month);
	});
}
