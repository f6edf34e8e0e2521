// Purchasing for the demo company: the families' suppliers (and two alternates for quote
// comparison) with certificates — one expiring soon, one mandatory one expired — supplied
// items, price lists with quantity breaks, a year of purchase orders and receipts, and the
// orders still on their way. Master data and open orders go through the purchasing commands.
// The year's history is an import: each PO the simulation placed is written with its approve,
// send and receive events, the receive naming the ledger receipt the simulation already wrote
// (so ledger and POs agree and no stock is doubled). A few receipts record a rejection
// accepted on concession, and some suppliers deliver late, so the scorecard has real history.

import { createHlc, formatStamp } from '../domain/clock/hlc';
import { createIdGenerator } from '../domain/ids';
import { parseOrThrow } from '../domain/parse';
import { createPrng, type Prng } from '../domain/random/prng';
import { applicableEntry, unitPriceAt } from '../domain/purchasing/price-list';
import {
	poEventSchema,
	poHeaderSchema,
	poLineSchema,
	type PoEvent
} from '../domain/purchasing/purchase-order';
import { addDays } from '../domain/purchasing/qualification';
import type { QualificationInput } from '../domain/purchasing/supplier';
import type { CommandContext, WorkspaceDocs } from '../commands/context';
import { createSupplier, setPrices, type PriceInput } from '../commands/purchasing/suppliers';
import { readMovements } from '../doc/ledger-doc';
import { appendPoEvent, purchaseOrderMap, writeNewPurchaseOrder } from '../doc/purchasing-doc';
import { readPriceList } from '../doc/suppliers-doc';
import { ensureOrdersSchema } from '../doc/orders-doc';
import type { Sku } from './skus';

const DAY_MS = 86_400_000;
const DEVICE = 'demo.buyer';
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

export interface DemoPurchasingOptions {
	seed: number;
	nowMs: number;
	firstDay: number;
	skus: readonly Sku[];
	/** Receiving warehouse of the simulation's purchase orders. */
	mainWarehouseId: string;
	/** Orders placed by the simulation that have not arrived yet. */
	pending: readonly PendingPo[];
}

function qualifications(
	index: number,
	food: boolean,
	today: string,
	prng: Prng
): Omit<QualificationInput, 'id'>[] {
	const iso = {
		type: 'iso-9001' as const,
		name: `ISO 9001 TW-${1000 + index}`,
		issuedOn: addDays(today, -700),
		mandatory: true
	};
	const out: Omit<QualificationInput, 'id'>[] = [
		// The second supplier's ISO certificate runs out within the reminder window.
		{ ...iso, expiresOn: index === 1 ? addDays(today, 18) : addDays(today, prng.int(120, 700)) }
	];
	if (food)
		out.push({
			type: 'haccp',
			name: `HACCP-${2000 + index}`,
			issuedOn: addDays(today, -300),
			expiresOn: addDays(today, index === 2 ? 9 : prng.int(90, 500)),
			mandatory: false
		});
	out.push({
		type: 'licence',
		name: `營利事業登記 ${53000000 + index * 17}`,
		issuedOn: '2015-01-01',
		expiresOn: '2035-12-31',
		mandatory: false
	});
	return out;
}

