import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendMovement } from './ledger-doc';
import { migrateCatalog, migrateLedger } from './migrate';
import { SCHEMA_VERSION, schemaVersionOf } from './schema';

describe('migrations', () => {
	it('stamps version 1 on an unversioned catalog and keeps its data', () => {
		const doc = new Y.Doc();
		doc.getMap('ledgerMonths').set('2025-01', true);
		expect(migrateCatalog(doc)).toEqual({ from: null, to: 1, newer: false });
		expect(schemaVersionOf(doc)).toBe(SCHEMA_VERSION);
		expect(doc.getMap('ledgerMonths').get('2025-01')).toBe(true);
		expect(migrateCatalog(doc)).toEqual({ from: 1, to: 1, newer: false });
	});

	it('stamps version and month on an unversioned ledger', () => {
		const doc = new Y.Doc();
		appendMovement(doc, {
			id: 'a',
			at: '000000000001000-000000-d',
			itemId: 'i',
			warehouseId: 'w',
			qty: 1,
			reason: 'receipt',
			device: 'd',
			user: 'u'
		});
		expect(migrateLedger(doc, '2025-01')).toEqual({ from: null, to: 1, newer: false });
		expect(doc.getMap('meta').toJSON()).toEqual({ schemaVersion: 1, month: '2025-01' });
	});

	it('leaves a doc from a newer schema untouched and says so', () => {
		const doc = new Y.Doc();
		doc.getMap('meta').set('schemaVersion', SCHEMA_VERSION + 1);
		expect(migrateCatalog(doc)).toEqual({
			from: SCHEMA_VERSION + 1,
			to: SCHEMA_VERSION + 1,
			newer: true
		});
		expect(schemaVersionOf(doc)).toBe(SCHEMA_VERSION + 1);
	});
});
