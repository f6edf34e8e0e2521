// Offer ranking for a quotation comparison (比價): each supplier's offer for one item at a
// needed quantity and date, scored on landed unit price, lead time against the need date,
// on-time rate and quality pass rate with visible, adjustable weights. Suppliers that cannot
// get an order approved (blocked, mandatory qualification expired) are listed but not ranked.

import { addDays, daysBetween } from './qualification';
import { expiredMandatory } from './qualification';
import { unitPriceAt, type PriceListEntry } from './price-list';
import { orderQuantity, type SuppliedItem, type Supplier } from './supplier';

export interface RankingWeights {
	price: number;
	leadTime: number;
	onTime: number;
	quality: number;
}

export const DEFAULT_WEIGHTS: RankingWeights = { price: 50, leadTime: 20, onTime: 15, quality: 15 };

/** A supplier with no history scores this on on-time and quality (neither good nor bad). */
export const NO_HISTORY_SCORE = 0.5;
/** Lead-time score falls to zero when the goods would arrive this many days late. */
export const LATE_DAYS_TO_ZERO = 30;

export interface Offer {
	supplier: Supplier;
	terms: SuppliedItem;
	entry: PriceListEntry;
	/** Past performance, 0–1, or null without history. */
	onTimeRate: number | null;
	qualityRate: number | null;
	/** A quote past its validity: listed, not ranked. */
	expired?: boolean;
}

export type OfferNote =
	| 'lowest-price'
	| 'in-time'
	| 'late'
	| 'best-on-time'
	| 'best-quality'
	| 'no-history'
	| 'moq-raises-qty';

export type Exclusion = 'supplier-blocked' | 'qualification-expired' | 'quote-expired';

export interface RankedOffer {
	supplierId: string;
	supplierCode: string;
	supplierName: string;
	/** What would be ordered: the need raised to MOQ and order multiple. */
	orderQty: number;
	unitPriceCents: number;
	/** Total landed cost of orderQty, in base-currency cents. */
	landedTotalCents: number;
	/** Landed cost per needed unit: landedTotal / needed quantity. */
	landedUnitCents: number;
	arrivesOn: string;
	daysLate: number;
	scores: { price: number; leadTime: number; onTime: number; quality: number };
	score: number;
	rank: number | null;
	excluded: Exclusion | null;
	notes: OfferNote[];
}

export interface RankingInput {
	offers: readonly Offer[];
	neededQty: number;
	needDate: string;
	today: string;
	weights: RankingWeights;
	fxToBase: Record<string, number>;
}

export interface Ranking {
	offers: RankedOffer[];
	recommended: RankedOffer | null;
}

const r4 = (x: number): number => Math.round(x * 10_000) / 10_000;

export function rankOffers(input: RankingInput): Ranking {
	const { neededQty, weights } = input;
	const rows: RankedOffer[] = input.offers.map((o) => {
		const orderQty = orderQuantity(neededQty, o.terms);
		const unitPriceCents = unitPriceAt(o.entry, orderQty);
		const fx = input.fxToBase[o.entry.currency] ?? 1;
		const landedTotalCents = Math.round(
			orderQty * unitPriceCents * (1 + o.entry.landedExtraPct / 100) * fx
		);
		const arrivesOn = addDays(input.today, o.terms.leadTimeDays);
		const daysLate = Math.max(0, daysBetween(input.needDate, arrivesOn));
		const excluded: Exclusion | null =
			o.supplier.blocked || !o.supplier.active
				? 'supplier-blocked'
				: expiredMandatory(o.supplier, input.today).length > 0
					? 'qualification-expired'
					: o.expired
						? 'quote-expired'
						: null;
		const notes: OfferNote[] = [daysLate === 0 ? 'in-time' : 'late'];
		if (o.onTimeRate === null || o.qualityRate === null) notes.push('no-history');
		if (orderQty > neededQty + 1e-9) notes.push('moq-raises-qty');
		return {
			supplierId: o.supplier.id,
			supplierCode: o.supplier.code,
			supplierName: o.supplier.name,
			orderQty,
			unitPriceCents,
			landedTotalCents,
			landedUnitCents: neededQty > 0 ? Math.round(landedTotalCents / neededQty) : 0,
			arrivesOn,
			daysLate,
			scores: {
				price: 0,
				leadTime: r4(Math.max(0, 1 - daysLate / LATE_DAYS_TO_ZERO)),
				onTime: o.onTimeRate ?? NO_HISTORY_SCORE,
				quality: o.qualityRate ?? NO_HISTORY_SCORE
			},
			score: 0,
			rank: null,
			excluded,
			notes
		};
	});
	const eligible = rows.filter((r) => r.excluded === null);
	const cheapest = Math.min(...eligible.map((r) => r.landedUnitCents));
	const totalWeight = weights.price + weights.leadTime + weights.onTime + weights.quality;
	for (const r of rows) {
		r.scores.price = r.landedUnitCents > 0 ? r4(Math.min(1, cheapest / r.landedUnitCents)) : 1;
		r.score =
			totalWeight > 0
				? r4(
						(weights.price * r.scores.price +
							weights.leadTime * r.scores.leadTime +
							weights.onTime * r.scores.onTime +
							weights.quality * r.scores.quality) /
							totalWeight
					)
				: 0;
	}
	const bestOnTime = Math.max(...eligible.map((r) => r.scores.onTime));
	const bestQuality = Math.max(...eligible.map((r) => r.scores.quality));
	for (const r of eligible) {
		if (r.landedUnitCents === cheapest) r.notes.unshift('lowest-price');
		if (!r.notes.includes('no-history')) {
			if (r.scores.onTime === bestOnTime) r.notes.push('best-on-time');
			if (r.scores.quality === bestQuality) r.notes.push('best-quality');
		}
	}
	eligible.sort(
		(a, b) =>
			b.score - a.score ||
			a.landedUnitCents - b.landedUnitCents ||
			a.daysLate - b.daysLate ||
			(a.supplierCode < b.supplierCode ? -1 : 1)
	);
	eligible.forEach((r, i) => (r.rank = i + 1));
	const excluded = rows.filter((r) => r.excluded !== null);
	return { offers: [...eligible, ...excluded], recommended: eligible[0] ?? null };
}
