import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendMovements } from '../doc/ledger-doc';
import { ledgerDocName } from '../doc/names';
import { Projector } from './projector';
import { SCHEMA_META_KEY } from './projection-db';

const LEDGER = ledgerDocName('2026-11');

async function projectOnce(name: string, doc: Y.Doc): Promise<void> {
	const projector = await Projector.open(name);
	projector.attachLedger(LEDGER, doc);
	projector.reconcile(LEDGER);
	await projector.close();
}

describe('stored projection checks', () => {
	it('trust a projection of a month without movements yet (no rebuild, no wait at start)', async () => {
		await projectOnce('checks-1', new Y.Doc());
		const again = await Projector.open('checks-1');
		expect(again.rejectedReason).toBeNull();
		expect(again.covers([LEDGER], null)).toBe(true);
		await again.close();
	});

	it('still reject one that holds movements but lost its schema row', async () => {
		const doc = new Y.Doc();
		doc.transact(() =>
			appendMovements(doc, [
				{
					id: 'm1',
					at: '001763197200000-000000-dev',
					itemId: 'bolt',
					warehouseId: 'main',
					qty: 5,
					reason: 'receipt',
					device: 'dev',
					user: 'amy'
				}
			])
		);
		await projectOnce('checks-2', doc);
		const tampered = await Projector.open('checks-2');
		await tampered.db.meta.delete(SCHEMA_META_KEY);
		await tampered.close();
		const again = await Projector.open('checks-2');
		expect(again.rejectedReason).toBe('no schema row');
		await again.close();
	});
});
