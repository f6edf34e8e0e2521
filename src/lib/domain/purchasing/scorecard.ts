// Supplier scorecard: on-time delivery rate (a line fulfilled by its promised date), quality
// pass rate (accepted / delivered at inspection), price variance against the price list,
// lead-time reliability (average days late) and procurement saving = (planned − actual) /
// planned, with the planned price's sources stated. Per supplier, over a period of order
// dates, with a monthly trend by promised date. Draft and cancelled orders do not count.

import { daysBetween } from './qualification';
import type { PlannedPriceSource, PurchaseOrder } from './purchase-order';
import type { PoFold } from './po-state-machine';

export interface FoldedPo {
	po: PurchaseOrder;
	fold: PoFold;
}

export interface ScorecardPeriod {
	/** Order dates from (inclusive) … */
	from: string;
	/** … to (inclusive). */
	to: string;
	/** Lines whose promised date is before this day are judged even if not yet fulfilled. */
	today: string;
}

export interface MonthScore {
	month: string;
	judged: number;
	onTime: number;
	delivered: number;
	accepted: number;
}

export interface Scorecard {
	supplierId: string;
	orders: number;
	/** Lines fulfilled or past their promised date. */
	judgedLines: number;
	onTimeLines: number;
	/** onTimeLines / judgedLines; null when nothing was judged. */
	onTimeRate: number | null;
	deliveredQty: number;
	acceptedQty: number;
	qualityRate: number | null;
	/** (actual − list) / list over lines priced from the price list; + = paid more. */
	priceVariance: number | null;
	plannedCents: number;
	actualCents: number;
	/** (planned − actual) / planned; null without a planned price. */
	saving: number | null;
	savingSources: PlannedPriceSource[];
	/** Average days late over judged lines (0 = always on time). */
	avgDaysLate: number | null;
	months: MonthScore[];
}

const COUNTED = new Set(['approved', 'sent', 'partially-received', 'received', 'closed']);
const r4 = (x: number): number => Math.round(x * 10_000) / 10_000;

export function supplierScorecard(
	supplierId: string,
	orders: readonly FoldedPo[],
	period: ScorecardPeriod
): Scorecard {
	const card: Scorecard = {
		supplierId,
		orders: 0,
		judgedLines: 0,
		onTimeLines: 0,
		onTimeRate: null,
		deliveredQty: 0,
		acceptedQty: 0,
		qualityRate: null,
		priceVariance: null,
		plannedCents: 0,
		actualCents: 0,
		saving: null,
		savingSources: [],
		avgDaysLate: null,
		months: []
	};
	const months = new Map<string, MonthScore>();
	const sources = new Set<PlannedPriceSource>();
	let listCents = 0;
	let listActualCents = 0;
	let daysLate = 0;
	for (const { po, fold } of orders) {
		if (po.supplierId !== supplierId || !COUNTED.has(fold.status)) continue;
		if (po.orderDate < period.from || po.orderDate > period.to) continue;
		card.orders++;
		for (const line of po.lines) {
			const s = fold.lines.get(line.id);
			if (!s) continue;
			const month = s.promisedDate.slice(0, 7);
			let m = months.get(month);
			if (!m) {
				m = { month, judged: 0, onTime: 0, delivered: 0, accepted: 0 };
				months.set(month, m);
			}
			const judged = s.fulfilledOn !== null || s.promisedDate < period.today;
			if (judged) {
				const onTime = s.fulfilledOn !== null && s.fulfilledOn <= s.promisedDate;
				card.judgedLines++;
				m.judged++;
				if (onTime) {
					card.onTimeLines++;
					m.onTime++;
				}
				daysLate += Math.max(0, daysBetween(s.promisedDate, s.fulfilledOn ?? period.today));
			}
			card.deliveredQty += s.delivered;
			card.acceptedQty += s.accepted;
			m.delivered += s.delivered;
			m.accepted += s.accepted;
			if (line.plannedUnitPriceCents > 0 && line.plannedSource !== 'none') {
				sources.add(line.plannedSource);
				const planned = Math.round(s.ordered * line.plannedUnitPriceCents);
				const actual = Math.round(s.ordered * s.unitPriceCents);
				card.plannedCents += planned;
				card.actualCents += actual;
				if (line.plannedSource === 'price-list') {
					listCents += planned;
					listActualCents += actual;
				}
			}
		}
	}
	if (card.judgedLines > 0) {
		card.onTimeRate = r4(card.onTimeLines / card.judgedLines);
		card.avgDaysLate = r4(daysLate / card.judgedLines);
	}
	if (card.deliveredQty > 0) card.qualityRate = r4(card.acceptedQty / card.deliveredQty);
	if (card.plannedCents > 0)
		card.saving = r4((card.plannedCents - card.actualCents) / card.plannedCents);
	if (listCents > 0) card.priceVariance = r4((listActualCents - listCents) / listCents);
	card.savingSources = [...sources].sort();
	card.months = [...months.values()].sort((a, b) => (a.month < b.month ? -1 : 1));
	return card;
}

/** Procurement saving of a set of lines: (planned − actual) / planned, null when nothing planned. */
export function procurementSaving(plannedCents: number, actualCents: number): number | null {
	return plannedCents > 0 ? r4((plannedCents - actualCents) / plannedCents) : null;
}
