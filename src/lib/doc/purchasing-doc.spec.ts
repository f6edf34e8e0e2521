import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Requisition } from '../domain/purchasing/requisition';
import { readRequisitions, writeNewRequisition } from './purchasing-doc';

const AT = '001796600000000-000000-devA';

function requisition(id: string, number: string, createdAt = AT): Requisition {
	return {
		id,
		number,
		itemId: `item-${id}`,
		warehouseId: 'wh-1',
		qty: 5,
		needDate: '2026-12-14',
		supplierId: 'sup-1',
		source: 'reorder',
		note: '',
		createdAt,
		createdBy: 'lin'
	};
}

describe('readRequisitions', () => {
	it('lists a batch in the order it was raised (its numbers), not by its random ids', () => {
		// One batch shares a stamp; the ids run against the numbers, as random ids may.
		const doc = new Y.Doc();
		doc.transact(() => {
			writeNewRequisition(doc, requisition('zzz', 'PR-2026-AB12-000001'));
			writeNewRequisition(doc, requisition('mmm', 'PR-2026-AB12-000002'));
			writeNewRequisition(doc, requisition('aaa', 'PR-2026-AB12-000003'));
		});
		expect(readRequisitions(doc).requisitions.map((r) => r.number)).toEqual([
			'PR-2026-AB12-000001',
			'PR-2026-AB12-000002',
			'PR-2026-AB12-000003'
		]);
	});

	it('puts an earlier stamp first whatever its number, and equal ones by id', () => {
		const doc = new Y.Doc();
		doc.transact(() => {
			writeNewRequisition(
				doc,
				requisition('bbb', 'PR-2026-AB12-000001', AT.replace('devA', 'devB'))
			);
			writeNewRequisition(doc, requisition('ccc', 'PR-2026-CD34-000009'));
			writeNewRequisition(
				doc,
				requisition('aaa', 'PR-2026-AB12-000001', AT.replace('devA', 'devB'))
			);
		});
		expect(readRequisitions(doc).requisitions.map((r) => r.id)).toEqual(['ccc', 'aaa', 'bbb']);
	});
});
