import { describe, expect, it } from 'vitest';
import { stampAt } from '../orders/test-events';
import { DEFAULT_WEIGHTS, rankOffers } from './ranking';
import { nextRfqNumber, rfqEventSchema, type RfqEvent, type RfqLine } from './rfq';
import { foldRfq, lineOffers, quoteEntry, rfqSupplierIds } from './rfq-fold';
import { supplier } from './test-support';

let seq = 0;
function ev(type: RfqEvent['type'], ms: number, payload: unknown, device = 'd1'): RfqEvent {
	seq++;
	return rfqEventSchema.parse({
		id: `r${String(seq).padStart(4, '0')}`,
		at: stampAt(ms, device),
		type,
		by: 'ann',
		device,
		payload
	});
}
const lines: RfqLine[] = [
	{ id: 'l1', itemId: 'box', qty: 100, requisitionId: '' },
	{ id: 'l2', itemId: 'tape', qty: 20, requisitionId: '' }
];
const quote = (ms: number, supplierId: string, priceCents: number, lead = 7, validTo = '') =>
	ev('quote', ms, {
		supplierId,
		quotedOn: '2026-11-02',
		validTo,
		lines: [
			{ lineId: 'l1', unitPriceCents: priceCents, leadTimeDays: lead },
			{ lineId: 'l1', minQty: 500, unitPriceCents: priceCents - 100, leadTimeDays: lead + 7 }
		]
	});
const award = (ms: number, supplierId: string, lineIds: string[], poId: string, device = 'd1') =>
	ev('award', ms, { supplierId, lineIds, poId, poNumber: poId }, device);
const cancel = (ms: number, device = 'd1') =>
	ev('cancel', ms, { reason: 'no longer needed' }, device);

describe('request for quotation fold', () => {
	const table: { name: string; events: RfqEvent[]; status: string; conflicts: number }[] = [
		{ name: 'nothing happened', events: [], status: 'draft', conflicts: 0 },
		{ name: 'sent', events: [ev('send', 1, {})], status: 'sent', conflicts: 0 },
		{
			name: 'a quote arrived',
			events: [ev('send', 1, {}), quote(2, 'a', 1000)],
			status: 'quoted',
			conflicts: 0
		},
		{
			name: 'one line of two awarded: still quoted',
			events: [quote(2, 'a', 1000), award(3, 'a', ['l1'], 'po1')],
			status: 'quoted',
			conflicts: 0
		},
		{
			name: 'every line awarded',
			events: [quote(2, 'a', 1000), award(3, 'a', ['l1'], 'po1'), award(4, 'b', ['l2'], 'po2')],
			status: 'awarded',
			conflicts: 0
		},
		{
			name: 'an award beats a cancel stamped earlier on another device (the PO exists)',
			events: [quote(2, 'a', 1000), cancel(3, 'd2'), award(4, 'a', ['l1', 'l2'], 'po1')],
			status: 'awarded',
			conflicts: 1
		},
		{ name: 'cancelled', events: [cancel(3)], status: 'cancelled', conflicts: 0 },
		{
			name: 'a line awarded twice offline: the earlier award keeps it',
			events: [award(5, 'b', ['l1'], 'po-b', 'd2'), award(4, 'a', ['l1', 'l2'], 'po-a')],
			status: 'awarded',
			conflicts: 1
		}
	];
	for (const row of table)
		it(row.name, () => {
			const fold = foldRfq({ lines, events: row.events });
			expect(fold.status).toBe(row.status);
			expect(fold.conflicts).toHaveLength(row.conflicts);
		});

	it('keeps the earlier award of a line, whatever order the events arrived in', () => {
		const a = award(4, 'a', ['l1', 'l2'], 'po-a');
		const b = award(5, 'b', ['l1'], 'po-b', 'd2');
		for (const events of [
			[a, b],
			[b, a]
		])
			expect(foldRfq({ lines, events }).awards.get('l1')?.poId).toBe('po-a');
	});

	it("a supplier's later quote replaces its earlier one; unasked suppliers who quoted are listed", () => {
		const fold = foldRfq({
			lines,
			events: [quote(3, 'a', 900), quote(2, 'a', 1000), quote(4, 'z', 200)]
		});
		expect(fold.quotes.get('a')?.lines[0]?.unitPriceCents).toBe(900);
		expect(rfqSupplierIds({ supplierIds: ['a', 'b'] }, fold)).toEqual(['a', 'b', 'z']);
	});
});

describe('quotes in the comparison', () => {
	it('a quote becomes a price entry with breaks, the lead time of the break at the asked quantity', () => {
		const fold = foldRfq({ lines, events: [quote(2, 'a', 1000, 5)] });
		const q = fold.quotes.get('a');
		if (!q) throw new Error('quote');
		const priced = quoteEntry('r', { ...lines[0]!, qty: 500 }, q);
		expect(priced?.entry.breaks).toEqual([
			{ minQty: 0, unitPriceCents: 1000 },
			{ minQty: 500, unitPriceCents: 900 }
		]);
		expect(priced?.terms.leadTimeDays).toBe(12);
		expect(quoteEntry('r', { ...lines[0]!, qty: 499 }, q)?.terms.leadTimeDays).toBe(5);
		expect(quoteEntry('r', lines[1]!, q)).toBeNull();
	});

	it('ranks the quotes of one line; an expired quote is listed but not ranked', () => {
		const fold = foldRfq({
			lines,
			events: [quote(2, 'a', 1000, 20), quote(3, 'b', 1050, 3), quote(4, 'c', 500, 3, '2026-11-09')]
		});
		const suppliers = ['a', 'b', 'c'].map((id) =>
			supplier({ id, code: id.toUpperCase(), name: id })
		);
		const offers = lineOffers(
			{ id: 'r' },
			fold,
			lines[0]!,
			suppliers,
			() => ({ onTimeRate: null, qualityRate: null }),
			'2026-11-10'
		);
		const ranking = rankOffers({
			offers,
			neededQty: 100,
			needDate: '2026-11-14',
			today: '2026-11-10',
			weights: DEFAULT_WEIGHTS,
			fxToBase: {}
		});
		// b is 5 % dearer but in time; a arrives 16 days late; c's quote expired yesterday.
		expect(ranking.recommended?.supplierCode).toBe('B');
		expect(ranking.offers.map((o) => [o.supplierCode, o.rank, o.excluded])).toEqual([
			['B', 1, null],
			['A', 2, null],
			['C', null, 'quote-expired']
		]);
	});

	it('the last day of validity still counts', () => {
		const fold = foldRfq({ lines, events: [quote(4, 'c', 500, 3, '2026-11-10')] });
		const [offer] = lineOffers(
			{ id: 'r' },
			fold,
			lines[0]!,
			[supplier({ id: 'c' })],
			() => ({ onTimeRate: null, qualityRate: null }),
			'2026-11-10'
		);
		expect(offer?.expired).toBe(false);
	});
});

describe('RFQ numbers', () => {
	it('continue this device’s sequence for the year', () => {
		expect(nextRfqNumber(['RFQ-2026-AB12-000007', 'RFQ-2025-AB12-000099'], 'AB12', 2026)).toBe(
			'RFQ-2026-AB12-000008'
		);
		expect(nextRfqNumber([], 'AB12', 2026)).toBe('RFQ-2026-AB12-000001');
	});
});
