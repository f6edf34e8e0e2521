// The request-for-quotation fold: status, each supplier's current quote and each line's award,
// from the event log in clock-stamp order (every device computes the same). Rules:
//   - a later quote of a supplier replaces its earlier one (suppliers revise prices);
//   - an award made a purchase order, so it is a fact: any award overrules every cancel;
//   - a line goes to the earliest award naming it; a later award naming it is a conflict
//     (its draft PO is left for a person to cancel).
// And the offers of one line, shaped for `rankOffers` (the comparison table).

import { compareStamps } from '../clock/hlc';
import { isValidOn, type PriceListEntry } from './price-list';
import type { Offer } from './ranking';
import type { QuotePayload, Rfq, RfqEvent, RfqLine } from './rfq';
import type { SuppliedItem, Supplier } from './supplier';

export const RFQ_STATUSES = ['draft', 'sent', 'quoted', 'awarded', 'cancelled'] as const;
export type RfqStatus = (typeof RFQ_STATUSES)[number];

export interface LineAward {
	supplierId: string;
	poId: string;
	poNumber: string;
}

export interface RfqFold {
	status: RfqStatus;
	sent: boolean;
	/** Supplier id → its current quote. */
	quotes: Map<string, QuotePayload & { at: string }>;
	/** Line id → the award that won it. */
	awards: Map<string, LineAward>;
	conflicts: RfqEvent[];
}

export function foldRfq(rfq: Pick<Rfq, 'lines' | 'events'>): RfqFold {
	const sorted = [...rfq.events].sort(
		(a, b) => compareStamps(a.at, b.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
	);
	const fold: RfqFold = {
		status: 'draft',
		sent: false,
		quotes: new Map(),
		awards: new Map(),
		conflicts: []
	};
	const anyAward = sorted.some((e) => e.type === 'award');
	let cancelled = false;
	for (const e of sorted) {
		switch (e.type) {
			case 'send':
				fold.sent = true;
				break;
			case 'quote':
				fold.quotes.set(e.payload.supplierId, { ...e.payload, at: e.at });
				break;
			case 'award': {
				const taken = e.payload.lineIds.filter((l) => fold.awards.has(l));
				if (taken.length > 0) fold.conflicts.push(e);
				for (const lineId of e.payload.lineIds)
					if (!fold.awards.has(lineId))
						fold.awards.set(lineId, {
							supplierId: e.payload.supplierId,
							poId: e.payload.poId,
							poNumber: e.payload.poNumber
						});
				break;
			}
			case 'cancel':
				if (anyAward || cancelled) fold.conflicts.push(e);
				else cancelled = true;
				break;
		}
	}
	const lineIds = rfq.lines.map((l) => l.id);
	fold.status = cancelled
		? 'cancelled'
		: lineIds.length > 0 && lineIds.every((l) => fold.awards.has(l))
			? 'awarded'
			: fold.quotes.size > 0
				? 'quoted'
				: fold.sent
					? 'sent'
					: 'draft';
	return fold;
}

/** Suppliers on the request: the ones asked, then any that quoted without being asked. */
export function rfqSupplierIds(rfq: Pick<Rfq, 'supplierIds'>, fold: RfqFold): string[] {
	const out = [...rfq.supplierIds];
	for (const s of fold.quotes.keys()) if (!out.includes(s)) out.push(s);
	return out;
}

/** A supplier's quote for one line as a price-list entry (breaks by minimum quantity). */
export function quoteEntry(
	rfqId: string,
	line: RfqLine,
	quote: QuotePayload
): { entry: PriceListEntry; terms: SuppliedItem } | null {
	const rows = quote.lines.filter((q) => q.lineId === line.id).sort((a, b) => a.minQty - b.minQty);
	if (rows.length === 0) return null;
	// The lead time of the break that applies at the requested quantity.
	let applies = rows[0];
	for (const r of rows) if (line.qty + 1e-9 >= r.minQty) applies = r;
	return {
		entry: {
			id: `${rfqId}:${quote.supplierId}:${line.id}`,
			supplierId: quote.supplierId,
			itemId: line.itemId,
			currency: quote.currency,
			validFrom: quote.quotedOn,
			validTo: quote.validTo,
			breaks: rows.map((r) => ({ minQty: r.minQty, unitPriceCents: r.unitPriceCents })),
			landedExtraPct: quote.landedExtraPct,
			source: 'quote',
			note: ''
		},
		terms: {
			itemId: line.itemId,
			supplierPartNo: '',
			leadTimeDays: applies?.leadTimeDays ?? 0,
			moq: Math.max(...rows.map((r) => r.moq)),
			orderMultiple: 0,
			preferred: false
		}
	};
}

export interface SupplierHistory {
	onTimeRate: number | null;
	qualityRate: number | null;
}

/**
 * The offers for one line, ready for `rankOffers`: one per supplier whose current quote prices
 * the line. A quote no longer valid on `today` is marked expired (listed, not ranked).
 */
export function lineOffers(
	rfq: Pick<Rfq, 'id'>,
	fold: RfqFold,
	line: RfqLine,
	suppliers: readonly Supplier[],
	history: (supplierId: string) => SupplierHistory,
	today: string
): Offer[] {
	const out: Offer[] = [];
	for (const [supplierId, quote] of fold.quotes) {
		const supplier = suppliers.find((s) => s.id === supplierId);
		const priced = quoteEntry(rfq.id, line, quote);
		if (!supplier || !priced) continue;
		const h = history(supplierId);
		out.push({
			supplier,
			terms: priced.terms,
			entry: priced.entry,
			onTimeRate: h.onTimeRate,
			qualityRate: h.qualityRate,
			expired: !isValidOn(priced.entry, today)
		});
	}
	return out;
}
