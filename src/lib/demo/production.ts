// The demo company's own plant (issue 18, point 8): the gift boxes 好日子 sells are baked,
// filled and packed in Taoyuan. Four work centres, two-level BOMs (gift box ← pastries or
// filled cans + packaging; pastry / can ← raw materials), a history of closed work orders
// and the open ones a planner sees this morning (late, in progress, released, planned).
//
// Stock stays consistent with the trading simulation, which ran first and bought the gift
// boxes it sold: every component here is a new item (raw materials, semi-finished goods,
// production packaging) received from its supplier just before it is used, so production
// never takes stock the simulation counted on; finished gift boxes add modest lots on top.
// Components are not lot-tracked: the shop-floor commands issue and backflush without a lot.
// Everything goes through the production commands, on a simulated clock, seeded.

import { createHlc } from '../domain/clock/hlc';
import { createIdGenerator } from '../domain/ids';
import type { Balance } from '../domain/ledger/fold';
import { stockKeyString } from '../domain/ledger/movement';
import { createPrng } from '../domain/random/prng';
import { createItem } from '../commands/catalog';
import type { CommandContext, WorkspaceDocs } from '../commands/context';
import { recordMovementsBatch } from '../commands/movements';
import { saveBom, saveWorkCenter } from '../commands/production/boms';
import {
	closeWorkOrder,
	createWorkOrders,
	releaseWorkOrder,
	type WorkOrderInput
} from '../commands/production/work-orders';
import { completeWorkOrder, reportProgress } from '../commands/production/shop-floor';
import type { WorkOrderHeader } from '../domain/production/work-order';
import { readItems } from '../doc/catalog-doc';
import { seedCorporateGiftOrders } from './production-orders';
import { seasonFactor } from './seasons';

export interface DemoProductionOptions {
	seed: number;
	nowMs: number;
	/** First day of the trading history (UTC midnight). */
	firstDay: number;
	/** The plant's finished goods and materials are kept at the main warehouse. */
	mainWarehouseId: string;
}

