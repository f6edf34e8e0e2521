// The demo's purchase-order history: each PO the simulation placed, rebuilt around the ledger
// receipt the simulation wrote (approve, send and receive events naming that movement), and
// the orders still on their way. Written straight into the orders doc in one transaction each
// (an import: the receipts are already in the ledger, so no command may write them again).

import { formatStamp } from '../domain/clock/hlc';
import { parseOrThrow } from '../domain/parse';
import type { Prng } from '../domain/random/prng';
import { applicableEntry, unitPriceAt } from '../domain/purchasing/price-list';
import {
	poEventSchema,
	poHeaderSchema,
	poLineSchema,
	type PoEvent
} from '../domain/purchasing/purchase-order';
import { addDays } from '../domain/purchasing/qualification';
import type { CommandContext, WorkspaceDocs } from '../commands/context';
import { readMovements } from '../doc/ledger-doc';
import { ensureOrdersSchema } from '../doc/orders-doc';
import { appendPoEvent, purchaseOrderMap, writeNewPurchaseOrder } from '../doc/purchasing-doc';
import { readPriceList } from '../doc/suppliers-doc';
import type { Sku } from './skus';

const DAY_MS = 86_400_000;
export const DEVICE = 'demo.buyer';
const stampOf = (ms: number, counter: number) =>
	formatStamp({ wallMs: ms, counter, device: DEVICE });
/** `PO-260114-003` → 2026-01-14 (the simulation's numbers carry the order day). */
const dateOfRef = (ref: string): string =>
	`20${ref.slice(3, 5)}-${ref.slice(5, 7)}-${ref.slice(7, 9)}`;
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export interface PendingPo {
	arriveDay: number;
	sku: Sku;
	qty: number;
	po: string;
}

export interface PendingOptions {
	/** Receiving warehouse of the simulation's purchase orders. */
	mainWarehouseId: string;
	/** Orders placed by the simulation that have not arrived yet. */
	pending: readonly PendingPo[];
}

/** The year's received POs, rebuilt around the ledger receipts the simulation wrote. */
export function importHistory(
	docs: WorkspaceDocs,
	ctx: CommandContext,
	prng: Prng,
	bySkuId: Map<string, Sku>,
	supplierOf: Map<string, string>
): number {
	const receipts = docs
		.ledgers()
		.flatMap((d) => readMovements(d).movements)
		.filter((mv) => mv.reason === 'receipt' && /^PO-\d{6}-/.test(mv.ref ?? ''))
		.sort((a, b) => (a.at < b.at ? -1 : 1));
	const catalogPrices = readPriceList(docs.catalog);
	const doc = docs.shared('orders');
	let count = 0;
	doc.transact(
		() => {
			ensureOrdersSchema(doc);
			for (const mv of receipts) {
				const sku = bySkuId.get(mv.itemId);
				const supplierId = sku && supplierOf.get(sku.family.supplier);
				const ref = mv.ref ?? '';
				if (!sku || !supplierId) continue;
				const orderDate = dateOfRef(ref);
				const orderMs = Date.parse(`${orderDate}T01:00:00Z`);
				const receivedOn = new Date(Number(mv.at.slice(0, 15))).toISOString().slice(0, 10);
				// Most suppliers keep their promise; some lines were promised a few days earlier.
				const promisedDate = prng.chance(0.14) ? addDays(receivedOn, -prng.int(1, 4)) : receivedOn;
				const entry = applicableEntry(catalogPrices, supplierId, sku.id, orderDate);
				const planned = entry ? unitPriceAt(entry, mv.qty) : (sku.input.standardCostCents ?? 0);
				// The receipts' ref: the books match a receipt to its PO (and its supplier invoice) by it.
				const number = ref;
				const id = ctx.ids.next();
				const header = parseOrThrow(poHeaderSchema, {
					id,
					number,
					supplierId,
					warehouseId: mv.warehouseId,
					orderDate,
					createdAt: stampOf(orderMs, 0),
					createdBy: 'demo'
				});
				const line = parseOrThrow(poLineSchema, {
					id: `${id}-1`,
					itemId: sku.id,
					qty: mv.qty,
					unitPriceCents: mv.unitCostCents ?? planned,
					promisedDate,
					plannedUnitPriceCents: planned,
					plannedSource: entry ? 'price-list' : 'standard-cost'
				});
				writeNewPurchaseOrder(doc, header, [line]);
				const map = purchaseOrderMap(doc, id);
				if (!map) continue;
				const rejected = prng.chance(0.06)
					? Math.max(1, Math.round((mv.qty * prng.int(2, 8)) / 100))
					: 0;
				const events: unknown[] = [
					{
						type: 'approve',
						at: stampOf(orderMs, 1),
						payload: { amountCents: Math.round(mv.qty * line.unitPriceCents), role: 'admin' }
					},
					{ type: 'send', at: stampOf(orderMs + 60_000, 2), payload: { channel: 'e-mail' } },
					{
						type: 'receive',
						at: mv.at,
						payload: {
							receivedOn,
							lines: [
								{
									lineId: line.id,
									accepted: mv.qty - rejected,
									rejected,
									rejectReason: rejected ? prng.pick(['damaged', 'spec'] as const) : undefined,
									lot: mv.lot ?? '',
									expiry: mv.expiry ?? '',
									locationId: mv.locationId ?? '',
									movementIds: [mv.id]
								}
							]
						}
					}
				];
				if (rejected)
					events.push({
						type: 'disposition',
						at: stampOf(Number(mv.at.slice(0, 15)) + 1, 3),
						payload: { lineId: line.id, kind: 'concession', qty: rejected }
					});
				let receiptId = '';
				for (const e of events) {
					const event: PoEvent = parseOrThrow(poEventSchema, {
						id: ctx.ids.next(),
						by: 'demo',
						device: DEVICE,
						...(e as object)
					});
					if (event.type === 'receive') receiptId = event.id;
					appendPoEvent(map, event);
				}
				// Every fifth delivery came with a freight bill: 1.5 % of the goods (at least NT$1),
				// spread by value over the receipt (landed costs, issue 19). No random draw, so the
				// rest of the history is what it was.
				const goodsCents = Math.round((mv.qty - rejected) * line.unitPriceCents);
				if (count % 5 === 0 && receiptId && goodsCents > 0)
					appendPoEvent(
						map,
						parseOrThrow(poEventSchema, {
							id: ctx.ids.next(),
							by: 'demo',
							device: DEVICE,
							type: 'charge',
							at: stampOf(Number(mv.at.slice(0, 15)) + 2, 4),
							payload: {
								receiptEventId: receiptId,
								kind: 'freight',
								amountCents: Math.max(100, Math.round(goodsCents * 0.015)),
								basis: 'value',
								movementIds: [mv.id],
								note: '貨運'
							}
						})
					);
				count++;
			}
		},
		{ kind: 'command', command: 'seedDemoPurchasing', user: 'demo', device: DEVICE }
	);
	return count;
}

