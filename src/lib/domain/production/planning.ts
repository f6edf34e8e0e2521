// Gathering the MRP problem from the workspace and reading the answer back in dates. Pure, so
// the browser's Web Worker and `npx stockflow plan` run the same function on the same snapshot.
// Rules (docs/DECISIONS.md, "MRP gathering"): weekly buckets from this week; independent gross
// requirement per item and week = max(open sales orders, forecast) — orders consume the forecast
// of their week; open work orders' unissued material is dependent demand at their start; open
// POs, open requisitions and open work orders are scheduled receipts; bought items take the
// preferred supplier's lead time (days → whole weeks, at least 1) and MOQ / multiple; made items
// (an effective BOM) take one week and lot-for-lot.

import type { Item } from '../catalog/entities';
import { planMrp } from '../mrp/engine';
import type {
	LotSizing,
	MrpDemand,
	MrpException,
	MrpItem,
	MrpResult,
	MrpScheduledReceipt
} from '../mrp/types';
import { effectiveBoms, mrpBomLines, type Bom } from './bom';
import { bucketOf, bucketStartDate, weekStart } from './calendar';

export interface DatedQty {
	itemId: string;
	/** YYYY-MM-DD */
	date: string;
	qty: number;
	/** The document behind it (SO-…, PO-…, WO-…, a requisition number, 'forecast'). */
	ref: string;
}

export interface ItemSupply {
	itemId: string;
	supplierId: string;
	leadTimeDays: number;
	moq: number;
	orderMultiple: number;
}

export interface PlanningSnapshot {
	today: string;
	items: readonly Pick<Item, 'id' | 'code' | 'name' | 'safetyStock' | 'active'>[];
	boms: readonly Bom[];
	supply: readonly ItemSupply[];
	onHand: readonly { itemId: string; qty: number }[];
	salesDemand: readonly DatedQty[];
	forecast: readonly DatedQty[];
	/** Unissued material of open work orders, at their start dates. */
	materialDemand: readonly DatedQty[];
	receipts: readonly DatedQty[];
}

export type PlannedKind = 'purchase' | 'production';

export interface PlannedOrderView {
	key: string;
	kind: PlannedKind;
	itemId: string;
	qty: number;
	releaseDate: string;
	needDate: string;
	pastDue: boolean;
	supplierId: string;
	/** What the order covers: document refs or parent items, with quantities. */
	pegs: { label: string; qty: number }[];
}

export interface Plan {
	start: string;
	buckets: number;
	bucketStarts: string[];
	result: MrpResult;
	plannedOrders: PlannedOrderView[];
	exceptions: MrpException[];
}

const round = (q: number): number => Math.round(q * 1e6) / 1e6;

function lotSizingOf(supply: ItemSupply | undefined): LotSizing {
	if (!supply || (supply.moq <= 0 && supply.orderMultiple <= 1)) return { rule: 'lot-for-lot' };
	return {
		rule: 'min-multiple',
		min: Math.max(supply.moq, 0),
		...(supply.orderMultiple > 1 ? { multiple: supply.orderMultiple } : {})
	};
}

