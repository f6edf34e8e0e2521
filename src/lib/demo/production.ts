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

import { createPrng } from '../domain/random/prng';
import type { WorkspaceDocs } from '../commands/context';
import type { WorkOrderInput } from '../commands/production/work-orders';
import type { WorkOrderHeader } from '../domain/production/work-order';
import { PlantSim } from './plant-sim';
import { seedCorporateGiftOrders } from './production-orders';
import {
	BATCH,
	MATERIALS,
	packagingOf,
	PRODUCTS,
	seedPlantCatalog,
	VARIANTS,
	WORK_CENTERS,
	type Made,
	type ProductSpec,
	type Variant
} from './production-plant';
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
	const wh = opts.mainWarehouseId;
	const sim = new PlantSim(docs, wh, opts.firstDay + OPEN_MS, idPrng.next);
	const plant = seedPlantCatalog(sim.ctx);
	const { idOf, made, boms } = plant;

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
		sim.create(createdMs, inputs, (hs) => headers.push(...hs));
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
		sim.receive(receiveAt, rawNeeds, `RM-${stamp}`, cover, plant);
		sim.receive(
			Math.min(workday(boxStart - DAY_MS, 1), nowMs - HOUR_MS),
			packNeeds,
			`PM-${stamp}`,
			cover,
			plant
		);
		const releaseMs = Math.min(workday(semiStart - DAY_MS, 2), nowMs - HOUR_MS);
		if (mode === 'released') {
			sim.run(semi, { release: releaseMs, reports: [], scrapPct: 0 });
			return;
		}
		const scrapPct = prng.int(0, 2);
		if (mode === 'history') {
			sim.run(semi, {
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
				sim.run(() => headers[i + 1], {
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
		sim.run(semi, {
			release: releaseMs,
			reports: [
				{ ms: Math.min(workday(semiStart, 5), nowMs - HOUR_MS / 2), share: 0.3 + 0.4 * prng.next() }
			],
			scrapPct
		});
		variants.forEach((_, i) =>
			sim.run(() => headers[i + 1], {
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

	sim.runAll();
	// Big orders confirmed this morning, beyond the boxes on hand: the plan has work to propose.
	seedCorporateGiftOrders(docs, { seed: opts.seed, nowMs: opts.nowMs, mainWarehouseId: wh });
	return {
		items: MATERIALS.length + PRODUCTS.length,
		workCenters: WORK_CENTERS.length,
		boms,
		workOrders: sim.workOrders,
		movements: sim.movements
	};
}