/**
 * The orders the simulation placed that are still on their way, written like the history
 * (one transaction; a command per order would re-read every PO each time): approved and sent,
 * the newest two left as drafts and the two before them approved but not yet sent. Every fifth
 * was promised three days before it will arrive, so the overview has late orders.
 */
export function placePending(
	docs: WorkspaceDocs,
	ctx: CommandContext,
	opts: PendingOptions,
	supplierOf: Map<string, string>
): number {
	const doc = docs.shared('orders');
	const catalogPrices = readPriceList(docs.catalog);
	const sorted = [...opts.pending].sort((a, b) => (a.po < b.po ? -1 : 1));
	let n = 0;
	doc.transact(
		() => {
			ensureOrdersSchema(doc);
			sorted.forEach((p, i) => {
				const supplierId = supplierOf.get(p.sku.family.supplier);
				if (!supplierId) return;
				const orderDate = dateOfRef(p.po);
				const orderMs = Date.parse(`${orderDate}T02:00:00Z`) + i * 1000;
				const entry = applicableEntry(catalogPrices, supplierId, p.sku.id, orderDate);
				const price = entry ? unitPriceAt(entry, p.qty) : (p.sku.input.standardCostCents ?? 0);
				const id = ctx.ids.next();
				writeNewPurchaseOrder(
					doc,
					parseOrThrow(poHeaderSchema, {
						id,
						number: p.po,
						supplierId,
						warehouseId: opts.mainWarehouseId,
						orderDate,
						createdAt: stampOf(orderMs, 0),
						createdBy: 'demo'
					}),
					[
						parseOrThrow(poLineSchema, {
							id: `${id}-1`,
							itemId: p.sku.id,
							qty: p.qty,
							unitPriceCents: price,
							promisedDate: isoDay(p.arriveDay - (i % 5 === 0 ? 3 * DAY_MS : 0)),
							plannedUnitPriceCents: price,
							plannedSource: entry ? 'price-list' : 'standard-cost'
						})
					]
				);
				const map = purchaseOrderMap(doc, id);
				n++;
				if (!map || i >= sorted.length - 2) return;
				const events: unknown[] = [
					{
						type: 'approve',
						at: stampOf(orderMs, 1),
						payload: { amountCents: Math.round(p.qty * price), role: 'admin' }
					}
				];
				if (i < sorted.length - 4)
					events.push({
						type: 'send',
						at: stampOf(orderMs + 60_000, 2),
						payload: { channel: 'e-mail' }
					});
				for (const e of events)
					appendPoEvent(
						map,
						parseOrThrow(poEventSchema, {
							id: ctx.ids.next(),
							by: 'demo',
							device: DEVICE,
							...(e as object)
						})
					);
			});
		},
		{ kind: 'command', command: 'seedDemoPurchasing', user: 'demo', device: DEVICE }
	);
	return n;
}
