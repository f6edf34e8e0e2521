// Purchasing for the demo company: the families' suppliers (and two alternates for quote
// comparison) with certificates — one expiring soon, one mandatory one expired — supplied
// items, price lists with quantity breaks, a year of purchase orders and receipts, and the
// orders still on their way. Master data goes through the purchasing commands.
// The year's history is an import (purchase-history.ts): each PO the simulation placed, its
// receive naming the ledger receipt the simulation already wrote, so ledger and POs agree and
// no stock is doubled. A few receipts record a rejection accepted on concession, and some
// suppliers deliver late, so the scorecard has real history.

import { createHlc } from '../domain/clock/hlc';
import { createIdGenerator } from '../domain/ids';
import { createPrng, type Prng } from '../domain/random/prng';
import { addDays } from '../domain/purchasing/qualification';
import type { QualificationInput } from '../domain/purchasing/supplier';
import type { CommandContext, WorkspaceDocs } from '../commands/context';
import { createSupplier, setPrices, type PriceInput } from '../commands/purchasing/suppliers';
import { DEVICE, importHistory, placePending, type PendingOptions } from './purchase-history';
import { seedDemoRfqs } from './rfqs';
import type { Sku } from './skus';

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export interface DemoPurchasingOptions extends PendingOptions {
	seed: number;
	nowMs: number;
	firstDay: number;
	skus: readonly Sku[];
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
	const alternateIds: string[] = [];
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
		alternateIds.push(s.id);
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
	seedDemoRfqs(docs, {
		seed: opts.seed,
		nowMs: opts.nowMs,
		warehouseId: opts.mainWarehouseId,
		skus: opts.skus,
		mainOf: (sku) => supplierOf.get(sku.family.supplier),
		alternateId: alternateIds[0] ?? '',
		blockedId: alternateIds[1] ?? ''
	});
	return { suppliers: names.length + alternates.length, purchaseOrders: history + open };
}