/** The MRP problem of the snapshot over `buckets` weeks (sales and forecast netted per week). */
export function gatherProblem(snapshot: PlanningSnapshot, buckets: number) {
	const start = weekStart(snapshot.today);
	const made = effectiveBoms(snapshot.boms, snapshot.today);
	const supplyOf = new Map(snapshot.supply.map((s) => [s.itemId, s]));
	const onHand = new Map<string, number>();
	for (const b of snapshot.onHand) onHand.set(b.itemId, round((onHand.get(b.itemId) ?? 0) + b.qty));
	const items: MrpItem[] = snapshot.items
		.filter((i) => i.active || onHand.has(i.id))
		.map((i) => {
			const supply = supplyOf.get(i.id);
			const bought = !made.has(i.id);
			return {
				id: i.id,
				onHand: Math.max(0, onHand.get(i.id) ?? 0),
				safetyStock: i.safetyStock,
				leadTime: bought ? Math.max(1, Math.ceil((supply?.leadTimeDays ?? 7) / 7)) : 1,
				lotSizing: bought ? lotSizingOf(supply) : { rule: 'lot-for-lot' }
			};
		});
	const known = new Set(items.map((i) => i.id));
	const inHorizon = (e: DatedQty): boolean =>
		known.has(e.itemId) && bucketOf(start, e.date) <= buckets;
	const demand: MrpDemand[] = [];
	// Orders consume the forecast of their week: the forecast adds only what orders do not cover.
	const ordered = new Map<string, number>();
	for (const d of snapshot.salesDemand.filter(inHorizon)) {
		const k = `${d.itemId}|${bucketOf(start, d.date)}`;
		ordered.set(k, round((ordered.get(k) ?? 0) + d.qty));
		demand.push({ itemId: d.itemId, bucket: bucketOf(start, d.date), qty: d.qty, ref: d.ref });
	}
	const forecast = new Map<string, number>();
	for (const f of snapshot.forecast.filter(inHorizon)) {
		const k = `${f.itemId}|${bucketOf(start, f.date)}`;
		forecast.set(k, round((forecast.get(k) ?? 0) + f.qty));
	}
	for (const [k, qty] of forecast) {
		const rest = round(qty - (ordered.get(k) ?? 0));
		const [itemId, bucket] = k.split('|');
		if (rest > 0)
			demand.push({ itemId: itemId!, bucket: Number(bucket), qty: rest, ref: 'forecast' });
	}
	for (const d of snapshot.materialDemand.filter(inHorizon))
		demand.push({ itemId: d.itemId, bucket: bucketOf(start, d.date), qty: d.qty, ref: d.ref });
	const scheduledReceipts: MrpScheduledReceipt[] = snapshot.receipts
		.filter(inHorizon)
		.map((r) => ({ itemId: r.itemId, bucket: bucketOf(start, r.date), qty: r.qty, ref: r.ref }));
	const bom = mrpBomLines(snapshot.boms, snapshot.today).filter(
		(l) => known.has(l.parent) && known.has(l.child)
	);
	return { start, made, problem: { buckets, items, bom, demand, scheduledReceipts } };
}

/** Runs the engine on the snapshot and names every planned order in dates and documents. */
export function buildPlan(snapshot: PlanningSnapshot, buckets = 26): Plan {
	const { start, made, problem } = gatherProblem(snapshot, buckets);
	const result = planMrp(problem);
	const supplyOf = new Map(snapshot.supply.map((s) => [s.itemId, s]));
	const plannedOrders = result.plannedOrders.map((o): PlannedOrderView => {
		const releaseBucket = Math.max(1, o.releaseBucket);
		return {
			key: `${o.itemId}|${o.receiptBucket}`,
			kind: made.has(o.itemId) ? 'production' : 'purchase',
			itemId: o.itemId,
			qty: o.qty,
			releaseDate:
				releaseBucket === 1 && o.pastDue ? snapshot.today : bucketStartDate(start, releaseBucket),
			needDate: bucketStartDate(start, o.receiptBucket),
			pastDue: o.pastDue,
			supplierId: made.has(o.itemId) ? '' : (supplyOf.get(o.itemId)?.supplierId ?? ''),
			pegs: o.pegging.map((p) => ({
				qty: p.qty,
				label:
					p.source.kind === 'demand'
						? (p.source.ref ?? 'demand')
						: p.source.kind === 'planned-order'
							? `${p.source.itemId}@${bucketStartDate(start, p.source.receiptBucket)}`
							: 'safety-stock'
			}))
		};
	});
	return {
		start,
		buckets,
		bucketStarts: Array.from({ length: buckets }, (_, i) => bucketStartDate(start, i + 1)),
		result,
		plannedOrders,
		exceptions: result.exceptions
	};
}