export function seedDemoPurchasing(
	docs: WorkspaceDocs,
	opts: DemoPurchasingOptions
): { suppliers: number; purchaseOrders: number } {
	const prng = createPrng(opts.seed ^ 0x9e37);
	const simMs = opts.firstDay;
	const ctx: CommandContext = {
		docs,
		clock: createHlc(DEVICE, () => simMs),
		ids: createIdGenerator({ nowMs: () => simMs, random: createPrng(opts.seed ^ 0x51).next }),
		user: 'demo',
		role: 'admin'
	};
	const today = isoDay(opts.nowMs);
	const start = isoDay(opts.firstDay);

	// Suppliers: one per family supplier name, plus two alternates for packaging and food.
	const names = [...new Set(opts.skus.map((s) => s.family.supplier))];
	const supplierOf = new Map<string, string>();
	const prices: PriceInput[] = [];
	names.forEach((name, i) => {
		const food = opts.skus.some(
			(s) => s.family.supplier === name && (s.input.shelfLifeDays ?? 0) > 0
		);
		const items = opts.skus
			.filter((s) => s.family.supplier === name)
			.map((s) => ({
				itemId: s.id,
				supplierPartNo: `${String.fromCharCode(65 + i)}-${s.input.code}`,
				leadTimeDays: s.leadDays,
				moq: s.lineQty * 5,
				orderMultiple: s.lineQty,
				preferred: true
			}));
		const s = createSupplier(ctx, {
			code: `SUP-${String(i + 1).padStart(2, '0')}`,
			name,
			contacts: [
				{
					name: ['陳經理', '林小姐', '王先生', '張課長'][i % 4] ?? '陳經理',
					phone: `03-${3300000 + i * 1371}`
				}
			],
			paymentTermsDays: [30, 60, 45][i % 3] ?? 30,
			address: ['桃園市', '新北市', '台中市', '台南市'][i % 4] ?? '桃園市',
			items,
			qualifications: qualifications(i, food, today, prng)
		});
		supplierOf.set(name, s.id);
		for (const sku of opts.skus.filter((x) => x.family.supplier === name)) {
			const cost = sku.input.standardCostCents ?? 0;
			prices.push({
				supplierId: s.id,
				itemId: sku.id,
				validFrom: start,
				breaks: [
					{ minQty: 0, unitPriceCents: cost },
					{ minQty: sku.lineQty * 40, unitPriceCents: Math.round(cost * 0.95) }
				]
			});
		}
	});
	const alternates = [
		{ code: 'ALT-01', name: '大昌貿易股份有限公司', lead: 4, factor: 1.06, expired: false },
		{ code: 'ALT-02', name: '順發國際有限公司', lead: 14, factor: 0.9, expired: true }
	];
	for (const alt of alternates) {
		const skus = opts.skus.filter((_, i) => i % 7 === (alt.expired ? 3 : 1));
		const s = createSupplier(ctx, {
			code: alt.code,
			name: alt.name,
			currency: alt.expired ? 'USD' : 'TWD',
			items: skus.map((sku) => ({ itemId: sku.id, leadTimeDays: alt.lead, moq: sku.lineQty * 10 })),
			qualifications: [
				{
					type: 'iso-9001',
					name: `ISO 9001 ${alt.code}`,
					issuedOn: addDays(today, -1100),
					expiresOn: alt.expired ? addDays(today, -12) : addDays(today, 400),
					mandatory: true
				}
			]
		});
		for (const sku of skus) {
			const cents = Math.round(
				((sku.input.standardCostCents ?? 0) * alt.factor) / (alt.expired ? 32 : 1)
			);
			prices.push({
				supplierId: s.id,
				itemId: sku.id,
				currency: alt.expired ? 'USD' : 'TWD',
				validFrom: addDays(today, -60),
				breaks: [{ minQty: 0, unitPriceCents: Math.max(1, cents) }],
				landedExtraPct: alt.expired ? 8 : 0,
				source: 'quote'
			});
		}
	}

	setPrices(ctx, prices);
	const bySkuId = new Map(opts.skus.map((s) => [s.id, s]));
	const history = importHistory(docs, ctx, prng, bySkuId, supplierOf);
	const open = placePending(docs, ctx, opts, supplierOf);
	return { suppliers: names.length + alternates.length, purchaseOrders: history + open };
}

/** The year's received POs, rebuilt around the ledger receipts the simulation wrote. */
function importHistory(
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
				const number = ref.replace(/^PO-(\d{6})-/, 'PO-20$1-');
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
				for (const e of events) {
					const event: PoEvent = parseOrThrow(poEventSchema, {
						id: ctx.ids.next(),
						by: 'demo',
						device: DEVICE,
						...(e as object)
					});
					appendPoEvent(map, event);
				}
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
function placePending(
	docs: WorkspaceDocs,
	ctx: CommandContext,
	opts: DemoPurchasingOptions,
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
						number: p.po.replace(/^PO-(\d{6})-/, 'PO-20$1-'),
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
