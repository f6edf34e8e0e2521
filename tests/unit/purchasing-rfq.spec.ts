// Request for quotation on one workspace: requisitions → RFQ to two suppliers → one quote typed,
// one imported from the supplier's CSV price list (a bad file imports nothing) → award → draft
// PO at the quoted price with the list price as the planned price, requisitions converted, the
// quote in the price list; and the rights. Two offline devices awarding the same line converge.

import { describe, expect, it } from 'vitest';
import { purchasingView, requirePurchaseOrder } from '../../src/lib/commands/purchasing/read';
import { createRequisitions } from '../../src/lib/commands/purchasing/requisitions';
import {
	awardRfq,
	cancelRfq,
	createRfq,
	readFoldedRfqs,
	recordQuote,
	requireRfq,
	sendRfq
} from '../../src/lib/commands/purchasing/rfq';
import {
	commitRfqQuoteImport,
	previewRfqQuoteImport
} from '../../src/lib/commands/purchasing/rfq-import';
import { createSupplier } from '../../src/lib/commands/purchasing/suppliers';
import { ForbiddenError, InvalidTransitionError } from '../../src/lib/domain/errors';
import { readCsv } from '../../src/lib/domain/tabular/source';
import { ImportBlockedError } from '../../src/lib/domain/tabular/problems';
import { workspaceDocsInMemory } from '../../src/lib/commands/memory-docs';
import * as Y from 'yjs';
import { device, makeWorld } from './purchasing-fixture';

function setup() {
	const w = makeWorld();
	const other = createSupplier(w.ctx, {
		code: 'SUP-2',
		name: '大同包材',
		items: [{ itemId: w.itemA, supplierPartNo: 'DT-BOX', leadTimeDays: 4 }]
	});
	const [req] = createRequisitions(w.ctx, [
		{ itemId: w.itemA, warehouseId: w.warehouseId, qty: 200, needDate: '2026-11-12' }
	]);
	const buyer = device(w.docs, w.clock, 'buyer', 'purchasing');
	const rfq = createRfq(buyer, {
		warehouseId: w.warehouseId,
		needDate: '2026-11-12',
		supplierIds: [w.supplierId, other.id],
		lines: [{ itemId: w.itemA, qty: 200, requisitionId: req!.id }]
	});
	return { w, buyer, rfq, other, req: req! };
}

describe('request for quotation', () => {
	it('requisition → RFQ → typed and imported quotes → award → draft PO at the quoted price', () => {
		const { w, buyer, rfq, other, req } = setup();
		sendRfq(buyer, rfq.id, 'print');
		const lineId = requireRfq(buyer, rfq.id).rfq.lines[0]!.id;
		recordQuote(buyer, rfq.id, {
			supplierId: w.supplierId,
			quotedOn: '2026-11-03',
			lines: [{ lineId, unitPriceCents: 1080, leadTimeDays: 7 }]
		});
		const bad = previewRfqQuoteImport(
			buyer,
			rfq.id,
			other.id,
			readCsv('料號,單價\nDT-BOX,9.80\nTAPE-B,30\n')
		);
		expect(bad.errors.map((e) => [e.row, e.problem])).toEqual([[3, 'notRequested']]);
		expect(() =>
			commitRfqQuoteImport(buyer, rfq.id, { supplierId: other.id, quotedOn: '2026-11-03' }, bad)
		).toThrow(ImportBlockedError);
		expect(requireRfq(buyer, rfq.id).fold.quotes.has(other.id)).toBe(false);
		const good = previewRfqQuoteImport(
			buyer,
			rfq.id,
			other.id,
			readCsv('料號,單價,交期天數\nDT-BOX,9.80,4\n')
		);
		expect(good.errors).toEqual([]);
		commitRfqQuoteImport(
			buyer,
			rfq.id,
			{ supplierId: other.id, quotedOn: '2026-11-03', validTo: '2026-12-31' },
			good
		);
		const folded = requireRfq(buyer, rfq.id).fold;
		expect(folded.status).toBe('quoted');
		expect(folded.quotes.get(other.id)?.source).toBe('import');

		const { poId } = awardRfq(buyer, rfq.id, { supplierId: other.id, orderDate: '2026-11-04' });
		const view = purchasingView(w.ctx);
		const po = requirePurchaseOrder(view, poId);
		// Quoted 9.80; the planned price is SUP-2's list (none) → the item's standard cost 12.00.
		expect(po.po.lines.map((l) => [l.qty, l.unitPriceCents, l.plannedUnitPriceCents])).toEqual([
			[200, 980, 1200]
		]);
		expect(po.po.lines[0]?.promisedDate).toBe('2026-11-12'); // arrives the 8th, needed the 12th
		expect(po.fold.status).toBe('draft');
		expect(view.requisitions.find((r) => r.requisition.id === req.id)?.fold.status).toBe(
			'converted'
		);
		expect(view.priceList.filter((p) => p.supplierId === other.id && p.source === 'quote')).toEqual(
			[
				expect.objectContaining({
					validTo: '2026-12-31',
					breaks: [{ minQty: 0, unitPriceCents: 980 }]
				})
			]
		);
		expect(requireRfq(buyer, rfq.id).fold.status).toBe('awarded');
		expect(() => cancelRfq(buyer, rfq.id, 'late')).toThrow(InvalidTransitionError);
	});

	it('only purchasing and admin write requests and quotes', () => {
		const { w, rfq } = setup();
		const clerk = device(w.docs, w.clock, 'tablet', 'warehouse');
		expect(() =>
			createRfq(clerk, {
				warehouseId: w.warehouseId,
				needDate: '2026-11-12',
				supplierIds: [w.supplierId],
				lines: [{ itemId: w.itemA, qty: 1 }]
			})
		).toThrow(ForbiddenError);
		expect(() => sendRfq(clerk, rfq.id)).toThrow(ForbiddenError);
	});

	it('two offline devices awarding the same line to different suppliers converge on the earlier', () => {
		const { w, rfq, other } = setup();
		const lineId = requireRfq(w.ctx, rfq.id).rfq.lines[0]!.id;
		for (const s of [w.supplierId, other.id])
			recordQuote(w.ctx, rfq.id, {
				supplierId: s,
				quotedOn: '2026-11-03',
				lines: [{ lineId, unitPriceCents: 1000, leadTimeDays: 5 }]
			});
		// A second device with a copy of everything, then both award offline.
		const docs2 = workspaceDocsInMemory();
		const copy = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from));
		copy(w.docs.catalog, docs2.catalog);
		copy(w.docs.shared('orders'), docs2.shared('orders'));
		const tablet = device(docs2, w.clock, 'laptop', 'purchasing', 5_000);
		const a = awardRfq(device(w.docs, w.clock, 'buyer', 'purchasing'), rfq.id, {
			supplierId: w.supplierId,
			orderDate: '2026-11-04'
		});
		awardRfq(tablet, rfq.id, { supplierId: other.id, orderDate: '2026-11-04' });
		copy(docs2.shared('orders'), w.docs.shared('orders'));
		copy(w.docs.shared('orders'), docs2.shared('orders'));
		for (const docs of [w.docs, docs2]) {
			const [r] = readFoldedRfqs({ docs });
			expect(r?.fold.awards.get(lineId)?.poId).toBe(a.poId);
			expect(r?.fold.conflicts).toHaveLength(1);
		}
	});
});
