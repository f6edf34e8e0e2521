// The MRP problem and its result: plain data, buckets numbered from 1, one array slot per bucket.
// Quantities are in each item's base unit; rule choices are in docs/DECISIONS.md ("MRP").

export const LOT_SIZING_RULES = ['lot-for-lot', 'fixed', 'min-multiple'] as const;
export type LotSizingRule = (typeof LOT_SIZING_RULES)[number];

export type LotSizing =
	| { rule: 'lot-for-lot' }
	/** Orders whole lots of `qty`: as many as the net requirement needs. */
	| { rule: 'fixed'; qty: number }
	/** At least `min`, rounded up to a multiple of `multiple` when one is given. */
	| { rule: 'min-multiple'; min: number; multiple?: number };

export interface MrpItem {
	id: string;
	onHand: number;
	safetyStock: number;
	/** Whole buckets between releasing an order and receiving it. */
	leadTime: number;
	lotSizing: LotSizing;
}

export interface MrpBomLine {
	parent: string;
	child: string;
	qtyPer: number;
	/** Percent added to the child's requirement for losses: 10 means 10 %. */
	scrapPct: number;
}

export interface MrpDemand {
	itemId: string;
	bucket: number;
	qty: number;
	/** What the demand is (a sales order, a forecast …), carried into pegging. */
	ref?: string;
}

export interface MrpScheduledReceipt {
	itemId: string;
	bucket: number;
	qty: number;
	/** The open purchase or work order, carried into exception messages. */
	ref?: string;
}

export interface MrpProblem {
	buckets: number;
	items: readonly MrpItem[];
	bom: readonly MrpBomLine[];
	demand: readonly MrpDemand[];
	scheduledReceipts: readonly MrpScheduledReceipt[];
}

/** The MRP record of one item: every array has one entry per bucket (index 0 is bucket 1). */
export interface MrpRecord {
	id: string;
	lowLevelCode: number;
	gross: number[];
	scheduledReceipts: number[];
	projectedOnHand: number[];
	net: number[];
	plannedReceipts: number[];
	plannedReleases: number[];
}

/** What a planned order (or part of it) is for. */
export type PegSource =
	/** An independent demand entry, by its position in `problem.demand`. */
	| { kind: 'demand'; index: number; ref?: string }
	/** A parent's planned order, which needs this item as a component. */
	| { kind: 'planned-order'; itemId: string; receiptBucket: number }
	/** Restoring or keeping the safety stock. */
	| { kind: 'safety-stock' };

export interface Peg {
	source: PegSource;
	qty: number;
}

export interface PlannedOrder {
	itemId: string;
	/** Bucket the order must arrive in. */
	receiptBucket: number;
	/** receiptBucket − leadTime; below 1 when the order is past due. */
	releaseBucket: number;
	qty: number;
	pastDue: boolean;
	/** Which demand this order covers, first come first served; lot-size excess is not pegged. */
	pegging: Peg[];
}

export const MRP_EXCEPTION_TYPES = ['past-due', 'expedite', 'defer', 'cancel'] as const;
export type MrpExceptionType = (typeof MRP_EXCEPTION_TYPES)[number];

export type MrpException =
	/** A planned order should have been released `-releaseBucket + 1` buckets ago. */
	| { type: 'past-due'; itemId: string; bucket: number; releaseBucket: number; qty: number }
	/** A scheduled receipt is needed earlier (`toBucket` < `bucket`) or later. */
	| {
			type: 'expedite' | 'defer';
			itemId: string;
			bucket: number;
			toBucket: number;
			qty: number;
			ref?: string;
	  }
	/** A scheduled receipt that no requirement in the horizon needs. */
	| { type: 'cancel'; itemId: string; bucket: number; qty: number; ref?: string };

export interface MrpResult {
	/** In the order of `problem.items`. */
	items: MrpRecord[];
	/** Per item in the order of `problem.items`, then by receipt bucket. */
	plannedOrders: PlannedOrder[];
	/** Per item in the order of `problem.items`, then by bucket. */
	exceptions: MrpException[];
}