export interface DemoProductionResult {
	/** Catalog items added: raw materials, production packaging, semi-finished goods. */
	items: number;
	workCenters: number;
	boms: number;
	workOrders: number;
	movements: number;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** 08:30 Taipei in UTC, as in company.ts. */
const OPEN_MS = 30 * 60_000;
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

const WORK_CENTERS = [
	// Labour and overhead per hour (NT$): completions cost their routing minutes at these rates.
	{ code: 'WC-PREP', name: '調理線 (餡料調理・堅果烘焙)', hours: 40, rateCents: 48_000 },
	{ code: 'WC-BAKE', name: '烘焙線', hours: 60, rateCents: 65_000 },
	{ code: 'WC-FILL', name: '充填線 (充填封罐)', hours: 40, rateCents: 52_000 },
	{ code: 'WC-PACK', name: '包裝線', hours: 80, rateCents: 42_000 }
] as const;
type CenterCode = (typeof WORK_CENTERS)[number]['code'];

/** [code, name, unit, category, standard cost in cents, supplier] */
const MATERIALS = [
	['RM-FLOUR', '低筋麵粉 (生產用)', '公斤', '原料', 4200, '南方烘焙原料行'],
	['RM-BUTTER', '無水奶油 (生產用)', '公斤', '原料', 32000, '南方烘焙原料行'],
	['RM-BEAN', '烏豆沙餡', '公斤', '原料', 16000, '南方烘焙原料行'],
	['RM-PINE', '土鳳梨餡', '公斤', '原料', 21000, '南方烘焙原料行'],
	['RM-LOTUS', '白蓮蓉餡', '公斤', '原料', 26000, '南方烘焙原料行'],
	['RM-YOLK', '鹹蛋黃 (生產用)', '個', '原料', 900, '南方烘焙原料行'],
	['RM-NUTS', '綜合堅果 (原料)', '公斤', '原料', 48000, '福源食品有限公司'],
	['RM-TEA', '高山烏龍茶菁', '公斤', '原料', 180000, '禾豐茶飲股份有限公司'],
	['PKM-CAN', '馬口鐵罐 (禮盒用)', '個', '生產包材', 1800, '永興包材有限公司'],
	['PKM-BOX-S', '禮盒紙盒 (標準)', '個', '生產包材', 3500, '信義紙器行'],
	['PKM-BOX-L', '精裝禮盒 (硬殼)', '個', '生產包材', 9800, '信義紙器行'],
	['PKM-TRAY', '禮盒內襯托盤', '個', '生產包材', 600, '信義紙器行'],
	['PKM-DES', '食品脫氧劑', '個', '生產包材', 150, '永興包材有限公司'],
	['PKM-RIB', '緞帶 (精裝)', '個', '生產包材', 800, '永興包材有限公司'],
	['PKM-BAG', '禮盒提袋', '個', '生產包材', 1200, '信義紙器行'],
	['PKM-LBL', '禮盒標籤 (成分・效期)', '個', '生產包材', 80, '永興包材有限公司']
] as const;
type MaterialCode = (typeof MATERIALS)[number][0];

interface SemiSpec {
	code: string;
	name: string;
	unit: string;
	costCents: number;
	/** [component, qty per unit, scrap %]: qty × (1 + scrap) keeps ≤ 3 decimals for 公斤. */
	lines: readonly (readonly [MaterialCode, number, number])[];
	steps: readonly (readonly [string, CenterCode, number])[];
}

interface ProductSpec {
	/** The catalog's gift-box product code (GFT-<code>-STD/LUX/CORP). */
	code: 'YS' | 'PA' | 'MC' | 'NU' | 'TE';
	semi: SemiSpec;
	/** Semi-finished units per box, by variant. */
	perBox: Readonly<Record<Variant, number>>;
	/** Pastries get a tray and oxygen absorbers; cans do not. */
	pastry: boolean;
}
type Variant = 'STD' | 'LUX' | 'CORP';
const VARIANTS: readonly Variant[] = ['STD', 'LUX', 'CORP'];
/** Boxes per campaign at a season factor of 1, by variant. */
const BATCH: Readonly<Record<Variant, number>> = { STD: 24, LUX: 10, CORP: 36 };
const PACK_MINUTES: Readonly<Record<Variant, number>> = { STD: 2.5, LUX: 4, CORP: 2 };

const PRODUCTS: readonly ProductSpec[] = [
	{
		code: 'YS',
		pastry: true,
		perBox: { STD: 6, LUX: 12, CORP: 4 },
		semi: {
			code: 'SFG-YS',
			name: '蛋黃酥 (裸裝半成品)',
			unit: '個',
			costCents: 1800,
			lines: [
				['RM-FLOUR', 0.02, 5],
				['RM-BUTTER', 0.01, 0],
				['RM-BEAN', 0.03, 0],
				['RM-YOLK', 1, 0]
			],
			steps: [
				['包餡', 'WC-PREP', 0.25],
				['烘烤', 'WC-BAKE', 0.4]
			]
		}
	},
	{
		code: 'PA',
		pastry: true,
		perBox: { STD: 10, LUX: 16, CORP: 8 },
		semi: {
			code: 'SFG-PA',
			name: '土鳳梨酥 (裸裝半成品)',
			unit: '個',
			costCents: 1500,
			lines: [
				['RM-FLOUR', 0.02, 5],
				['RM-BUTTER', 0.01, 0],
				['RM-PINE', 0.025, 0]
			],
			steps: [
				['包餡', 'WC-PREP', 0.15],
				['烘烤', 'WC-BAKE', 0.3]
			]
		}
	},
	{
		code: 'MC',
		pastry: true,
		perBox: { STD: 8, LUX: 12, CORP: 6 },
		semi: {
			code: 'SFG-MC',
			name: '蓮蓉蛋黃月餅 (裸裝半成品)',
			unit: '個',
			costCents: 3200,
			lines: [
				['RM-FLOUR', 0.04, 5],
				['RM-LOTUS', 0.06, 5],
				['RM-YOLK', 1, 0]
			],
			steps: [
				['包餡', 'WC-PREP', 0.3],
				['烘烤', 'WC-BAKE', 0.5]
			]
		}
	},
	{
		code: 'NU',
		pastry: false,
		perBox: { STD: 2, LUX: 4, CORP: 2 },
		semi: {
			code: 'SFG-NU',
			name: '綜合堅果罐 (分裝半成品)',
			unit: '罐',
			costCents: 14000,
			lines: [
				['RM-NUTS', 0.25, 2],
				['PKM-CAN', 1, 0]
			],
			steps: [
				['烘焙', 'WC-PREP', 0.5],
				['充填封罐', 'WC-FILL', 0.8]
			]
		}
	},
	{
		code: 'TE',
		pastry: false,
		perBox: { STD: 2, LUX: 4, CORP: 1 },
		semi: {
			code: 'SFG-TE',
			name: '高山烏龍茶罐 (分裝半成品)',
			unit: '罐',
			costCents: 30000,
			lines: [
				['RM-TEA', 0.15, 2],
				['PKM-CAN', 1, 0]
			],
			steps: [['充填封罐', 'WC-FILL', 0.6]]
		}
	}
];

/** Packaging per gift box, by variant and kind of content. */
function packagingOf(variant: Variant, pastry: boolean): [MaterialCode, number][] {
	const out: [MaterialCode, number][] = [
		[variant === 'LUX' ? 'PKM-BOX-L' : 'PKM-BOX-S', 1],
		['PKM-LBL', 1]
	];
	if (pastry) out.push(['PKM-TRAY', 1], ['PKM-DES', 2]);
	if (variant === 'LUX') out.push(['PKM-RIB', 1]);
	if (variant !== 'CORP') out.push(['PKM-BAG', 1]);
	return out;
}

interface Action {
	ms: number;
	seq: number;
	run: () => void;
}

/** Business day at or after `ms` (no Sundays), at `hour` hours after opening. */
function workday(ms: number, hour = 0): number {
	let day = Math.floor(ms / DAY_MS) * DAY_MS;
	while (new Date(day).getUTCDay() === 0) day += DAY_MS;
	return day + OPEN_MS + hour * HOUR_MS;
}

export function seedDemoProduction(
	docs: WorkspaceDocs,
	opts: DemoProductionOptions
): DemoProductionResult {
	const prng = createPrng(opts.seed ^ 0x9a0d);
	const idPrng = createPrng(opts.seed ^ 0x1d9a);
	let simMs = opts.firstDay + OPEN_MS;
	/** On hand per component item at the main warehouse (no location, no lot). */
	const onHand = new Map<string, number>();
	const wh = opts.mainWarehouseId;
	const ctx: CommandContext = {
		docs,
		// Each clock read moves the simulated time on a second, as a person works through a form.
		clock: createHlc('demo.plant', () => (simMs += 1000)),
		ids: createIdGenerator({ nowMs: () => simMs, random: idPrng.next }),
		user: 'demo',
		role: 'admin',
		// Only the plant's own components are checked out here, and only from this fold.
		balances: () => {
			const out = new Map<string, Balance>();
			const lastAt = ctx.clock.now();
			for (const [itemId, qty] of onHand) {
				const key = { itemId, warehouseId: wh, locationId: '', lot: '' };
				out.set(stockKeyString(key), { ...key, qty, lastAt });
			}
			return out;
		}
	};
	const have = (id: string): number => onHand.get(id) ?? 0;
	const add = (id: string, qty: number): void => {
		onHand.set(id, Math.round((have(id) + qty) * 1000) / 1000);
	};

	// Catalog: materials and semi-finished goods, created at the start of the history.
	const itemIds = new Map<string, string>();
	const units = new Map<string, string>();
	const costs = new Map<string, number>();
	const suppliers = new Map<string, string>();
	for (const [code, name, unit, category, cost, supplier] of MATERIALS) {
		const item = createItem(ctx, { code, name, unit, category, standardCostCents: cost });
		itemIds.set(code, item.id);
		units.set(item.id, unit);
		costs.set(item.id, cost);
		suppliers.set(item.id, supplier);
	}
	const centers = new Map<CenterCode, string>();
	for (const c of WORK_CENTERS)
		centers.set(
			c.code,
			saveWorkCenter(ctx, {
				code: c.code,
				name: c.name,
				capacityHoursPerWeek: c.hours,
				costPerHourCents: c.rateCents
			}).id
		);
	const idOf = (code: string): string => {
		const id = itemIds.get(code);
		if (!id) throw new Error(`demo production: no item ${code}`);
		return id;
	};
	const center = (code: CenterCode): string => centers.get(code) ?? '';

	const catalog = new Map(readItems(docs.catalog).map((i) => [i.code, i]));
	// Version A of every BOM applies from the start: open campaigns may have begun before a short
	// demo's first day (--months 1).
	const effectiveFrom = '';
	let boms = 0;
	let stepSeq = 0;
	const stepId = (): string => `${ctx.ids.next()}-${++stepSeq}`;
	interface Made {
		product: ProductSpec;
		semiId: string;
		boxes: Map<Variant, string>;
	}
	const made: Made[] = [];
	for (const product of PRODUCTS) {
		const semi = createItem(ctx, {
			code: product.semi.code,
			name: product.semi.name,
			unit: product.semi.unit,
			category: '半成品',
			standardCostCents: product.semi.costCents
		});
		itemIds.set(product.semi.code, semi.id);
		units.set(semi.id, product.semi.unit);
		saveBom(ctx, {
			itemId: semi.id,
			version: 'A',
			effectiveFrom,
			lines: product.semi.lines.map(([code, qtyPer, scrapPct]) => ({
				id: stepId(),
				childId: idOf(code),
				qtyPer,
				scrapPct
			})),
			steps: product.semi.steps.map(([name, wc, minutesPerUnit], i) => ({
				id: stepId(),
				seq: (i + 1) * 10,
				name,
				workCenterId: center(wc),
				minutesPerUnit
			}))
		});
		boms++;
		const boxes = new Map<Variant, string>();
		for (const variant of VARIANTS) {
			const box = catalog.get(`GFT-${product.code}-${variant}`);
			if (!box) continue;
			saveBom(ctx, {
				itemId: box.id,
				version: 'A',
				effectiveFrom,
				lines: [
					{ id: stepId(), childId: semi.id, qtyPer: product.perBox[variant], scrapPct: 0 },
					...packagingOf(variant, product.pastry).map(([code, qtyPer]) => ({
						id: stepId(),
						childId: idOf(code),
						qtyPer,
						scrapPct: 0
					}))
				],
				steps: [
					{
						id: stepId(),
						seq: 10,
						name: variant === 'LUX' ? '裝盒・綁緞帶' : '裝盒',
						workCenterId: center('WC-PACK'),
						minutesPerUnit: PACK_MINUTES[variant]
					}
				],
				note: '禮盒自製:半成品 + 包材'
			});
			boms++;
			boxes.set(variant, box.id);
		}
		made.push({ product, semiId: semi.id, boxes });
	}

	// The plan: every step as an action on the simulated clock, run in time order.
	const actions: Action[] = [];
	let seq = 0;
	const at = (ms: number, run: () => void): void => {
		actions.push({ ms, seq: seq++, run });
	};
	let movements = 0;
	const receive = (ms: number, needs: Map<string, number>, ref: string, cover: number): void => {
		at(ms, () => {
			const requests = [...needs]
				.map(([itemId, need]) => {
					const unit = units.get(itemId) ?? '';
					// History buys what the campaign needs; open orders find part of it on hand.
					const missing = cover >= 1 ? need * cover : need * cover - have(itemId);
					const qty = unit === '公斤' ? Math.ceil(missing * 10) / 10 : Math.ceil(missing);
					return { itemId, unit, qty };
				})
				.filter((r) => r.qty > 0)
				.map(({ itemId, unit, qty }) => ({
					kind: 'receipt' as const,
					input: {
						itemId,
						warehouseId: wh,
						qty,
						unit,
						unitCostCents: costs.get(itemId),
						ref,
						note: suppliers.get(itemId) ?? ''
					}
				}));
			if (requests.length === 0) return;
			movements += recordMovementsBatch(ctx, requests, { command: 'seedDemoProduction' }).flat()
				.length;
			for (const r of requests) add(r.input.itemId, r.input.qty);
		});
	};
	const materialNeeds = (bomLines: readonly (readonly [string, number])[], qty: number) => {
		const needs = new Map<string, number>();
		for (const [id, per] of bomLines) needs.set(id, (needs.get(id) ?? 0) + per * qty);
		return needs;
	};
	const semiLines = (p: ProductSpec): [string, number][] =>
		p.semi.lines.map(([code, per, scrap]) => [idOf(code), per * (1 + scrap / 100)]);
	const boxLines = (m: Made, v: Variant): [string, number][] => [
		[m.semiId, m.product.perBox[v]],
		...packagingOf(v, m.product.pastry).map(([c, q]): [string, number] => [idOf(c), q])
	];

	let workOrders = 0;
	/** Creates the orders at `ms`; `then` receives their headers in the same order. */
	const create = (
		ms: number,
		inputs: WorkOrderInput[],
		then: (headers: WorkOrderHeader[]) => void
	): void => {
		at(ms, () => {
			const headers = createWorkOrders(ctx, inputs);
			workOrders += headers.length;
			then(headers);
		});
	};
	/** Shop floor for one order: release, progress per step, and optionally completion. */
	const run = (
		wo: () => WorkOrderHeader | undefined,
		plan: {
			release: number;
			reports: { ms: number; share: number }[];
			complete?: number;
			close?: number;
			scrapPct: number;
		}
	): void => {
		at(plan.release, () => {
			const h = wo();
			if (h) releaseWorkOrder(ctx, h.id);
		});
		let reported = 0;
		let completed = false;
		for (const { ms, share } of plan.reports)
			at(ms, () => {
				const h = wo();
				if (!h) return;
				const total = Math.min(h.qty, Math.round(h.qty * share));
				const units = total - reported;
				if (units <= 0) return;
				reported = total;
				const scrap = Math.floor((units * plan.scrapPct) / 100);
				for (const step of h.steps)
					reportProgress(ctx, h.id, { stepId: step.id, good: units - scrap, scrap });
			});
		if (plan.complete !== undefined)
			at(plan.complete, () => {
				const h = wo();
				if (!h) return;
				const reportedGood = reported - Math.floor((reported * plan.scrapPct) / 100);
				// Never more than the issued components allow (they were received to cover it).
				const affordable = Math.min(
					...h.materials.map((m) => Math.floor((have(m.itemId) + 1e-9) / m.qtyPer))
				);
				const good = Math.min(reportedGood > 0 ? reportedGood : h.qty, affordable);
				if (good <= 0) return;
				const event = completeWorkOrder(ctx, h.id, { good });
				completed = true;
				if (event.type === 'complete') {
					for (const l of event.payload.backflushed) add(l.itemId, -l.qty);
					add(h.itemId, event.payload.lot ? 0 : event.payload.good);
					movements += event.payload.backflushed.length + 1;
				}
			});
		if (plan.close !== undefined) {
			const close = plan.close;
			at(close, () => {
				const h = wo();
				if (h && completed) closeWorkOrder(ctx, h.id);
			});
		}
	};

	/**
	 * One campaign: the semi-finished goods for a few box variants, then the boxes. `open`
	 * campaigns stop where the planner's morning finds them.
	 */
	const campaign = (
		m: Made,
		startMs: number,
		factor: number,
		mode: 'history' | 'late' | 'in-progress' | 'released' | 'planned',
		nowMs: number
	): void => {
		const variants = VARIANTS.filter((v) => m.boxes.has(v) && (v === 'STD' || prng.chance(0.6)));
		const qtys = variants.map((v) =>
			Math.max(6, Math.round(BATCH[v] * factor * (0.7 + 0.6 * prng.next())))
		);
		const semiQty = Math.ceil(
			variants.reduce((a, v, i) => a + m.product.perBox[v] * (qtys[i] ?? 0), 0) * 1.03
		);
		const semiStart = workday(startMs);
		const semiDue = workday(semiStart + 2 * DAY_MS);
		const boxStart = workday(semiDue + DAY_MS);
		const boxDue = workday(boxStart + 2 * DAY_MS);
		const created = workday(semiStart - (mode === 'planned' ? 1 : 4) * DAY_MS, 0.5);
		const createdMs = Math.min(created, nowMs - 2 * HOUR_MS);
		const headers: WorkOrderHeader[] = [];
		const inputs: WorkOrderInput[] = [
			{
				itemId: m.semiId,
				qty: semiQty,
				warehouseId: wh,
				startDate: isoDay(semiStart),
				dueDate: isoDay(semiDue),
				note: `${m.product.semi.name}・禮盒備料`
			},
			...variants.map((v, i) => ({
				itemId: m.boxes.get(v) ?? '',
				qty: qtys[i] ?? 1,
				warehouseId: wh,
				startDate: isoDay(boxStart),
				dueDate: isoDay(boxDue)
			}))
		];
		create(createdMs, inputs, (hs) => headers.push(...hs));
		const semi = () => headers[0];
		const rawNeeds = materialNeeds(semiLines(m.product), semiQty);
		const packNeeds = new Map<string, number>();
		variants.forEach((v, i) => {
			for (const [id, need] of materialNeeds(boxLines(m, v).slice(1), qtys[i] ?? 0))
				packNeeds.set(id, (packNeeds.get(id) ?? 0) + need);
		});
		const stamp = isoDay(semiStart).slice(2).replaceAll('-', '');
		if (mode === 'planned') return;
		// Open orders find part of their material in stock, so shortages show before release.
		const cover = mode === 'history' ? 1 + 0.1 * prng.next() : 0.4 + 0.4 * prng.next();
		const receiveAt = Math.min(workday(semiStart - 2 * DAY_MS, 1), nowMs - HOUR_MS);
		receive(receiveAt, rawNeeds, `RM-${stamp}`, cover);
		receive(
			Math.min(workday(boxStart - DAY_MS, 1), nowMs - HOUR_MS),
			packNeeds,
			`PM-${stamp}`,
			cover
		);
		const releaseMs = Math.min(workday(semiStart - DAY_MS, 2), nowMs - HOUR_MS);
		if (mode === 'released') {
			run(semi, { release: releaseMs, reports: [], scrapPct: 0 });
			return;
		}
		const scrapPct = prng.int(0, 2);
		if (mode === 'history') {
			run(semi, {
				release: releaseMs,
				reports: [
					{ ms: workday(semiStart, 4), share: 0.5 },
					{ ms: workday(semiDue, 6), share: 1 }
				],
				complete: workday(semiDue, 8),
				close: workday(semiDue + 2 * DAY_MS, 1),
				scrapPct
			});
			variants.forEach((_, i) =>
				run(() => headers[i + 1], {
					release: workday(boxStart - DAY_MS, 3),
					reports: [{ ms: workday(boxDue, 6), share: 1 }],
					complete: workday(boxDue, 8),
					close: workday(boxDue + 3 * DAY_MS, 1),
					scrapPct: 0
				})
			);
			return;
		}
		// Late or in progress: the semi-finished order is on the floor, part reported.
		run(semi, {
			release: releaseMs,
			reports: [
				{ ms: Math.min(workday(semiStart, 5), nowMs - HOUR_MS / 2), share: 0.3 + 0.4 * prng.next() }
			],
			scrapPct
		});
		variants.forEach((_, i) =>
			run(() => headers[i + 1], {
				release: Math.min(workday(boxStart - DAY_MS, 3), nowMs - HOUR_MS),
				reports: [],
				scrapPct: 0
			})
		);
	};

	// History: a campaign per product in most months, more and bigger in the gift seasons.
	const today = Math.floor((opts.nowMs - 10 * HOUR_MS) / DAY_MS) * DAY_MS;
	const historyEnd = today - 14 * DAY_MS;
	for (let week = opts.firstDay + 7 * DAY_MS; week < historyEnd; week += 14 * DAY_MS) {
		for (const m of made) {
			const factor = seasonFactor('gift', week + 14 * DAY_MS);
			if (!prng.chance(Math.min(0.9, 0.12 + 0.2 * factor))) continue;
			const start = week + prng.int(0, 9) * DAY_MS;
			if (workday(start) + 9 * DAY_MS >= historyEnd) continue;
			campaign(m, start, Math.max(0.5, factor), 'history', opts.nowMs);
		}
	}
	// This morning: two late campaigns, two on the floor, two released, three planned.
	const upcoming = (offsetDays: number): number =>
		Math.min(2, Math.max(1, seasonFactor('gift', today + (offsetDays + 14) * DAY_MS)));
	const shuffled = prng.shuffle(made);
	const pick = (i: number): Made => shuffled[i % shuffled.length] as Made;
	campaign(pick(0), today - 12 * DAY_MS, upcoming(-12), 'late', opts.nowMs);
	campaign(pick(1), today - 9 * DAY_MS, upcoming(-9), 'late', opts.nowMs);
	campaign(pick(2), today - 2 * DAY_MS, upcoming(0) * 3, 'in-progress', opts.nowMs);
	campaign(pick(3), today - DAY_MS, upcoming(0) * 2, 'in-progress', opts.nowMs);
	campaign(pick(4), today + 3 * DAY_MS, upcoming(3) * 4, 'released', opts.nowMs);
	campaign(pick(0), today + 8 * DAY_MS, upcoming(8) * 3, 'released', opts.nowMs);
	campaign(pick(1), today + 15 * DAY_MS, upcoming(15) * 5, 'planned', opts.nowMs);
	campaign(pick(2), today + 22 * DAY_MS, upcoming(22) * 4, 'planned', opts.nowMs);
	campaign(pick(3), today + 29 * DAY_MS, upcoming(29) * 6, 'planned', opts.nowMs);

	actions.sort((a, b) => a.ms - b.ms || a.seq - b.seq);
	for (const a of actions) {
		simMs = Math.max(simMs, a.ms);
		a.run();
	}
	// Big orders confirmed this morning, beyond the boxes on hand: the plan has work to propose.
	seedCorporateGiftOrders(docs, { seed: opts.seed, nowMs: opts.nowMs, mainWarehouseId: wh });
	return {
		items: MATERIALS.length + PRODUCTS.length,
		workCenters: WORK_CENTERS.length,
		boms,
		workOrders,
		movements
	};
}
